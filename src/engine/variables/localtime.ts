import { type BrokenDownTime, breakDown } from './civil.js';
import type { TimeZone } from './zone.js';

/**
 * Perl's localtime in its two forms: the list (struct tm, via the zone) and the scalar string
 * `Thu Nov  5 10:58:51 2015` (ALV-t-u, and the prefix of --log lines and dump times). The scalar
 * form is fixed English whatever the locale: Perl formats it itself, not through strftime.
 */

export const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** localtime(epoch) in `zone`. */
export function localTime(epoch: number, zone: TimeZone): BrokenDownTime {
  const info = zone.at(Math.floor(epoch));
  return breakDown(epoch, info.gmtoff, info.isdst, info.abbr);
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `Mmm dd hh:mm:ss`, the day padded by a space (`Jan  5`): the middle of Perl's scalar localtime. */
function monthDayClock(t: BrokenDownTime): string {
  const mday = t.mday < 10 ? ` ${t.mday}` : String(t.mday);
  return `${MONTH_NAMES[t.mon]} ${mday} ${two(t.hour)}:${two(t.min)}:${two(t.sec)}`;
}

/** Perl's scalar localtime of fields: "%s %s %2d %02d:%02d:%02d %d". */
export function formatPerlLocaltime(t: BrokenDownTime): string {
  return `${WEEKDAY_NAMES[t.wday]} ${monthDayClock(t)} ${t.year}`;
}

/** The time as syslogd and SEC write it at the start of a classic syslog line: `Mmm dd hh:mm:ss` in `zone`. */
export function classicTime(epochSeconds: number, zone: TimeZone): string {
  return monthDayClock(localTime(epochSeconds, zone));
}

/**
 * `scalar localtime(epochSeconds)` (ALV-t-u). With a zone (see loadZone), exactly what Perl prints
 * under the same TZ and zone files; without one, the JavaScript runtime's view of the process TZ.
 */
export function perlLocaltime(epochSeconds: number, zone?: TimeZone): string {
  if (zone !== undefined) return formatPerlLocaltime(localTime(epochSeconds, zone));
  const d = new Date(Math.floor(epochSeconds) * 1000);
  const gmtoff = -Math.round(d.getTimezoneOffset() * 60) || 0;
  return formatPerlLocaltime(breakDown(epochSeconds, gmtoff, false, ''));
}
