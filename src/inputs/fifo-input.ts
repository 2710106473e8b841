import { closeSync, readSync } from 'node:fs';
import { osErrorCode, osErrorText } from './os-error.js';
import type { InputHandle, ReadOutcome } from './types.js';

/**
 * A named pipe opened with O_NONBLOCK and read synchronously. SEC polls a pipe with a zero-timeout
 * select() and then sysread()s it; a non-blocking read() is the same test in one call: EAGAIN is
 * "no data now", 0 is "no writers" (EOF), anything else is data. Unlike an asynchronous stream it
 * never reads ahead of the engine, so the bytes are consumed exactly when SEC would consume them.
 * IN-fifo: opened read-write (--rwfifo) there is always a writer, so EOF never comes.
 *
 * One difference from select() has to be bridged: on Linux, read() on a FIFO that has had no
 * writer since it was opened returns 0, while select() (like poll's POLLHUP) does not report it
 * readable, so SEC keeps waiting for the first writer. A 0 before any byte came is therefore "no
 * data now". The one case this cannot tell apart is a writer that opens and closes the FIFO
 * without writing: SEC sees that EOF, this handle keeps waiting for data.
 */
export class FifoHandle implements InputHandle {
  readonly type = 'pipe' as const;
  readonly dev: bigint;
  readonly ino: bigint;
  #fd: number;
  #chunk: Buffer | null = null;
  #closed = false;
  #heardWriter = false;

  constructor(fd: number, ids: { dev: bigint; ino: bigint }) {
    this.#fd = fd;
    this.dev = ids.dev;
    this.ino = ids.ino;
  }

  read(max: number): ReadOutcome {
    if (this.#closed) return { kind: 'eof' };
    if (this.#chunk === null || this.#chunk.length !== max) this.#chunk = Buffer.allocUnsafe(max);
    let n: number;
    try {
      n = readSync(this.#fd, this.#chunk, 0, max, null);
    } catch (error) {
      const code = osErrorCode(error);
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK' || code === 'EINTR') return { kind: 'none' };
      return { kind: 'error', message: osErrorText(error) };
    }
    if (n === 0) return this.#heardWriter ? { kind: 'eof' } : { kind: 'none' };
    this.#heardWriter = true;
    return { kind: 'data', text: this.#chunk.toString('latin1', 0, n) };
  }

  position(): null {
    return null;
  }

  size(): null {
    return null;
  }

  readRest(): string {
    return '';
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#chunk = null;
    try {
      closeSync(this.#fd);
    } catch {
      // already closed: nothing to release
    }
  }
}
