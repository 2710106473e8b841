/**
 * The seed of this run, for tests that throw random input at the appliance: FLOOD_SEED when set
 * (to replay a failure), else a fresh one. Tests print it so that any run can be replayed with
 * `FLOOD_SEED=<seed> npx vitest run …`; the generator is bench/random.ts's `Random` (the same
 * seed gives the same input).
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
