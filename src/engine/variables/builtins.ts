import type { BrokenDownTime } from './civil.js';
import { MONTH_NAMES, WEEKDAY_NAMES } from './localtime.js';

/**
 * The values of SEC's built-in action-list variables (set_actionlist_time_var and
 * set_actionlist_char_var in sec 2.9.x), as name/value pairs to store in the variable table.
 */

/** The ALV-time names, in SEC's order. */
export const TIME_VARIABLES = [
  '.sec',
  '.min',
  '.hour',
  '.hmsstr',
  '.mday',
  '.mdaystr',
  '.mon',
  '.monstr',
  '.year',
  '.wday',
  '.wdaystr',
  '.tzname',
  '.tzoff',
  '.tzoff2',
] as const;

export type TimeVariable = (typeof TIME_VARIABLES)[number];

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** strftime %z: ±hhmm from tm_gmtoff, seconds dropped (glibc). */
export function strftimeZ(gmtoff: number): string {
  const minutes = Math.floor(Math.abs(gmtoff) / 60);
  return `${gmtoff < 0 ? '-' : '+'}${two(Math.floor(minutes / 60))}${two(minutes % 60)}`;
}

/** SEC ALV-time: the parts of one local time, as set_actionlist_time_var computes them. */
export function timeBuiltins(t: BrokenDownTime): Record<TimeVariable, string> {
  const hms = `${two(t.hour)}:${two(t.min)}:${two(t.sec)}`;
  const tzoff = strftimeZ(t.gmtoff);
  // SEC ALV-time: %.tzoff2 is +hh:mm only when %z has the ±hhmm form, else "".
  const m = /^([+-][0-9]{2})([0-9]{2})$/.exec(tzoff);
  return {
    '.sec': two(t.sec),
    '.min': two(t.min),
    '.hour': two(t.hour),
    '.hmsstr': hms,
    '.mday': two(t.mday),
    '.mdaystr': t.mday < 10 ? ` ${t.mday}` : String(t.mday),
    '.mon': two(t.mon + 1),
    // C-locale strftime %b / %a (SEC never calls setlocale for LC_TIME).
    '.monstr': MONTH_NAMES[t.mon] ?? '',
    '.year': String(t.year),
    '.wday': String(t.wday),
    '.wdaystr': WEEKDAY_NAMES[t.wday] ?? '',
    '.tzname': t.zone,
    '.tzoff': tzoff,
    '.tzoff2': m === null ? '' : `${m[1]}:${m[2]}`,
  };
}

/** The highest `%.chrN`: 31 in SEC 2.9.1, 255 from 2.9.3 on (ALV-chars). */
export const MAX_CHR = 255;

/**
 * SEC ALV-chars: `%.nl %.cr %.tab %.sp` and `%.chr0` .. `%.chr<maxChr>`, each one byte. Bytes
 * 128..255 are single latin1 characters, so `%.chr195%.chr132` written as latin1 is UTF-8 "Ä".
 */
export function charBuiltins(maxChr: number = MAX_CHR): Array<[string, string]> {
  const out: Array<[string, string]> = [
    ['.nl', '\n'],
    ['.cr', '\r'],
    ['.tab', '\t'],
    ['.sp', ' '],
  ];
  for (let i = 0; i <= maxChr; i += 1) out.push([`.chr${i}`, String.fromCharCode(i)]);
  return out;
}
