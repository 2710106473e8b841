import { fstatSync } from 'node:fs';
import { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import type { Logger } from '../actions/ports.js';
import { RegularFileHandle } from './file-input.js';
import { type StartOffset, startPosition } from './open-input.js';
import { osErrorText } from './os-error.js';
import { ByteQueue, StreamHandle } from './stream-input.js';
import type { InputHandle } from './types.js';

/** Bytes of standard input held before the stream is paused, in --blocksize units. */
const QUEUE_BLOCKS = 128;

function isStream(spec: Readable | { readonly fd: number }): spec is Readable {
  return typeof (spec as Partial<Readable>).read === 'function';
}

/**
 * Standard input as SEC sees it (OPT-input `-`): SEC dups STDIN on every open and checks `-f`
 * on the copy, so stdin redirected from a regular file is read like a file (it seeks EOF under
 * --tail), and anything else is a pipe polled without waiting. Here a pipe, terminal or injected
 * stream feeds one ByteQueue that lives as long as the InputSet, like the kernel pipe it stands for.
 */
export class StdinSource {
  #spec: Readable | { readonly fd: number };
  #blocksize: number;
  #logger: Logger;
  #queue: ByteQueue | null = null;

  constructor(spec: Readable | { readonly fd: number }, blocksize: number, logger: Logger) {
    this.#spec = spec;
    this.#blocksize = blocksize;
    this.#logger = logger;
  }

  open(fpos: StartOffset): InputHandle | null {
    if (this.#queue !== null) return new StreamHandle(this.#queue);
    const spec = this.#spec;
    if (!isStream(spec)) {
      const file = this.#openRegular(spec.fd, fpos);
      if (file !== undefined) return file;
    }
    this.#queue = new ByteQueue(this.#stream(), this.#blocksize * QUEUE_BLOCKS);
    return new StreamHandle(this.#queue);
  }

  /** Stops listening to the stream (the InputSet is closed). */
  close(): void {
    this.#queue?.detach();
    this.#queue = null;
  }

  /** A regular-file handle when the descriptor is one, null when it cannot be used, else undefined. */
  #openRegular(fd: number, fpos: StartOffset): InputHandle | null | undefined {
    let size: number;
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) return undefined;
      size = st.size;
    } catch (error) {
      this.#logger.log(2, `Can't dup stdin (${osErrorText(error)})`);
      return null;
    }
    return new RegularFileHandle(fd, startPosition('-', fpos, size, this.#logger), null, false);
  }

  #stream(): Readable {
    const spec = this.#spec;
    if (isStream(spec)) return spec;
    if (spec.fd === 0) return process.stdin;
    return new Socket({ fd: spec.fd, readable: true, writable: false });
  }
}
