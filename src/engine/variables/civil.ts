/**
 * Calendar arithmetic on integer epoch seconds, without `Date`: the broken-down time that C's
 * localtime() fills (struct tm), given the UTC offset in effect. Used for HP-localtime, ALV-time
 * and ALV-t-u so the fields follow the system zone data exactly as Perl's localtime does.
 */

/** struct tm as Perl's localtime returns it, plus the zone fields strftime %Z / %z read. */
export interface BrokenDownTime {
  readonly sec: number;
  readonly min: number;
  readonly hour: number;
  /** 1..31 */
  readonly mday: number;
  /** 0..11 */
  readonly mon: number;
  /** The full year (Perl's $year + 1900). */
  readonly year: number;
  /** 0..6, 0 = Sunday. */
  readonly wday: number;
  /** 0..365 */
  readonly yday: number;
  /** Seconds east of UTC (tm_gmtoff). */
  readonly gmtoff: number;
  readonly isdst: boolean;
  /** The zone abbreviation (tm_zone, strftime %Z), e.g. "EET", "+0530", or "" if unknown. */
  readonly zone: string;
}

const SECONDS_PER_DAY = 86_400;

/** Floor division that works for negative epochs (before 1970). */
function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 0..11); days-from-civil. */
export function daysFromCivil(year: number, mon: number, mday: number): number {
  const y = mon < 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const mp = (mon + 10) % 12; // March = 0
  const doy = floorDiv(153 * mp + 2, 5) + mday - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date of a day number (inverse of daysFromCivil); month 0..11. */
export function civilFromDays(days: number): { year: number; mon: number; mday: number } {
  const z = days + 719_468;
  const era = floorDiv(z, 146_097);
  const doe = z - era * 146_097;
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36_524) - floorDiv(doe, 146_096), 365);
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const mday = doy - floorDiv(153 * mp + 2, 5) + 1;
  const mon = mp < 10 ? mp + 2 : mp - 10;
  return { year: yoe + era * 400 + (mon < 2 ? 1 : 0), mon, mday };
}

/** The day of the week (0 = Sunday) of a day number. */
export function weekday(days: number): number {
  return (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Breaks `epoch + gmtoff` down into calendar fields (localtime_r with a known offset). */
export function breakDown(epoch: number, gmtoff: number, isdst: boolean, zone: string): BrokenDownTime {
  const local = Math.floor(epoch) + gmtoff;
  const days = floorDiv(local, SECONDS_PER_DAY);
  const rest = local - days * SECONDS_PER_DAY;
  const { year, mon, mday } = civilFromDays(days);
  return {
    sec: rest % 60,
    min: Math.floor(rest / 60) % 60,
    hour: Math.floor(rest / 3600),
    mday,
    mon,
    year,
    wday: weekday(days),
    yday: days - daysFromCivil(year, 0, 1),
    gmtoff,
    isdst,
    zone,
  };
}
