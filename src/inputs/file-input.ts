import { closeSync, fstatSync, readSync } from 'node:fs';
import { osErrorCode, osErrorText } from './os-error.js';
import type { InputHandle, ReadOutcome } from './types.js';

/**
 * A regular file read synchronously at an explicit offset (HP-io): a read never waits, so the
 * engine stays deterministic. The offset is ours, not the descriptor's, which is why standard
 * input redirected from a file can share this class without moving fd 0's own offset.
 */
export class RegularFileHandle implements InputHandle {
  readonly type = 'regular' as const;
  readonly dev: bigint | null;
  readonly ino: bigint | null;
  #fd: number;
  #position: number;
  #ownsFd: boolean;
  #chunk: Buffer | null = null;
  #closed = false;

  /** `ownsFd` false for standard input: closing the input must not close fd 0. */
  constructor(fd: number, position: number, ids: { dev: bigint; ino: bigint } | null, ownsFd: boolean) {
    this.#fd = fd;
    this.#position = position;
    this.dev = ids?.dev ?? null;
    this.ino = ids?.ino ?? null;
    this.#ownsFd = ownsFd;
  }

  // SEC IN-lines: one sysread of at most --blocksize bytes per call (OPT-blocksize).
  read(max: number): ReadOutcome {
    if (this.#closed) return { kind: 'eof' };
    if (this.#chunk === null || this.#chunk.length !== max) this.#chunk = Buffer.allocUnsafe(max);
    let n: number;
    try {
      n = readSync(this.#fd, this.#chunk, 0, max, this.#position);
    } catch (error) {
      if (osErrorCode(error) === 'EINTR' || osErrorCode(error) === 'EAGAIN') return { kind: 'none' };
      return { kind: 'error', message: osErrorText(error) };
    }
    if (n === 0) return { kind: 'eof' };
    this.#position += n;
    return { kind: 'data', text: this.#chunk.toString('latin1', 0, n) };
  }

  position(): number {
    return this.#position;
  }

  size(): number | null {
    try {
      return fstatSync(this.#fd).size;
    } catch {
      return null;
    }
  }

  // SEC IN-rotation: before a recreated file is re-opened, the rest of the old one is read
  // with a single read of (size - offset) bytes, as input_shuffled() does.
  readRest(): string {
    const size = this.size() ?? 0;
    const bytes = size - this.#position;
    if (bytes <= 0 || this.#closed) return '';
    const buffer = Buffer.allocUnsafe(bytes);
    try {
      const n = readSync(this.#fd, buffer, 0, bytes, this.#position);
      this.#position += n;
      return buffer.toString('latin1', 0, n);
    } catch {
      return '';
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#chunk = null;
    if (!this.#ownsFd) return;
    try {
      closeSync(this.#fd);
    } catch {
      // already closed: nothing to release
    }
  }
}
