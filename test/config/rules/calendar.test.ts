import { describe, expect, it } from 'vitest';
import { lexRuleFile } from '../../../src/config/lexer.js';
import { parseTimeList, parseTimeSpec } from '../../../src/config/rules/calendar.js';
import { RuleProblems } from '../../../src/config/rules/fields.js';

function timeField(value: string) {
  const item = lexRuleFile(`time=${value}\n`, 'cal.sec').items[0];
  if (item?.kind !== 'block') throw new Error('no block');
  const f = item.block.fields.get('time');
  if (f === undefined) throw new Error('no field');
  return f;
}

describe('Calendar time lists (RT-cal-spec)', () => {
  it('expands *, numbers, ranges, open ranges and steps', () => {
    expect(parseTimeList('*', 0, 5, 0)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(parseTimeList('*/2', 0, 5, 0)).toEqual([0, 2, 4]);
    expect(parseTimeList('1-3,05', 0, 59, 0)).toEqual([1, 2, 3, 5]);
    expect(parseTimeList('-2', 0, 59, 0)).toEqual([0, 1, 2]);
    expect(parseTimeList('57-', 0, 59, 0)).toEqual([57, 58, 59]);
    expect(parseTimeList('10-20/5', 0, 59, 0)).toEqual([10, 15, 20]);
    expect(parseTimeList('-', 0, 3, 0)).toEqual([0, 1, 2, 3]);
  });

  it('skips empty items and gives an empty set for A>B without error', () => {
    expect(parseTimeList('1,,3,', 0, 59, 0)).toEqual([1, 3]);
    expect(parseTimeList('5-3', 0, 59, 0)).toEqual([]);
  });

  it('rejects step 0, a step on a single number, out-of-range values and junk', () => {
    for (const bad of ['*/0', '5/2', '60', '1-60', 'x', '*-5', ',', '']) {
      expect(parseTimeList(bad, 0, 59, 0), bad).toBeNull();
    }
  });

  it('applies the month offset', () => {
    expect(parseTimeList('1,12', 1, 12, -1)).toEqual([0, 11]);
    expect(parseTimeList('0', 1, 12, -1)).toBeNull();
  });
});

describe('Calendar time specifications', () => {
  it('needs 5 or 6 fields; the year defaults to *; weekday 7 is Sunday', () => {
    const problems = new RuleProblems('cal.sec');
    const spec = parseTimeSpec(timeField('0 23 * * 7'), problems);
    expect(problems.list).toEqual([]);
    expect(spec?.minutes).toEqual([0]);
    expect(spec?.hours).toEqual([23]);
    expect(spec?.days).toHaveLength(32);
    expect(spec?.months).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(spec?.weekdays).toEqual([0]);
    expect(spec?.years).toHaveLength(100);
  });

  it('reports the wrong number of fields and the offending field with its column', () => {
    const p1 = new RuleProblems('cal.sec');
    expect(parseTimeSpec(timeField('0 23 * *'), p1)).toBeNull();
    expect(p1.list.map((d) => d.code)).toEqual(['SYS0214']);
    const p2 = new RuleProblems('cal.sec');
    expect(parseTimeSpec(timeField('0 23 * 13 *'), p2)).toBeNull();
    expect(p2.list.map((d) => [d.code, d.line, d.col])).toEqual([['SYS0215', 1, 13]]);
  });
});
