import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger, LogLevel } from '../../src/actions/ports.js';

/** A logger that records every message and lets a test await one. */
export class RecordingLogger implements Logger {
  readonly entries: { level: LogLevel; message: string }[] = [];
  #waiters: { match: RegExp; resolve: () => void }[] = [];

  log(level: LogLevel, message: string): void {
    this.entries.push({ level, message });
    this.#waiters = this.#waiters.filter((w) => {
      if (!w.match.test(message)) return true;
      w.resolve();
      return false;
    });
  }

  messages(level?: LogLevel): string[] {
    return this.entries.filter((e) => level === undefined || e.level === level).map((e) => e.message);
  }

  /** Resolves when a message matching `match` is (or already was) logged. */
  waitFor(match: RegExp): Promise<void> {
    if (this.entries.some((e) => match.test(e.message))) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }
}

/** A fresh temporary directory and its cleanup. */
export function tempDir(): { dir: string; path: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-outputs-'));
  return {
    dir,
    path: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Waits a little for I/O callbacks (only where no event can be awaited). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` every 5 ms until it holds, failing after `limitMs`. */
export async function until(check: () => boolean, limitMs = 1500): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > limitMs) throw new Error('condition not reached in time');
    await pause(5);
  }
}
