import { civilFromDays, daysFromCivil, isLeapYear, weekday } from './civil.js';
import { fixedZone, type TimeZone, type ZoneInfo } from './zone.js';

/**
 * POSIX TZ strings (`EET-2EEST,M3.5.0/3,M10.5.0/4`) as glibc reads them, both from the TZ variable
 * and from the footer of TZif files, which covers every instant after the last transition
 * (HP-localtime). glibc is lenient: a missing std offset means 0, and text it cannot read after the
 * std part is ignored (TZ=Nowhere/Foo is "Nowhere", UTC+0).
 */

/** A DST switch date: Jn (1..365, no Feb 29), n (0..365) or Mm.w.d; `time` is seconds after local midnight. */
type RuleDate =
  | { readonly kind: 'julian1'; readonly day: number; readonly time: number }
  | { readonly kind: 'julian0'; readonly day: number; readonly time: number }
  | {
      readonly kind: 'month';
      readonly mon: number;
      readonly week: number;
      readonly wday: number;
      readonly time: number;
    };

interface Cursor {
  readonly text: string;
  pos: number;
}

function readName(c: Cursor): string | null {
  const quoted = c.text[c.pos] === '<';
  const re = quoted ? /^<([A-Za-z0-9+-]{3,})>/ : /^[A-Za-z]{3,}/;
  const m = re.exec(c.text.slice(c.pos));
  if (m === null) return null;
  c.pos += m[0].length;
  return quoted ? (m[1] ?? '') : m[0];
}

/** [+-]h[hh][:mm[:ss]] as seconds, or null. */
function readHms(c: Cursor): number | null {
  const m = /^([+-]?)(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?/.exec(c.text.slice(c.pos));
  if (m === null) return null;
  c.pos += m[0].length;
  const secs = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -secs : secs;
}

function readRuleDate(c: Cursor): RuleDate | null {
  const rest = c.text.slice(c.pos);
  const m = /^(?:J(\d{1,3})|(\d{1,3})|M(\d{1,2})\.(\d)\.(\d))/.exec(rest);
  if (m === null) return null;
  c.pos += m[0].length;
  let time = 7200; // POSIX default 02:00:00
  if (c.text[c.pos] === '/') {
    c.pos += 1;
    const t = readHms(c);
    if (t === null) return null;
    time = t;
  }
  if (m[1] !== undefined) return { kind: 'julian1', day: Number(m[1]), time };
  if (m[2] !== undefined) return { kind: 'julian0', day: Number(m[2]), time };
  return { kind: 'month', mon: Number(m[3]) - 1, week: Number(m[4]), wday: Number(m[5]), time };
}

/**
 * Day number (days since the epoch) of a rule date in `year`. glibc counts the days into the year
 * from 1970-01-01 for any year up to 1970 (compute_change), so rules never switch before 1971.
 */
function ruleDay(rule: RuleDate, year: number): number {
  const jan1 = daysFromCivil(year, 0, 1);
  return (year > 1970 ? jan1 : 0) + dayOfYear(rule, year, jan1);
}

/** 0-based day of the year of a rule date. */
function dayOfYear(rule: RuleDate, year: number, jan1: number): number {
  if (rule.kind === 'julian0') return rule.day;
  if (rule.kind === 'julian1') return rule.day - 1 + (isLeapYear(year) && rule.day >= 60 ? 1 : 0);
  const first = daysFromCivil(year, rule.mon, 1);
  const nextMonth = rule.mon === 11 ? daysFromCivil(year + 1, 0, 1) : daysFromCivil(year, rule.mon + 1, 1);
  let day = first + ((rule.wday - weekday(first) + 7) % 7) + (rule.week - 1) * 7;
  while (day >= nextMonth) day -= 7; // week 5 = the last such weekday
  return day - jan1;
}

interface DstRule {
  readonly std: ZoneInfo;
  readonly dst: ZoneInfo;
  readonly start: RuleDate;
  readonly end: RuleDate;
}

function ruleZone(r: DstRule): TimeZone {
  return {
    at(epoch: number): ZoneInfo {
      const year = civilFromDays(Math.floor((epoch + r.std.gmtoff) / 86_400)).year;
      // POSIX: the start time is in standard time, the end time in daylight time.
      const start = ruleDay(r.start, year) * 86_400 + r.start.time - r.std.gmtoff;
      const end = ruleDay(r.end, year) * 86_400 + r.end.time - r.dst.gmtoff;
      const inDst = start < end ? epoch >= start && epoch < end : !(epoch >= end && epoch < start);
      return inDst ? r.dst : r.std;
    },
  };
}

/** The US rules glibc assumes for `std offset dst` without dates. */
const DEFAULT_RULES = ',M3.2.0,M11.1.0';

/** Parses a POSIX TZ string; null if not even a std name can be read (glibc then uses UTC, ""). */
export function parsePosixTz(text: string): TimeZone | null {
  const c: Cursor = { text, pos: 0 };
  const stdName = readName(c);
  if (stdName === null) return null;
  const stdOff = readHms(c);
  const std: ZoneInfo = { gmtoff: -(stdOff ?? 0), isdst: false, abbr: stdName };
  const stdOnly = fixedZone(std.gmtoff, std.abbr);
  if (stdOff === null) return stdOnly;
  const dstName = readName(c);
  if (dstName === null) return stdOnly;
  const dstOff = readHms(c);
  const dst: ZoneInfo = { gmtoff: dstOff === null ? std.gmtoff + 3600 : -dstOff, isdst: true, abbr: dstName };
  const rules: Cursor = c.pos === text.length ? { text: DEFAULT_RULES, pos: 0 } : c;
  if (rules.text[rules.pos] !== ',') return stdOnly;
  rules.pos += 1;
  const start = readRuleDate(rules);
  if (start === null || rules.text[rules.pos] !== ',') return stdOnly;
  rules.pos += 1;
  const end = readRuleDate(rules);
  if (end === null) return stdOnly;
  return ruleZone({ std, dst, start, end });
}
