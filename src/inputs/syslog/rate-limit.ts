/**
 * Per-source-IP rate limit (issue 5): a token bucket per peer address holding at most `burst`
 * tokens and refilled at `ratePerSec`; a message takes one token or is limited.
 *
 * Memory is bounded: at most `maxSources` buckets are tracked; when a new source arrives with the
 * table full, the least recently seen source is forgotten (a Map keeps insertion order, and a
 * source is moved to the end each time it is seen). A forgotten source starts again with a full
 * bucket, which is the price of the bound.
 *
 * Time is a parameter (milliseconds, any monotonic origin): the caller reads the clock.
 */

export interface RateLimitOptions {
  readonly ratePerSec: number;
  readonly burst: number;
  readonly maxSources: number;
}

interface Bucket {
  tokens: number;
  last: number;
}

export class RateLimiter {
  readonly #rate: number;
  readonly #burst: number;
  readonly #maxSources: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(opts: RateLimitOptions) {
    this.#rate = Math.max(0, opts.ratePerSec);
    this.#burst = Math.max(1, opts.burst);
    this.#maxSources = Math.max(1, Math.floor(opts.maxSources));
  }

  /** Sources currently tracked. */
  get size(): number {
    return this.#buckets.size;
  }

  /** Takes one token for `source` at time `nowMs`; false when the source is over its rate. */
  take(source: string, nowMs: number): boolean {
    let bucket = this.#buckets.get(source);
    if (bucket === undefined) {
      if (this.#buckets.size >= this.#maxSources) {
        const oldest = this.#buckets.keys().next();
        if (oldest.done !== true) this.#buckets.delete(oldest.value);
      }
      bucket = { tokens: this.#burst, last: nowMs };
    } else {
      this.#buckets.delete(source);
      const elapsed = Math.max(0, nowMs - bucket.last) / 1000;
      bucket.tokens = Math.min(this.#burst, bucket.tokens + elapsed * this.#rate);
      bucket.last = nowMs;
    }
    this.#buckets.set(source, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
