import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { poll } from './poll.js';

/** The built CLI: end-to-end tests run what users run (`npm run build` first). */
export const SYSCORR_MAIN = new URL('../../dist/main.js', import.meta.url).pathname;

/**
 * One bound listener as syscorr logs it: `Listening on tcp://127.0.0.1:0 (127.0.0.1 port 41234)`,
 * for UDP with `, receive buffer N bytes` before the `)`. `url` is the --input value, which is
 * also what rules see as `$+{_inputsrc}`.
 */
export interface LoggedListener {
  readonly url: string;
  readonly address: string;
  readonly port: number;
}

export interface SyscorrOptions {
  /** Directory for the log file (syscorr.log) and anything else of this run. */
  readonly dir: string;
  readonly env?: NodeJS.ProcessEnv;
}

function readSafe(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return '';
  }
}

const LISTENING = /Listening on (\S+) \((\S+) port (\d+)[,)]/g;

/** Every listener a syscorr log says it bound, in --input order. */
function loggedListeners(log: string): LoggedListener[] {
  return [...log.matchAll(LISTENING)].map((m) => ({
    url: m[1] ?? '',
    address: m[2] ?? '',
    port: Number(m[3]),
  }));
}

/** The port of the first listener of `transport` a syscorr log names, or 0. */
export function loggedPort(log: string, transport: 'udp' | 'tcp' | 'tls'): number {
  return loggedListeners(log).find((l) => l.url.startsWith(`${transport}://`))?.port ?? 0;
}

/** The metrics URL a syscorr log names (`Serving metrics on URL`), or null. */
export function loggedMetricsUrl(log: string): string | null {
  return /Serving metrics on (http:\/\/\S+)/.exec(log)?.[1] ?? null;
}

/**
 * A running `node dist/main.js`: the listeners it bound (from its log, in --input order), whether
 * it is still alive, and a stop that always ends it (SIGTERM, then SIGKILL).
 */
export class SyscorrProcess {
  readonly child: ChildProcess;
  readonly logFile: string;
  #exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  readonly #exited: Promise<void>;
  #stderr = '';

  constructor(args: readonly string[], opts: SyscorrOptions) {
    this.logFile = join(opts.dir, 'syscorr.log');
    this.child = spawn(process.execPath, [SYSCORR_MAIN, ...args, `--log=${this.logFile}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...opts.env },
    });
    this.child.stderr?.on('data', (b: Buffer) => {
      if (this.#stderr.length < 65536) this.#stderr += b.toString('latin1');
    });
    this.#exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.#exit = { code, signal };
        resolve();
      });
    });
  }

  /** The process has not exited and still exists for the kernel. */
  alive(): boolean {
    if (this.#exit !== null || this.child.pid === undefined) return false;
    try {
      process.kill(this.child.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  /** What it wrote to its log and stderr, for failure messages. */
  diagnostics(): string {
    const exit =
      this.#exit === null ? 'running' : `exited code=${this.#exit.code} signal=${this.#exit.signal}`;
    return `syscorr ${exit}\n--- log ---\n${this.log().slice(-4000)}\n--- stderr ---\n${this.#stderr}`;
  }

  /** Its log so far ('' before the file exists). */
  log(): string {
    return readSafe(this.logFile);
  }

  /** Waits until `count` listeners are logged as bound; rejects if the process dies first. */
  listeners(count: number, timeoutMs = 10_000): Promise<LoggedListener[]> {
    return this.#fromLog(
      (log) => {
        const found = loggedListeners(log);
        return found.length >= count ? found : null;
      },
      `syscorr to bind ${count} listener(s)`,
      timeoutMs,
    );
  }

  /** Waits until the metrics endpoint is logged as served; rejects if the process dies first. */
  metricsUrl(timeoutMs = 10_000): Promise<string> {
    return this.#fromLog(loggedMetricsUrl, 'the metrics endpoint', timeoutMs);
  }

  /** What `find` reads in the log, once it reads something; fails when the process is gone first. */
  #fromLog<T>(find: (log: string) => T | null, what: string, timeoutMs: number): Promise<T> {
    return poll(
      () => {
        const found = find(this.log());
        if (found === null && !this.alive())
          throw new Error(`syscorr exited before ${what}\n${this.diagnostics()}`);
        return found;
      },
      () => `${what}\n${this.diagnostics()}`,
      timeoutMs,
      { everyMs: 20 },
    );
  }

  /** SIGTERM, SIGKILL after `graceMs`; resolves once the process is gone. Safe to call twice. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.#exit !== null || this.child.pid === undefined) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.#exited;
    clearTimeout(timer);
  }
}

/**
 * Reads the complete lines appended to a file since the last call (latin1, one char per byte, as
 * syscorr writes). Reads only the new bytes, so following a large output file stays cheap.
 */
export class LineTail {
  readonly #path: string;
  #offset = 0;
  #partial = '';

  constructor(path: string) {
    this.#path = path;
  }

  poll(): string[] {
    let size: number;
    try {
      size = statSync(this.#path).size;
    } catch {
      return [];
    }
    if (size <= this.#offset) return [];
    const buf = Buffer.allocUnsafe(size - this.#offset);
    const fd = openSync(this.#path, 'r');
    try {
      const n = readSync(fd, buf, 0, buf.length, this.#offset);
      this.#offset += n;
      this.#partial += buf.subarray(0, n).toString('latin1');
    } finally {
      closeSync(fd);
    }
    const lines = this.#partial.split('\n');
    this.#partial = lines.pop() ?? '';
    return lines;
  }
}
