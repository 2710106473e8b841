import { daysFromCivil, localTime, type TimeZone } from '../engine/variables/index.js';

/** A calendar time as a message writes it, before the zone and year are known. */
export interface WallTime {
  /** The full year, or null when the message does not give one (RFC 3164 `Mmm dd`). */
  readonly year: number | null;
  /** 0..11 */
  readonly mon: number;
  /** 1..31 */
  readonly mday: number;
  readonly hour: number;
  readonly min: number;
  readonly sec: number;
  /** The fraction of the second in milliseconds (0 ≤ frac < 1000, fractions of a ms kept). */
  readonly fracMs: number;
  /** Seconds east of UTC when the message says so (`Z`, `+01:00`, `UTC`), else null. */
  readonly offset: number | null;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether the day exists in that month (in that year, when the year is known). */
export function dayExists(year: number | null, mon: number, mday: number): boolean {
  if (mon < 0 || mon > 11 || mday < 1) return false;
  if (mon === 1 && mday === 29 && year !== null) return isLeap(year);
  return mday <= (DAYS_IN_MONTH[mon] ?? 0);
}

/** Whether the fields are in range; `maxSec` is 59 for RFC 5424 (no leap seconds), 60 for RFC 3164. */
export function wallTimeError(w: WallTime, maxSec: number): string | null {
  if (w.mon < 0 || w.mon > 11) return 'month out of range';
  if (!dayExists(w.year, w.mon, w.mday)) return 'day out of range';
  if (w.hour > 23) return 'hour out of range';
  if (w.min > 59) return 'minute out of range';
  if (w.sec > maxSec) return 'second out of range';
  return null;
}

/** Epoch seconds of a wall-clock time in `zone` (local → UTC, settling DST with a second look-up). */
function localToEpoch(year: number, w: WallTime, zone: TimeZone): number {
  const local = daysFromCivil(year, w.mon, w.mday) * 86_400 + w.hour * 3600 + w.min * 60 + w.sec;
  if (w.offset !== null) return local - w.offset;
  const first = local - zone.at(local).gmtoff;
  return local - zone.at(first).gmtoff;
}

/**
 * Epoch milliseconds of a wall time: its own offset if it has one, else `zone`; its own year if
 * it has one, else the year (of now's, the one before or after) that puts it closest to `now`,
 * as rsyslog does so that a December message read in January keeps its year. Null when the year
 * is missing and `now` is unknown, or when the day does not exist in any candidate year.
 */
export function wallToEpochMs(w: WallTime, zone: TimeZone, now: number | undefined): number | null {
  if (w.year !== null) return localToEpoch(w.year, w, zone) * 1000 + w.fracMs;
  if (now === undefined) return null;
  const thisYear = localTime(now, zone).year;
  let best: number | null = null;
  for (const year of [thisYear - 1, thisYear, thisYear + 1]) {
    if (!dayExists(year, w.mon, w.mday)) continue;
    const t = localToEpoch(year, w, zone);
    if (best === null || Math.abs(t - now) < Math.abs(best - now)) best = t;
  }
  return best === null ? null : best * 1000 + w.fracMs;
}

/** `.123456` → 123.456 ms, exactly as written (digits beyond microseconds still count). */
export function fractionMs(digits: string): number {
  if (digits === '') return 0;
  const padded = digits.length < 3 ? digits.padEnd(3, '0') : digits;
  return Number(`${padded.slice(0, 3)}.${padded.slice(3) || '0'}`);
}
