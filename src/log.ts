import { closeSync, openSync, writeSync } from 'node:fs';
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

/** A logger with SEC's controls: the debug level (SIG-INT) and reopening the log file (SIG-HUP/ABRT/USR2). */
export interface AppLogger extends Logger {
  setDebug(level: number): void;
  /** Closes the --log file; the next message opens it again (after rotation: a new file). */
  reopen(): void;
}

/**
 * SEC's log_msg: level filter, optional log file with ctime stamps, stderr without them. As in
 * SEC (open_logfile), the file is opened once in append mode and kept open, and reopened on
 * SIGHUP, SIGABRT and SIGUSR2; the ctime stamp is formatted once per second.
 */
export function createLogger(opts: LogOptions): AppLogger {
  let debug = opts.debug;
  let fd: number | null = null;
  let stampSecond = Number.NaN;
  let stamp = '';
  const toFile = (file: string, message: string): void => {
    try {
      fd ??= openSync(file, 'a');
      const now = opts.now();
      if (now !== stampSecond) {
        stampSecond = now;
        stamp = perlLocaltime(now);
      }
      writeSync(fd, `${stamp}: ${message}\n`, null, 'latin1');
    } catch {
      // A broken log file must not stop event processing; stderr below still sees the message.
      // It is opened again for the next message.
      closeQuietly();
    }
  };
  const closeQuietly = (): void => {
    if (fd === null) return;
    try {
      closeSync(fd);
    } catch {
      // already gone
    }
    fd = null;
  };
  return {
    log(level: LogLevel, message: string): void {
      if (level > debug) return;
      if (opts.file !== null) toFile(opts.file, message);
      opts.syslog?.(level, message);
      if (level <= opts.stderrLevel) opts.stderr?.(`${message}\n`);
    },
    setDebug(level: number): void {
      debug = level;
    },
    reopen: closeQuietly,
  };
}
