import { describe, expect, it } from 'vitest';
import { one, problems, theProblem } from './helpers.js';

describe('event-store actions (ACT-add .. ACT-trim)', () => {
  it('ACT-add, ACT-prepend, ACT-fill: the string defaults to %s', () => {
    expect(one('add C $0')).toEqual({ kind: 'add', offset: 0, context: 'C', text: '$0' });
    expect(one('prepend C')).toEqual({ kind: 'prepend', offset: 0, context: 'C', text: '%s' });
    expect(one('fill C (a;b)')).toEqual({ kind: 'fill', offset: 0, context: 'C', text: 'a;b' });
    expect(problems('add')).toEqual([['SYS0304', 0]]);
    expect(problems('fill () x')).toEqual([['SYS0307', 5]]);
  });

  it('ACT-copy, ACT-pop, ACT-shift: name then %v, both required', () => {
    expect(one('copy C %lines')).toEqual({ kind: 'copy', offset: 0, context: 'C', variable: 'lines' });
    expect(one('pop (C) %last')).toEqual({ kind: 'pop', offset: 0, context: 'C', variable: 'last' });
    expect(one('shift C %First_1')).toEqual({ kind: 'shift', offset: 0, context: 'C', variable: 'First_1' });
    expect(problems('shift C')).toEqual([['SYS0304', 0]]);
    expect(problems('copy C %v x')).toEqual([['SYS0305', 10]]);
  });

  it('AL-var-check: no paren stripping for variables, and %.x cannot be a target', () => {
    expect(problems('copy C (%v)')).toEqual([['SYS0306', 7]]);
    expect(theProblem('pop C %.nl').message).toBe(
      "'%.nl' is not a valid variable name (must be %[A-Za-z]\\w*)",
    );
  });

  it('all the problems of one action are reported together', () => {
    expect(problems('copy () v')).toEqual([
      ['SYS0307', 5],
      ['SYS0306', 8],
    ]);
  });

  it('ACT-empty: the variable is optional (null when absent)', () => {
    expect(one('empty C')).toEqual({ kind: 'empty', offset: 0, context: 'C', variable: null });
    expect(one('empty C %all')).toEqual({ kind: 'empty', offset: 0, context: 'C', variable: 'all' });
    expect(problems('empty C %1')).toEqual([['SYS0306', 8]]);
    expect(problems('empty C %v x')).toEqual([['SYS0305', 11]]);
  });

  it('ACT-trim (2.9.4): time, name, optional variable', () => {
    expect(one('trim -3600 C %old')).toEqual({
      kind: 'trim',
      offset: 0,
      time: '-3600',
      context: 'C',
      variable: 'old',
    });
    expect(one('trim +60 C')).toEqual({ kind: 'trim', offset: 0, time: '+60', context: 'C', variable: null });
    expect(problems('trim 1')).toEqual([['SYS0304', 0]]);
    expect(problems('trim () C')).toEqual([['SYS0307', 5]]);
    expect(problems('trim 1 C v')).toEqual([['SYS0306', 9]]);
    expect(problems('trim 1 C %v x')).toEqual([['SYS0305', 12]]);
  });
});
