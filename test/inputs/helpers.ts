import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Logger, LogLevel } from '../../src/actions/ports.js';
import { InputSet, type InputSetOptions, type InputSetSpec } from '../../src/inputs/index.js';

export interface LogEntry {
  readonly level: LogLevel;
  readonly message: string;
}

export class MemoryLogger implements Logger {
  readonly entries: LogEntry[] = [];
  log(level: LogLevel, message: string): void {
    this.entries.push({ level, message });
  }
  messages(level?: LogLevel): string[] {
    return this.entries.filter((e) => level === undefined || e.level === level).map((e) => e.message);
  }
}

/** A fresh temporary directory and its removal. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-inputs-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Harness {
  readonly set: InputSet;
  readonly logger: MemoryLogger;
  readonly scripts: string[][];
}

/** An InputSet over `inputs` ('NAME' or 'NAME=CTX' split by the caller) with SEC's defaults. */
export function makeSet(
  dir: string,
  inputs: readonly (string | InputSetSpec)[],
  opts: Partial<InputSetOptions> = {},
): Harness {
  const logger = new MemoryLogger();
  const scripts: string[][] = [];
  const specs = inputs.map((i) => (typeof i === 'string' ? { pattern: i, context: null } : i));
  const set = new InputSet(specs, {
    tail: true,
    fromstart: false,
    reopenTimeout: 0,
    checkTimeout: 0,
    rwfifo: true,
    blocksize: 8192,
    inputTimeout: 0,
    timeoutScript: null,
    cwd: dir,
    expand: (pattern) => [pattern],
    logger,
    runTimeoutScript: (argv) => scripts.push(argv),
    ...opts,
  });
  return { set, logger, scripts };
}

/** Every line next() gives at `now` until it returns null, as `source:line`. */
export function drain(set: InputSet, now: number): string[] {
  const out: string[] = [];
  for (let line = set.next(now); line !== null; line = set.next(now)) out.push(`${line.source}:${line.line}`);
  return out;
}

/** Resolves once `stream` has delivered at least `bytes` bytes (to every listener before this one). */
export function received(stream: Readable, bytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    const onData = (chunk: Buffer): void => {
      seen += chunk.length;
      if (seen >= bytes) {
        stream.off('data', onData);
        resolve();
      }
    };
    stream.on('data', onData);
    stream.once('error', reject);
  });
}

/** Resolves when `stream` has ended (after every listener registered before this one ran). */
export function ended(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('end', () => resolve());
    stream.once('error', reject);
  });
}

/**
 * Like drain, but keeps polling until `quiet` polls in a row gave nothing: a rotation or a
 * re-open happens on a poll that returns no line, and the new file is read on the next one.
 */
export function settle(set: InputSet, now: number, quiet = 3): string[] {
  const out: string[] = [];
  for (let idle = 0; idle < quiet; ) {
    const line = set.next(now);
    if (line === null) idle += 1;
    else {
      idle = 0;
      out.push(`${line.source}:${line.line}`);
    }
  }
  return out;
}
