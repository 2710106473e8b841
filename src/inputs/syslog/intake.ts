import type { RawMessage } from './types.js';

/**
 * Where every listener leaves its messages for the engine, and the flow control around it
 * (issue 5):
 * - UDP cannot be slowed down: a datagram arriving with `queueLimit` messages queued is dropped
 *   and counted (`queueFull`); the receive path never blocks.
 * - TCP/TLS is never dropped: once `highWater` messages are queued every stream is paused (the
 *   kernel's window then pushes back on the peers) and resumed when the engine has taken the
 *   queue below `lowWater`. Messages already read keep arriving until the pause takes effect,
 *   so the queue can exceed highWater by one read's frames.
 */

/** A readable the intake can pause (net.Socket, tls.TLSSocket). */
export interface Pausable {
  pause(): unknown;
  resume(): unknown;
}

export interface IntakeOptions {
  readonly queueLimit: number;
  readonly highWater: number;
  readonly lowWater: number;
}

/** Named counters (one set per listener, plus the intake's own `pauses`). */
export class Counters {
  readonly #values = new Map<string, number>();

  add(name: string, n = 1): void {
    this.#values.set(name, (this.#values.get(name) ?? 0) + n);
  }

  get(name: string): number {
    return this.#values.get(name) ?? 0;
  }

  snapshot(): Readonly<Record<string, number>> {
    return Object.freeze(Object.fromEntries(this.#values));
  }
}

export class Intake {
  readonly counters = new Counters();
  readonly #opts: IntakeOptions;
  #items: (RawMessage | undefined)[] = [];
  #head = 0;
  readonly #streams = new Set<Pausable>();
  #paused = false;
  #waiter: (() => void) | null = null;

  constructor(opts: IntakeOptions) {
    const high = Math.max(1, opts.highWater);
    this.#opts = {
      queueLimit: Math.max(1, opts.queueLimit),
      highWater: high,
      lowWater: Math.min(high, opts.lowWater),
    };
  }

  get queued(): number {
    return this.#items.length - this.#head;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** Queues a datagram unless the queue is full (then counts queueFull and returns false). */
  offerDatagram(msg: RawMessage): boolean {
    // A refused datagram is counted by its listener (queueFull), as is every accepted message.
    if (this.queued >= this.#opts.queueLimit) return false;
    this.#accept(msg);
    return true;
  }

  /** Queues a stream frame (never dropped) and pauses every stream at highWater. */
  offerFrame(msg: RawMessage): void {
    this.#accept(msg);
    if (!this.#paused && this.queued >= this.#opts.highWater) {
      this.#paused = true;
      this.counters.add('pauses');
      for (const s of this.#streams) s.pause();
    }
  }

  /** One message, or null; resumes the streams once the queue is below lowWater. */
  take(): RawMessage | null {
    if (this.#head >= this.#items.length) return null;
    const msg = this.#items[this.#head] as RawMessage;
    this.#items[this.#head] = undefined;
    this.#head += 1;
    if (this.#head >= 1024 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    if (this.#paused && this.queued < this.#opts.lowWater) {
      this.#paused = false;
      for (const s of this.#streams) s.resume();
    }
    return msg;
  }

  /**
   * Calls `wake` once, when the next message is queued (at once if one is queued already), so an
   * idle engine loop starts on arrival instead of at the end of its poll sleep. One waiter at a
   * time; the returned function withdraws it.
   */
  onNextMessage(wake: () => void): () => void {
    if (this.queued > 0) {
      wake();
      return () => {};
    }
    this.#waiter = wake;
    return () => {
      if (this.#waiter === wake) this.#waiter = null;
    };
  }

  /** A new stream joins flow control (paused at once if the intake is paused). */
  addStream(stream: Pausable): void {
    this.#streams.add(stream);
    if (this.#paused) stream.pause();
  }

  removeStream(stream: Pausable): void {
    this.#streams.delete(stream);
  }

  #accept(msg: RawMessage): void {
    this.#items.push(msg);
    const waiter = this.#waiter;
    if (waiter !== null) {
      this.#waiter = null;
      waiter();
    }
  }
}
