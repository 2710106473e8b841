import { COUNTER_NAMES, Counters } from './intake.js';
import {
  type BoundAddress,
  LISTENER_COUNTER_NAMES,
  type ListenerCounterName,
  type ListenerSpec,
  type ListenerStats,
} from './types.js';
import { kernelUdpDrops } from './udp-drops.js';

const WIDTH = COUNTER_NAMES.length;

/**
 * The counters of a set of listeners and of their intake, in one buffer: set i is listener i's,
 * the last the intake's. With a SharedArrayBuffer the listeners can count on the network thread
 * while the engine thread reads the same numbers for metrics and dumps, without messages.
 */
export class CounterBlock {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  readonly #sets: Counters[];

  constructor(listeners: number, buffer?: ArrayBuffer | SharedArrayBuffer) {
    const bytes = (listeners + 1) * WIDTH * Float64Array.BYTES_PER_ELEMENT;
    this.buffer = buffer ?? new ArrayBuffer(bytes);
    if (this.buffer.byteLength < bytes) throw new RangeError('counter buffer too small');
    this.#sets = Array.from(
      { length: listeners + 1 },
      (_, i) => new Counters(new Float64Array(this.buffer, i * WIDTH * 8, WIDTH)),
    );
  }

  /** A block other threads can read: its buffer is shared. */
  static shared(listeners: number): CounterBlock {
    return new CounterBlock(listeners, new SharedArrayBuffer((listeners + 1) * WIDTH * 8));
  }

  listener(index: number): Counters {
    const c = this.#sets[index];
    if (c === undefined || index >= this.#sets.length - 1) throw new RangeError(`no listener ${index}`);
    return c;
  }

  get intake(): Counters {
    return this.#sets[this.#sets.length - 1] as Counters;
  }

  /**
   * Every count summed over the listeners, each also as `<transport>.<name>`, with the intake's
   * own (pauses), and `queued` as the caller counts it (it knows what it holds besides the intake).
   */
  totals(specs: readonly ListenerSpec[], queued: number): Readonly<Record<string, number>> {
    const totals: Record<string, number> = {};
    const add = (key: string, n: number): void => {
      totals[key] = (totals[key] ?? 0) + n;
    };
    for (const [name, n] of Object.entries(this.intake.snapshot()))
      if (name !== 'queued' && name !== 'handedOver') add(name, n);
    specs.forEach((spec, i) => {
      for (const [name, n] of Object.entries(this.listener(i).snapshot())) {
        add(name, n);
        add(`${spec.transport}.${name}`, n);
      }
    });
    totals.connectionsOpen ??= 0;
    totals.queued = queued;
    return Object.freeze(totals);
  }

  /** One record per bound listener, `bound[i]` being listener i's (kernel drops read each time). */
  stats(bound: readonly BoundAddress[]): ListenerStats[] {
    return bound.map((b, i) => listenerStats(b.spec, this.listener(i), b));
  }
}

/** One listener's record, read when asked (kernel drops from /proc each time). */
function listenerStats(spec: ListenerSpec, c: Counters, bound: BoundAddress | null): ListenerStats {
  const udp = spec.transport === 'udp';
  const counts = Object.fromEntries(LISTENER_COUNTER_NAMES.map((name) => [name, c.get(name)]));
  return {
    ...(counts as Record<ListenerCounterName, number>),
    url: spec.url,
    transport: spec.transport,
    recvBuffer: udp ? (bound?.recvBuffer ?? null) : null,
    kernelDrops: udp && bound !== null ? kernelUdpDrops(bound.port) : null,
  };
}
