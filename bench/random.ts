/**
 * A seeded pseudo-random source (mulberry32), so every generated input and ruleset is the same
 * on every machine and every run: figures from two runs then differ only by the machine. The
 * flood tests use it too (test/support/prng.ts): a recorded FLOOD_SEED replays only while this
 * stream stays as it is, so change none of the arithmetic below.
 * 32 bits of state: good enough spread for test data, not for anything secret.
 */
export class Random {
  /** The seed as a 32-bit unsigned integer: printed by a test so that its run can be replayed. */
  readonly seed: number;
  #state: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.#state = this.seed;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** n random bytes (any value 0-255), one draw each. */
  bytes(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
}
