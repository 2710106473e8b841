import { digitRunEnd, digitsAt, isAlpha, isDigit, SP } from './chars.js';
import { fractionMs, type WallTime } from './wall-time.js';

/** A timestamp found in a legacy (RFC 3164 style) line: its fields, where it ends, its text. */
export interface LegacyTime {
  readonly wall: WallTime;
  readonly start: number;
  readonly end: number;
}

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';

/** Three lower-case letters as one number: the key of MONTH_OF. */
function pack(a: number, b: number, c: number): number {
  return (a << 16) | (b << 8) | c;
}

/** The month (0..11) of each lower-case three-letter abbreviation. */
const MONTH_OF: ReadonlyMap<number, number> = new Map(
  Array.from({ length: 12 }, (_, m) => [
    pack(MONTHS.charCodeAt(3 * m), MONTHS.charCodeAt(3 * m + 1), MONTHS.charCodeAt(3 * m + 2)),
    m,
  ]),
);

/** The month (0..11) of three letters at `p`, any case (`Mar`, `MAR`); -1 if none. */
function monthAt(s: string, p: number): number {
  if (p + 3 > s.length) return -1;
  const a = s.charCodeAt(p);
  const b = s.charCodeAt(p + 1);
  const c = s.charCodeAt(p + 2);
  if (!isAlpha(a) || !isAlpha(b) || !isAlpha(c)) return -1;
  // ASCII letters: setting bit 0x20 gives the lower case.
  return MONTH_OF.get(pack(a | 0x20, b | 0x20, c | 0x20)) ?? -1;
}

interface Clock {
  readonly hour: number;
  readonly min: number;
  readonly sec: number;
  readonly fracMs: number;
  readonly end: number;
}

/** `h:mm:ss[.frac]` (hour of 1 or 2 digits; any number of fraction digits, read up to 9). */
function clockAt(s: string, p: number): Clock | null {
  const hEnd = digitRunEnd(s, p, 2);
  if (hEnd === p || s[hEnd] !== ':') return null;
  const min = digitsAt(s, hEnd + 1, 2);
  const sec = digitsAt(s, hEnd + 4, 2);
  if (min < 0 || sec < 0 || s[hEnd + 3] !== ':') return null;
  let end = hEnd + 6;
  let fracMs = 0;
  if (s[end] === '.' || s[end] === ',') {
    const fEnd = digitRunEnd(s, end + 1, 9);
    if (fEnd > end + 1) {
      fracMs = fractionMs(s.slice(end + 1, fEnd));
      end = digitRunEnd(s, fEnd, Number.MAX_SAFE_INTEGER);
    }
  }
  return { hour: digitsAt(s, p, hEnd - p), min, sec, fracMs, end };
}

/** A 4-digit year at `p` followed by a space, the end, or ':'; -1 if none. */
function yearAt(s: string, p: number): number {
  const y = digitsAt(s, p, 4);
  if (y < 0) return -1;
  const next = s.charCodeAt(p + 4);
  return Number.isNaN(next) || next === SP || next === 0x3a ? y : -1;
}

/** Zone names that mean UTC; any other name (`CST`, `CET`) is ambiguous and leaves the listener's zone. */
export function isUtcName(name: string): boolean {
  const n = name.toUpperCase();
  return n === 'UTC' || n === 'GMT' || n === 'UT' || n === 'Z';
}

/** The end of a run of 1 to 5 upper-case letters at `p` (p when none). */
function upperRunEnd(s: string, p: number): number {
  let q = p;
  while (q < s.length && q - p < 5 && s.charCodeAt(q) >= 0x41 && s.charCodeAt(q) <= 0x5a) q++;
  return q;
}

/**
 * BSD `Mmm dd hh:mm:ss` (RFC 3164 §4.1.2) and what devices make of it: upper-case months, a
 * day with or without padding, the year before (`Mmm dd yyyy hh:mm:ss`, Cisco ASA) or after
 * the time, fractions of a second.
 */
function bsdAt(s: string, p: number): LegacyTime | null {
  const mon = monthAt(s, p);
  if (mon < 0 || s.charCodeAt(p + 3) !== SP) return null;
  let q = p + 4;
  while (s.charCodeAt(q) === SP && q < p + 6) q++;
  const dEnd = digitRunEnd(s, q, 2);
  if (dEnd === q || s.charCodeAt(dEnd) !== SP) return null;
  const mday = digitsAt(s, q, dEnd - q);
  q = dEnd + 1;
  let year: number | null = yearAt(s, q);
  if (year >= 0) q += 5;
  else year = null;
  const clock = clockAt(s, q);
  if (clock === null) return null;
  let end = clock.end;
  let offset: number | null = null;
  if (year === null && s.charCodeAt(end) === SP) {
    // `hh:mm:ss yyyy`, or `hh:mm:ss ZZZ yyyy` (RFC 3164 §5.4's `05:34:00 CST 1987`)
    const zEnd = upperRunEnd(s, end + 1);
    const yPos = zEnd > end + 2 && s.charCodeAt(zEnd) === SP ? zEnd + 1 : end + 1;
    const after = yearAt(s, yPos);
    if (after >= 0) {
      year = after;
      if (yPos > end + 1 && isUtcName(s.slice(end + 1, zEnd))) offset = 0;
      end = yPos + 4;
    }
  }
  const { hour, min, sec, fracMs } = clock;
  return { wall: { year, mon, mday, hour, min, sec, fracMs, offset }, start: p, end };
}

/** ISO 8601 / RFC 3339 as rsyslog and others put it in legacy lines: `yyyy-mm-ddThh:mm:ss[.f][Z|±hh[:]mm]`. */
function isoAt(s: string, p: number): LegacyTime | null {
  const year = digitsAt(s, p, 4);
  const mon = digitsAt(s, p + 5, 2);
  const mday = digitsAt(s, p + 8, 2);
  if (year < 0 || mon < 0 || mday < 0 || s[p + 4] !== '-' || s[p + 7] !== '-') return null;
  const t = s[p + 10];
  if (t !== 'T' && t !== 't' && t !== ' ') return null;
  const clock = clockAt(s, p + 11);
  if (clock === null) return null;
  const zone = isoOffset(s, clock.end);
  const { hour, min, sec, fracMs } = clock;
  const wall: WallTime = { year, mon: mon - 1, mday, hour, min, sec, fracMs, offset: zone.offset };
  return { wall, start: p, end: zone.end };
}

function isoOffset(s: string, p: number): { offset: number | null; end: number } {
  const c = s[p];
  if (c === 'Z' || c === 'z') return { offset: 0, end: p + 1 };
  if (c !== '+' && c !== '-') return { offset: null, end: p };
  const hh = digitsAt(s, p + 1, 2);
  const colon = s[p + 3] === ':' ? 1 : 0;
  const mm = digitsAt(s, p + 3 + colon, 2);
  if (hh < 0 || mm < 0) return { offset: null, end: p };
  return { offset: (c === '-' ? -1 : 1) * (hh * 3600 + mm * 60), end: p + 5 + colon };
}

/** The Cisco VPN 3000 concentrator's `MM/DD/YYYY hh:mm:ss.mmm`. */
function slashDateAt(s: string, p: number): LegacyTime | null {
  const mon = digitsAt(s, p, 2);
  const mday = digitsAt(s, p + 3, 2);
  const year = digitsAt(s, p + 6, 4);
  if (mon < 0 || mday < 0 || year < 0 || s[p + 2] !== '/' || s[p + 5] !== '/' || s[p + 10] !== ' ') {
    return null;
  }
  const clock = clockAt(s, p + 11);
  if (clock === null) return null;
  const { hour, min, sec, fracMs } = clock;
  return {
    wall: { year, mon: mon - 1, mday, hour, min, sec, fracMs, offset: null },
    start: p,
    end: clock.end,
  };
}

/**
 * A legacy timestamp at `p` in any of the forms above, after an optional Cisco IOS clock marker
 * (`*` clock not set, `.` not synchronized), which is not part of the timestamp text.
 */
export function legacyTimeAt(s: string, p: number): LegacyTime | null {
  const c = s[p];
  const q = (c === '*' || c === '.') && monthAt(s, p + 1) >= 0 ? p + 1 : p;
  const first = s.charCodeAt(q);
  if (isAlpha(first)) return bsdAt(s, q);
  const leadingYear = yearAt(s, q);
  if (leadingYear >= 0 && s.charCodeAt(q + 4) === SP && monthAt(s, q + 5) >= 0) {
    // `yyyy Mmm dd hh:mm:ss` (RFC 3164 §5.4's `1990 Oct 22 10:52:01`)
    const t = bsdAt(s, q + 5);
    return t === null || t.wall.year !== null
      ? null
      : { ...t, wall: { ...t.wall, year: leadingYear }, start: q };
  }
  if (!isDigit(first)) return null;
  return s[q + 2] === '/' ? slashDateAt(s, q) : isoAt(s, q);
}
