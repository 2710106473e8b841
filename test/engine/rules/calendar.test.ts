import { describe, expect, it } from 'vitest';
import { calendarKey } from '../../../src/engine/rules/calendar.js';
import { fixedZone } from '../../../src/engine/variables/index.js';
import { feed, makeEngine } from '../../support/engine-harness.js';

const UTC = fixedZone(0, 'UTC');

/** Epoch seconds of a UTC wall-clock time (month 1-12). */
function at(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
}

function cal(time: string, action: string, extra = '', desc = 'cal'): string {
  return `type=Calendar\ntime=${time}\ndesc=${desc}\naction=${action}\n${extra}\n\n`;
}

function engineWith(rules: string, zone = UTC) {
  return makeEngine({ 'c.sec': rules }, { zone });
}

/** Runs a cleanup pass at each time and returns the stdout lines written. */
function cleanups(rules: string, times: readonly number[], zone = UTC): string[] {
  const { engine, rec } = engineWith(rules, zone);
  for (const t of times) engine.cleanup(t);
  return rec.stdout;
}

describe('Calendar rules (RT-calendar, RT-cal-spec, RT-cal-ctx)', () => {
  it('RT-calendar: runs at most once per matching minute, again in the next minute, with %s = desc', () => {
    const base = at(2024, 5, 10, 8, 30, 12);
    const times = [base, base + 1, base + 40, base + 48, base + 60, base + 108];
    const out = cleanups(cal('* * * * *', 'write - fired %s'), times);
    // 08:30:12, :13 and :52 are one minute; 08:31:00 and 08:31:12 the next one; then 08:32:00.
    expect(out).toEqual(['fired cal', 'fired cal', 'fired cal']);
  });

  it('RT-calendar: checked only in the cleanup pass, never when an event arrives', () => {
    const { engine, rec } = engineWith(cal('* * * * *', 'write - fired'));
    const t = at(2024, 5, 10, 8, 30, 0);
    feed(engine, ['some line', 'another line'], t);
    expect(rec.stdout).toEqual([]);
    engine.cleanup(t);
    expect(rec.stdout).toEqual(['fired']);
  });

  it('RT-calendar: no catch-up for a minute in which no cleanup pass ran', () => {
    const rules = cal('5 10 * * *', 'write - ten-oh-five');
    expect(cleanups(rules, [at(2024, 1, 2, 10, 4, 59), at(2024, 1, 2, 10, 6, 0)])).toEqual([]);
    expect(cleanups(rules, [at(2024, 1, 2, 10, 4, 59), at(2024, 1, 2, 10, 5, 59)])).toEqual(['ten-oh-five']);
  });

  it('RT-calendar: the same minute of another day, month or year fires again', () => {
    const rules = cal('0 0 * * *', 'write - midnight');
    const times = [at(2024, 3, 1), at(2024, 3, 1, 0, 0, 30), at(2024, 3, 2), at(2025, 3, 2)];
    expect(cleanups(rules, times)).toEqual(['midnight', 'midnight', 'midnight']);
  });

  it('RT-calendar: the last-run minute is per rule, and per engine', () => {
    const rules = cal('* * * * *', 'write - a') + cal('* * * * *', 'write - b');
    const t = at(2024, 7, 1, 12, 0, 0);
    const first = engineWith(rules);
    first.engine.cleanup(t);
    first.engine.cleanup(t + 1);
    expect(first.rec.stdout).toEqual(['a', 'b']);
    const second = engineWith(rules);
    second.engine.cleanup(t + 2);
    expect(second.rec.stdout).toEqual(['a', 'b']);
  });

  it('RT-calendar: dropping the rule file (SIGABRT) forgets the last-run minute', () => {
    const { engine, rec, config } = engineWith(cal('* * * * *', 'write - x'));
    const t = at(2024, 7, 1, 12, 0, 0);
    engine.cleanup(t);
    const rule = config.files[0]?.rules[0];
    expect(rule?.type).toBe('Calendar');
    if (rule?.type === 'Calendar') expect(engine.operations.get(calendarKey(rule))?.kind).toBe('Calendar');
    engine.operations.dropFile('c.sec');
    engine.cleanup(t + 1);
    expect(rec.stdout).toEqual(['x', 'x']);
  });

  it('RT-cal-spec: day and weekday are ANDed (0 1 25-31 10 7 = 1 AM on the last Sunday of October)', () => {
    const rules = cal('0 1 25-31 10 7', 'write - dst');
    // 2024-10-20 is a Sunday outside 25-31; 2024-10-25 is a Friday inside it; 2024-10-27 is both.
    expect(cleanups(rules, [at(2024, 10, 20, 1), at(2024, 10, 25, 1)])).toEqual([]);
    expect(cleanups(rules, [at(2024, 10, 27, 1)])).toEqual(['dst']);
    expect(cleanups(rules, [at(2024, 10, 27, 2)])).toEqual([]);
  });

  it('RT-cal-spec: day 0 is the last day of the month (leap years included)', () => {
    const rules = cal('30 23 0 * *', 'write - month end');
    expect(cleanups(rules, [at(2024, 2, 28, 23, 30)])).toEqual([]);
    expect(cleanups(rules, [at(2024, 2, 29, 23, 30)])).toEqual(['month end']);
    expect(cleanups(rules, [at(2023, 2, 28, 23, 30)])).toEqual(['month end']);
    expect(cleanups(rules, [at(2024, 4, 30, 23, 30), at(2024, 12, 31, 23, 30)])).toEqual([
      'month end',
      'month end',
    ]);
  });

  it('RT-cal-spec: "last day" is "the day 86,400 s later is the 1st", so it follows the local zone', () => {
    const rules = cal('* * 0 * *', 'write - last');
    // 2024-03-31 23:30 UTC is already 2024-04-01 in UTC+1: not a last day there.
    expect(cleanups(rules, [at(2024, 3, 31, 23, 30)], fixedZone(3600, 'CET'))).toEqual([]);
    // 2024-03-30 23:30 UTC is 2024-03-31 00:30 in UTC+1: the last day there.
    expect(cleanups(rules, [at(2024, 3, 30, 23, 30)], fixedZone(3600, 'CET'))).toEqual(['last']);
  });

  it('RT-cal-spec: months, weekdays (7 = Sunday) and two-digit years', () => {
    expect(cleanups(cal('* * * 2 *', 'write - feb'), [at(2024, 1, 31), at(2024, 2, 1)])).toEqual(['feb']);
    expect(cleanups(cal('* * * * 7', 'write - sun'), [at(2024, 6, 8), at(2024, 6, 9)])).toEqual(['sun']);
    const year = cal('* * * * * 24', 'write - y24');
    expect(cleanups(year, [at(2023, 6, 1), at(2025, 6, 1)])).toEqual([]);
    expect(cleanups(year, [at(2024, 6, 1)])).toEqual(['y24']);
  });

  it('RT-cal-spec: steps and lists select exactly the listed minutes', () => {
    const rules = cal('*/15,7 * * * *', 'write - tick');
    const minutes = [0, 1, 7, 14, 15, 30, 44, 45, 59];
    const times = minutes.map((m) => at(2024, 6, 1, 3, m, 5));
    const { engine, rec } = engineWith(rules);
    const fired: number[] = [];
    for (const [i, t] of times.entries()) {
      const before = rec.stdout.length;
      engine.cleanup(t);
      if (rec.stdout.length > before) fired.push(minutes[i] ?? -1);
    }
    expect(fired).toEqual([0, 7, 15, 30, 45]);
  });

  it('RT-cal-ctx: a false context is re-checked at every cleanup within the minute', () => {
    const rules =
      cal('* * * * *', 'write - ready %s', 'context=[READY]', 'cal') +
      'type=Single\nptype=SubStr\npattern=go\ndesc=g\naction=create READY\n';
    const { engine, rec } = engineWith(rules);
    const t = at(2024, 6, 1, 9, 0, 10);
    engine.cleanup(t);
    engine.cleanup(t + 10);
    expect(rec.stdout).toEqual([]);
    feed(engine, ['go'], t + 20);
    engine.cleanup(t + 21);
    engine.cleanup(t + 30);
    expect(rec.stdout).toEqual(['ready cal']);
    engine.cleanup(t + 50);
    expect(rec.stdout).toEqual(['ready cal', 'ready cal']);
  });

  it('RT-cal-ctx: a context that stays false lets the minute pass without running', () => {
    const rules =
      cal('0 * * * *', 'write - hourly', 'context=!BLOCK') + cal('* * * * *', 'create BLOCK 30', '', 'b');
    // The second rule creates BLOCK at the first pass: the first rule, checked before it, still runs.
    const out = cleanups(rules, [
      at(2024, 6, 1, 9, 0, 0),
      at(2024, 6, 1, 10, 0, 0),
      at(2024, 6, 1, 10, 0, 40),
    ]);
    expect(out).toEqual(['hourly', 'hourly']);
  });

  it('RT-cal-ctx: the context sees no match variables', () => {
    const rules = cal('* * * * *', 'write - seen', 'context=$1');
    const { engine, rec } = engineWith(rules);
    feed(engine, ['x'], at(2024, 6, 1));
    engine.cleanup(at(2024, 6, 1));
    expect(rec.stdout).toEqual([]);
    engine.contexts.create('$1', 0, null, '', at(2024, 6, 1));
    engine.cleanup(at(2024, 6, 1, 0, 0, 5));
    expect(rec.stdout).toEqual(['seen']);
  });

  it('EX-rt-calendar: the manual example creates WAITING_FOR_BACKUP on the last Saturday of each quarter', () => {
    const rules =
      cal('0 2 25-31 3,12 6', 'event WAITING_FOR_BACKUP', '', 'Q1 and Q4') +
      cal('0 2 24-30 6,9 6', 'event WAITING_FOR_BACKUP', '', 'Q2 and Q3') +
      'type=Single\nptype=SubStr\npattern=WAITING_FOR_BACKUP\ndesc=w\naction=write - waiting %t\n';
    const { engine, rec } = engineWith(rules);
    // Saturdays at 02:00: two that are not the last of their quarter, then the four that are.
    const saturdays = [
      at(2024, 3, 23, 2),
      at(2024, 6, 22, 2),
      at(2024, 3, 30, 2),
      at(2024, 6, 29, 2),
      at(2024, 9, 28, 2),
      at(2024, 12, 28, 2),
    ];
    for (const t of saturdays) {
      engine.cleanup(t);
      engine.cleanup(t + 59);
      for (let e = engine.nextSynthetic(); e !== undefined; e = engine.nextSynthetic())
        engine.process(e, t + 59);
    }
    expect(rec.stdout).toEqual([
      'waiting Sat Mar 30 02:00:59 2024',
      'waiting Sat Jun 29 02:00:59 2024',
      'waiting Sat Sep 28 02:00:59 2024',
      'waiting Sat Dec 28 02:00:59 2024',
    ]);
  });
});
