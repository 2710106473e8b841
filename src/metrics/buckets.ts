/**
 * A histogram as plain numbers (GUIDE convention 10): observe() is on the hot path (one call per
 * event), so it only bumps one slot of a typed array; the cumulative buckets Prometheus wants
 * are built at scrape time (see collected.ts).
 */

/** Receipt of a network message → rules done: from 50 µs (an idle engine) to 1 s (a backlog). */
export const LATENCY_BUCKETS: readonly number[] = Object.freeze([
  0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
]);

/** One SMTP transaction: a local relay answers in milliseconds, a distant one in seconds. */
export const MAIL_BUCKETS: readonly number[] = Object.freeze([
  0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
]);

/** One bucket's upper bound and the observations at or below it (cumulative, as exported). */
export interface BucketCount {
  readonly le: number;
  readonly count: number;
}

export class Buckets {
  readonly #bounds: readonly number[];
  /** Non-cumulative: slot i counts observations in (bounds[i-1], bounds[i]]; the last is +Inf. */
  readonly #slots: Float64Array;
  #sum = 0;
  #count = 0;

  /** `bounds` must be strictly increasing and finite (+Inf is implicit). */
  constructor(bounds: readonly number[]) {
    for (let i = 0; i < bounds.length; i++) {
      const b = bounds[i] as number;
      if (!Number.isFinite(b) || (i > 0 && b <= (bounds[i - 1] as number))) {
        throw new RangeError(`histogram bounds must be finite and increasing: ${bounds.join(', ')}`);
      }
    }
    this.#bounds = Object.freeze([...bounds]);
    this.#slots = new Float64Array(bounds.length + 1);
  }

  /** Counts one observation; NaN and negative values (a clock step) are ignored. */
  observe(value: number): void {
    if (!(value >= 0)) return;
    const bounds = this.#bounds;
    let i = 0;
    while (i < bounds.length && value > (bounds[i] as number)) i++;
    this.#slots[i] = (this.#slots[i] as number) + 1;
    this.#sum += value;
    this.#count++;
  }

  get bounds(): readonly number[] {
    return this.#bounds;
  }

  get sum(): number {
    return this.#sum;
  }

  get count(): number {
    return this.#count;
  }

  /** The finite buckets, cumulative; the +Inf bucket equals `count`. */
  cumulative(): BucketCount[] {
    const out: BucketCount[] = [];
    let running = 0;
    for (let i = 0; i < this.#bounds.length; i++) {
      running += this.#slots[i] as number;
      out.push({ le: this.#bounds[i] as number, count: running });
    }
    return out;
  }
}
