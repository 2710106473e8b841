import type { Field } from '../lexer.js';
import type { RuleProblems } from './fields.js';
import type { CalendarSpec } from './types.js';

const DIGITS = /^0*([0-9]+)$/;

function bound(text: string, min: number, max: number): number | null {
  const m = DIGITS.exec(text);
  if (m === null) return null;
  const n = Number.parseInt(m[1] ?? '', 10);
  return n < min || n > max ? null : n;
}

/**
 * SEC eval_timelist (RT-cal-spec): a comma list of `*`, `N`, `A-B`, `-B`, `A-`, with `/step` on
 * `*` and ranges only. Empty items are skipped; `A>B` gives nothing. Returns null when invalid.
 */
export function parseTimeList(spec: string, min: number, max: number, offset: number): number[] | null {
  const parts = spec.split(',');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop(); // Perl split drops trailing empties
  if (parts.length === 0) return null;
  const values = new Set<number>();
  for (let part of parts) {
    if (part === '') continue;
    let step: number | null = null;
    const stepMatch = /^(.+)\/0*([0-9]+)$/.exec(part);
    if (stepMatch !== null) {
      part = stepMatch[1] ?? '';
      step = Number.parseInt(stepMatch[2] ?? '', 10);
      if (step === 0) return null;
    }
    let from: number;
    let to: number;
    const dash = part.indexOf('-');
    if (part === '*') {
      from = min;
      to = max;
    } else if (dash === -1) {
      const n = bound(part, min, max);
      if (n === null || step !== null) return null;
      from = n;
      to = n;
    } else {
      const left = part.slice(0, dash);
      const right = part.slice(dash + 1);
      const a = left === '' ? min : bound(left, min, max);
      const b = right === '' ? max : bound(right, min, max);
      if (a === null || b === null) return null;
      from = a;
      to = b;
    }
    for (let v = from; v <= to; v += step ?? 1) values.add(v + offset);
  }
  return [...values].sort((x, y) => x - y);
}

const FIELDS = [
  { name: 'minute', min: 0, max: 59, offset: 0 },
  { name: 'hour', min: 0, max: 23, offset: 0 },
  { name: 'day', min: 0, max: 31, offset: 0 },
  { name: 'month', min: 1, max: 12, offset: -1 },
  { name: 'weekday', min: 0, max: 7, offset: 0 },
  { name: 'year', min: 0, max: 99, offset: 0 },
] as const;

/** SEC analyze_timespec: `minute hour day month weekday [year]`, whitespace-separated. */
export function parseTimeSpec(field: Field, problems: RuleProblems): CalendarSpec | null {
  const words: { text: string; offset: number }[] = [];
  for (const m of field.value.matchAll(/[^\t\n\v\f\r ]+/g)) words.push({ text: m[0], offset: m.index ?? 0 });
  if (words.length < 5 || words.length > 6) {
    problems.at(field, 'SYS0214', `wrong number of elements in time specification '${field.value}'`, 0);
    return null;
  }
  if (words.length === 5) words.push({ text: '*', offset: field.value.length });
  const sets: number[][] = [];
  for (const [i, f] of FIELDS.entries()) {
    const word = words[i] ?? { text: '', offset: 0 };
    const set = parseTimeList(word.text, f.min, f.max, f.offset);
    if (set === null) {
      problems.at(field, 'SYS0215', `invalid ${f.name} specification '${word.text}'`, word.offset);
      return null;
    }
    sets.push(set);
  }
  const [minutes = [], hours = [], days = [], months = [], weekdays = [], years = []] = sets;
  // 7 is another name for Sunday (perl's localtime uses 0 only).
  const wd = [...new Set(weekdays.map((d) => (d === 7 ? 0 : d)))].sort((a, b) => a - b);
  return { minutes, hours, days, months, weekdays: wd, years };
}
