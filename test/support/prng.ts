/**
 * A small seeded generator for tests that throw random input at the appliance: the same seed
 * gives the same input, so a failure reproduces with `FLOOD_SEED=<seed> npx vitest run …`.
 * mulberry32: 32 bits of state, good enough spread for test data, not for anything secret.
 */
export interface Rng {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** n random bytes (any value 0-255). */
  bytes(n: number): Buffer;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    seed: seed >>> 0,
    next,
    int,
    between: (lo, hi) => lo + int(hi - lo + 1),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as T;
    },
    bytes: (n) => {
      const out = Buffer.allocUnsafe(n);
      for (let i = 0; i < n; i++) out[i] = int(256);
      return out;
    },
  };
}

/**
 * The seed of this run: FLOOD_SEED when set (to replay a failure), else a fresh one. Tests print
 * it so that any run can be replayed.
 */
export function runSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.FLOOD_SEED;
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff)
      throw new Error(`FLOOD_SEED must be a 32-bit integer: ${given}`);
    return n;
  }
  return Math.floor(Math.random() * 0x100000000) >>> 0;
}
