import { appendFileSync } from 'node:fs';
import type { Logger, LogLevel } from './actions/ports.js';
import { perlLocaltime } from './engine/variables/index.js';

export interface LogOptions {
  /** --debug: messages with a level up to this are logged (OPT-debug). */
  readonly debug: number;
  /** --log=FILE: lines `<scalar localtime>: message` (OPT-log). */
  readonly file: string | null;
  /** Where messages go besides the file: SEC uses stderr only on a tty; syscorr also when there is no --log. */
  readonly stderr: ((text: string) => void) | null;
  /** The highest level that also goes to stderr. */
  readonly stderrLevel: number;
  /** --syslog: a sink taking every logged message with its level (OPT-syslog). */
  readonly syslog?: ((level: LogLevel, message: string) => void) | null;
  readonly now: () => number;
}

/** SEC's log_msg: level filter, optional log file with ctime stamps, stderr without them. */
export function createLogger(opts: LogOptions): Logger & { setDebug(level: number): void } {
  let debug = opts.debug;
  return {
    log(level: LogLevel, message: string): void {
      if (level > debug) return;
      if (opts.file !== null) {
        try {
          appendFileSync(opts.file, `${perlLocaltime(opts.now())}: ${message}\n`, 'latin1');
        } catch {
          // A broken log file must not stop event processing; stderr below still sees the message.
        }
      }
      opts.syslog?.(level, message);
      if (level <= opts.stderrLevel) opts.stderr?.(`${message}\n`);
    },
    setDebug(level: number): void {
      debug = level;
    },
  };
}
