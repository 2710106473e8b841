/**
 * The per-recipient rate limit (docs/mail.md "Rate limit"): at most `limit` mails to one
 * recipient list within any `windowMs` (a sliding window). Only the send times still inside the
 * window are kept, so memory is bounded by `limit` per recipient list in use.
 */
export class RecipientLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #sent = new Map<string, number[]>();

  constructor(limit: number, windowMs: number) {
    this.#limit = Math.max(1, limit);
    this.#windowMs = windowMs;
  }

  /** Takes a slot for `key` when the window has one; false when it is full. */
  tryTake(key: string, now: number): boolean {
    const times = this.#live(key, now);
    if (times.length >= this.#limit) return false;
    this.#record(key, times, now);
    return true;
  }

  /** Takes a slot whether or not one is free (a digest always goes out when due). */
  take(key: string, now: number): void {
    this.#record(key, this.#live(key, now), now);
  }

  /** Adds a send at `now` to the live send times of `key`. */
  #record(key: string, times: number[], now: number): void {
    times.push(now);
    this.#sent.set(key, times.slice(-this.#limit));
    if (this.#sent.size > 1024) this.#sweep(now);
  }

  /** When a slot for `key` is free: `now` if one is, else when the oldest send leaves the window. */
  nextFree(key: string, now: number): number {
    const times = this.#live(key, now);
    if (times.length < this.#limit) return now;
    return (times[times.length - this.#limit] as number) + this.#windowMs;
  }

  #live(key: string, now: number): number[] {
    const times = this.#sent.get(key) ?? [];
    const live = times.filter((t) => t + this.#windowMs > now);
    if (live.length === 0) this.#sent.delete(key);
    return live;
  }

  /** Forgets recipients whose sends all left the window (a rule may mail many addresses). */
  #sweep(now: number): void {
    for (const [key, times] of this.#sent) {
      if (times.every((t) => t + this.#windowMs <= now)) this.#sent.delete(key);
    }
  }
}
