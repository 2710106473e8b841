import type { Readable } from 'node:stream';
import type { InputHandle, ReadOutcome } from './types.js';

/**
 * Bytes that arrived from an asynchronous stream (standard input) and wait for the engine's
 * next poll: the stand-in for data waiting in the kernel pipe. It outlives the input's handle,
 * as the pipe outlives SEC's dup of STDIN, so closing and re-opening `-` (SIGHUP) loses nothing.
 * The stream is paused while more than `highWater` bytes wait, so a slow engine bounds memory.
 */
export class ByteQueue {
  #stream: Readable;
  #chunks: Buffer[] = [];
  #head = 0;
  #queued = 0;
  #ended = false;
  #error: string | null = null;
  #highWater: number;
  #paused = false;
  #onData = (chunk: Buffer | string): void => this.#push(chunk);
  #onEnd = (): void => {
    this.#ended = true;
  };
  #onError = (error: Error): void => {
    this.#error = error.message;
  };

  constructor(stream: Readable, highWater: number) {
    this.#stream = stream;
    this.#highWater = Math.max(1, highWater);
    stream.on('data', this.#onData);
    stream.on('end', this.#onEnd);
    stream.on('error', this.#onError);
  }

  /** Bytes received and not yet taken. */
  get queued(): number {
    return this.#queued;
  }

  /** Takes at most `max` bytes as latin1 text; '' when none are queued. */
  take(max: number): string {
    let text = '';
    while (text.length < max && this.#head < this.#chunks.length) {
      const chunk = this.#chunks[this.#head] as Buffer;
      const n = Math.min(chunk.length, max - text.length);
      text += chunk.toString('latin1', 0, n);
      if (n === chunk.length) this.#head += 1;
      else this.#chunks[this.#head] = chunk.subarray(n);
    }
    if (this.#head > 64 && this.#head * 2 > this.#chunks.length) {
      this.#chunks = this.#chunks.slice(this.#head);
      this.#head = 0;
    }
    this.#queued -= text.length;
    if (this.#paused && this.#queued * 2 <= this.#highWater) {
      this.#paused = false;
      this.#stream.resume();
    }
    return text;
  }

  /** One non-waiting read: data if queued, else EOF or the stream's error once it has ended. */
  read(max: number): ReadOutcome {
    if (this.#queued > 0) return { kind: 'data', text: this.take(max) };
    if (this.#error !== null) return { kind: 'error', message: this.#error };
    return this.#ended ? { kind: 'eof' } : { kind: 'none' };
  }

  /** Stops listening; the stream is paused, not destroyed (it is not ours: process.stdin). */
  detach(): void {
    this.#stream.off('data', this.#onData);
    this.#stream.off('end', this.#onEnd);
    this.#stream.off('error', this.#onError);
    this.#stream.pause();
  }

  #push(chunk: Buffer | string): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    if (bytes.length === 0) return;
    this.#chunks.push(bytes);
    this.#queued += bytes.length;
    if (!this.#paused && this.#queued > this.#highWater) {
      this.#paused = true;
      this.#stream.pause();
    }
  }
}

/** Standard input read through a ByteQueue: a pipe in SEC's terms (never rotation-checked). */
export class StreamHandle implements InputHandle {
  readonly type = 'pipe' as const;
  readonly dev = null;
  readonly ino = null;
  #queue: ByteQueue;
  #closed = false;

  constructor(queue: ByteQueue) {
    this.#queue = queue;
  }

  read(max: number): ReadOutcome {
    return this.#closed ? { kind: 'eof' } : this.#queue.read(max);
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
    this.#closed = true;
  }
}
