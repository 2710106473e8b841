import { type ChildProcess, spawn } from 'node:child_process';
import type { Logger } from '../actions/ports.js';
import { errorText } from './errors.js';
import { type HelperReply, parseReply, UDGRAM_HELPER_SOURCE } from './udgram-helper.js';

/**
 * Past this many bytes not yet taken by the helper's stdin, a new datagram is dropped: SEC sends
 * with a non-blocking send(2) and loses what the kernel cannot take (EAGAIN), it never queues.
 */
export const UDGRAM_QUEUE_LIMIT = 1024 * 1024;

export interface UdgramProcessOptions {
  /** The perl interpreter (default `perl`, looked up in PATH). */
  readonly perl?: string;
  /** Bytes that may wait in the helper's stdin before frames are dropped. */
  readonly queueLimit?: number;
}

/** What a write to the helper did: queued, dropped (queue full), or dropped (perl cannot start). */
export type WriteResult = 'queued' | 'full' | 'unavailable';

/** What the owner hears from the helper. */
export interface HelperEvents {
  /** Each reply; `current` is false for a helper that stop() already let go. */
  reply(reply: HelperReply, current: boolean): void;
  /** The current helper died (its sockets are gone). */
  died(): void;
}

/**
 * The long-lived `perl` helper behind ACT-udgram. It starts on first use and never blocks the
 * engine: frames are written asynchronously, bounded by the queue limit. When it dies, that is
 * logged once, its sockets are gone, and the next write starts a new one. Its pipes are unref'd
 * so that it never keeps syscorr alive; when its stdin closes (stop(), or syscorr exiting) it
 * still sends the frames already written, then exits, which closes its sockets.
 */
export class UdgramProcess {
  readonly #logger: Logger;
  readonly #events: HelperEvents;
  readonly #perl: string;
  readonly #limit: number;
  #child: ChildProcess | null = null;
  /** Set when perl could not be started: no new attempt until stop() (SIG-HUP), to avoid a flood. */
  #unavailable = false;

  constructor(logger: Logger, events: HelperEvents, options: UdgramProcessOptions = {}) {
    this.#logger = logger;
    this.#events = events;
    this.#perl = options.perl ?? 'perl';
    this.#limit = options.queueLimit ?? UDGRAM_QUEUE_LIMIT;
  }

  /** The running helper's pid (dump, tests), or undefined. */
  pid(): number | undefined {
    return this.#child?.pid;
  }

  running(): boolean {
    return this.#child !== null;
  }

  /** Queues one frame, starting the helper first if needed; `force` ignores the queue limit (close frames). */
  write(frame: Buffer, force = false): WriteResult {
    const child = this.#child ?? this.#start();
    if (child === null || child.stdin === null) return 'unavailable';
    if (!force && child.stdin.writableLength > this.#limit) return 'full';
    child.stdin.write(frame);
    return 'queued';
  }

  /**
   * Lets the helper go: its stdin is closed, it handles the frames already queued and exits, which
   * closes its sockets (SEC close_outputs). The next write starts a fresh helper.
   */
  stop(): void {
    this.#unavailable = false;
    const child = this.#child;
    if (child === null) return;
    this.#child = null;
    child.stdin?.end();
  }

  #start(): ChildProcess | null {
    if (this.#unavailable) return null;
    const child = spawn(this.#perl, ['-e', UDGRAM_HELPER_SOURCE], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.#child = child;
    const gone = (why: string): void => {
      if (this.#child !== child) return;
      this.#child = null;
      this.#events.died();
      this.#logger.log(2, why);
    };
    child.on('error', (error) => {
      if (child.pid !== undefined) return;
      this.#unavailable = true;
      gone(
        `Can't start the udgram helper '${this.#perl}' (${errorText(error)}); ` +
          'udgram events are dropped until the outputs are closed (SIGHUP)',
      );
    });
    child.on('exit', (code, signal) => {
      const how = signal === null ? `exit code ${code}` : `signal ${signal}`;
      gone(
        `The udgram helper (pid ${child.pid}) died (${how}); its sockets are closed, ` +
          'the next udgram action starts it again',
      );
    });
    // EPIPE after the helper died: its exit is reported once above.
    child.stdin?.on('error', () => {});
    this.#readLines(child, 'stdout', (line) => {
      const reply = parseReply(line);
      if (reply !== null) this.#events.reply(reply, this.#child === child);
    });
    this.#readLines(child, 'stderr', (line) => this.#logger.log(3, `udgram helper: ${line}`));
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr]) unrefStream(stream);
    return child;
  }

  #readLines(child: ChildProcess, name: 'stdout' | 'stderr', onLine: (line: string) => void): void {
    const stream = child[name];
    if (stream === null) return;
    let rest = '';
    stream.setEncoding('latin1');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
  }
}

/** Child stdio pipes are net.Sockets; unref keeps them from holding the event loop open. */
function unrefStream(stream: unknown): void {
  const s = stream as { unref?: () => void } | null;
  s?.unref?.();
}
