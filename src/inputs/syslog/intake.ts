import { LISTENER_COUNTER_NAMES, type RawMessage } from './types.js';

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

/**
 * Every count a listener or the intake keeps. A fixed list so that a set of counters can live in
 * shared memory: the listeners may run on the network thread while metrics and dumps read them
 * on the engine's (src/inputs/ingest).
 */
export const COUNTER_NAMES = [
  ...LISTENER_COUNTER_NAMES,
  /** The intake's own: how often it paused the TCP/TLS streams. */
  'pauses',
  /** A gauge: messages in the intake's queue. */
  'queued',
  /** Messages the network thread handed to the engine thread since the start. */
  'handedOver',
] as const;

export type CounterName = (typeof COUNTER_NAMES)[number];

const SLOT: Readonly<Record<CounterName, number>> = Object.fromEntries(
  COUNTER_NAMES.map((n, i) => [n, i]),
) as Record<CounterName, number>;

/**
 * Named counters (one set per listener, plus the intake's own `pauses`), in a Float64Array of
 * COUNTER_NAMES.length slots: a private one, or a view on a SharedArrayBuffer that another
 * thread reads (a plain read of an aligned float64 is never torn on the platforms Node runs on).
 */
export class Counters {
  readonly #slots: Float64Array;

  constructor(slots: Float64Array = new Float64Array(COUNTER_NAMES.length)) {
    if (slots.length < COUNTER_NAMES.length) throw new RangeError('too few counter slots');
    this.#slots = slots;
  }

  add(name: CounterName, n = 1): void {
    this.#slots[SLOT[name]] = (this.#slots[SLOT[name]] ?? 0) + n;
  }

  set(name: CounterName, value: number): void {
    this.#slots[SLOT[name]] = value;
  }

  get(name: CounterName): number {
    return this.#slots[SLOT[name]] ?? 0;
  }

  /** The counts that are not zero, by name. */
  snapshot(): Readonly<Partial<Record<CounterName, number>>> {
    const out: Partial<Record<CounterName, number>> = {};
    COUNTER_NAMES.forEach((name, i) => {
      const v = this.#slots[i] ?? 0;
      if (v !== 0) out[name] = v;
    });
    return Object.freeze(out);
  }
}

export class Intake {
  readonly counters: Counters;
  readonly #opts: IntakeOptions;
  #items: (RawMessage | undefined)[] = [];
  #head = 0;
  readonly #streams = new Set<Pausable>();
  #paused = false;
  #waiter: (() => void) | null = null;

  constructor(opts: IntakeOptions, counters: Counters = new Counters()) {
    this.counters = counters;
    // A gauge, not a count: counters shared with a network thread that died still show its queue.
    counters.set('queued', 0);
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
    this.counters.set('queued', this.#items.length - this.#head);
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
    this.counters.set('queued', this.#items.length - this.#head);
    const waiter = this.#waiter;
    if (waiter !== null) {
      this.#waiter = null;
      waiter();
    }
  }
}
