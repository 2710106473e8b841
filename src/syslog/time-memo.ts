import { classicTime, type TimeZone } from '../engine/variables/index.js';
import { type WallTime, wallToEpochMs } from './wall-time.js';

function sameWall(a: WallTime, b: WallTime): boolean {
  return (
    a.sec === b.sec &&
    a.min === b.min &&
    a.hour === b.hour &&
    a.mday === b.mday &&
    a.mon === b.mon &&
    a.year === b.year &&
    a.fracMs === b.fracMs &&
    a.offset === b.offset
  );
}

/**
 * The last answer of each of the two time conversions every received message makes: its
 * timestamp to epoch time (for RFC 3164 a search over three candidate years, each with zone
 * look-ups) and epoch seconds to the line's `Mmm dd hh:mm:ss`. Messages arriving together
 * mostly carry the same second, so one entry each answers most of them; a miss computes as
 * before, so the results are the same either way. One per listener: never shared between threads.
 */
export class TimeMemo {
  #wall: WallTime | null = null;
  #wallZone: TimeZone | null = null;
  #wallNow: number | undefined;
  #wallMs: number | null = null;
  #second = Number.NaN;
  #secondZone: TimeZone | null = null;
  #classic = '';

  /** wallToEpochMs(w, zone, now); `now` only matters (and is compared) when w has no year. */
  epochMs(w: WallTime, zone: TimeZone, now: number | undefined): number | null {
    const last = this.#wall;
    if (
      last !== null &&
      zone === this.#wallZone &&
      (w.year !== null || now === this.#wallNow) &&
      sameWall(last, w)
    )
      return this.#wallMs;
    this.#wallMs = wallToEpochMs(w, zone, now);
    this.#wall = w;
    this.#wallZone = zone;
    this.#wallNow = now;
    return this.#wallMs;
  }

  /** classicTime(seconds, zone). */
  classic(seconds: number, zone: TimeZone): string {
    if (seconds !== this.#second || zone !== this.#secondZone) {
      this.#classic = classicTime(seconds, zone);
      this.#second = seconds;
      this.#secondZone = zone;
    }
    return this.#classic;
  }
}
