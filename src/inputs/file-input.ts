import { closeSync, fstatSync, readSync } from 'node:fs';
import { osErrorCode, osErrorText } from './os-error.js';
import type { InputHandle, ReadOutcome } from './types.js';

/** How much of a file one system call reads at most (unless --blocksize is larger). */
const READ_AHEAD = 64 * 1024;

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
  /** SEC's offset: what its reads of --blocksize bytes would have taken so far. */
  #position: number;
  #ownsFd: boolean;
  /** Read ahead of #position: bytes [#aheadStart, #aheadEnd) of #ahead follow it in the file. */
  #ahead: Buffer | null = null;
  #aheadStart = 0;
  #aheadEnd = 0;
  #closed = false;

  /** `ownsFd` false for standard input: closing the input must not close fd 0. */
  constructor(fd: number, position: number, ids: { dev: bigint; ino: bigint } | null, ownsFd: boolean) {
    this.#fd = fd;
    this.#position = position;
    this.dev = ids?.dev ?? null;
    this.ino = ids?.ino ?? null;
    this.#ownsFd = ownsFd;
  }

  /**
   * SEC IN-lines: what one sysread of at most --blocksize bytes returns (OPT-blocksize). The
   * file is read in larger pieces (a system call per 1 KiB line block was a tenth of the cost of
   * a line); a call still returns exactly what SEC's read would: `max` bytes when that many are
   * read ahead, else a fresh read tops them up, so data appended since is seen as SEC sees it.
   * That holds while the file only grows. If it is truncated in place (copytruncate) while bytes
   * are read ahead, those are still returned (lines SEC's read would have missed) before the
   * read that finds nothing, after which the truncation is detected as SEC detects it.
   */
  read(max: number): ReadOutcome {
    if (this.#closed) return { kind: 'eof' };
    if (this.#aheadEnd - this.#aheadStart < max) {
      const error = this.#topUp(max);
      if (error !== null && this.#aheadEnd === this.#aheadStart) return error;
    }
    const take = Math.min(max, this.#aheadEnd - this.#aheadStart);
    if (take === 0 || this.#ahead === null) return { kind: 'eof' };
    const text = this.#ahead.toString('latin1', this.#aheadStart, this.#aheadStart + take);
    this.#aheadStart += take;
    this.#position += take;
    return { kind: 'data', text };
  }

  /** Moves what is left to the front of the read-ahead buffer and reads as much as fits after it. */
  #topUp(max: number): ReadOutcome | null {
    const left = this.#aheadEnd - this.#aheadStart;
    const size = Math.max(READ_AHEAD, max);
    if (this.#ahead === null || this.#ahead.length < size) {
      const bigger = Buffer.allocUnsafe(size);
      this.#ahead?.copy(bigger, 0, this.#aheadStart, this.#aheadEnd);
      this.#ahead = bigger;
    } else if (this.#aheadStart > 0) {
      this.#ahead.copyWithin(0, this.#aheadStart, this.#aheadEnd);
    }
    this.#aheadStart = 0;
    this.#aheadEnd = left;
    try {
      this.#aheadEnd += readSync(
        this.#fd,
        this.#ahead,
        left,
        this.#ahead.length - left,
        this.#position + left,
      );
      return null;
    } catch (error) {
      if (osErrorCode(error) === 'EINTR' || osErrorCode(error) === 'EAGAIN') return { kind: 'none' };
      return { kind: 'error', message: osErrorText(error) };
    }
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
      this.#aheadStart = this.#aheadEnd;
      return buffer.toString('latin1', 0, n);
    } catch {
      return '';
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#ahead = null;
    if (!this.#ownsFd) return;
    try {
      closeSync(this.#fd);
    } catch {
      // already closed: nothing to release
    }
  }
}
