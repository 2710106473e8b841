import { describe, expect, it } from 'vitest';
import { resolveRuleOffset } from '../../../src/config/action-list/index.js';
import { all, one, problems, theProblem } from './helpers.js';

describe('operation actions (ACT-reset, ACT-getwpos, ACT-setwpos)', () => {
  it('ACT-reset: 0 is the current rule, K the K-th (1-based), +K/-K relative', () => {
    expect(resolveRuleOffset('', '0', 4)).toBe(4);
    expect(resolveRuleOffset('', '1', 4)).toBe(0);
    expect(resolveRuleOffset('', '3', 4)).toBe(2);
    expect(resolveRuleOffset('+', '2', 4)).toBe(6);
    expect(resolveRuleOffset('-', '1', 4)).toBe(3);
    expect(resolveRuleOffset('+', '0', 4)).toBe(4);
  });

  it('ACT-reset: the offset is resolved at load against the context rule number', () => {
    expect(all('reset 0; reset 1 x; reset +1 y; reset -2 (z)', 5)).toEqual([
      { kind: 'reset', offset: 0, rule: 5, text: '%s' },
      { kind: 'reset', offset: 9, rule: 0, text: 'x' },
      { kind: 'reset', offset: 20, rule: 6, text: 'y' },
      { kind: 'reset', offset: 32, rule: 3, text: 'z' },
    ]);
  });

  it('ACT-reset: no offset means every rule of the file (null); `reset 2nd` is text "2nd"', () => {
    expect(one('reset')).toEqual({ kind: 'reset', offset: 0, rule: null, text: '%s' });
    expect(one('reset 2nd')).toEqual({ kind: 'reset', offset: 0, rule: null, text: '2nd' });
    expect(one('reset +x')).toEqual({ kind: 'reset', offset: 0, rule: null, text: '+x' });
    expect(one('reset 007 a b', 1)).toEqual({ kind: 'reset', offset: 0, rule: 6, text: 'a b' });
  });

  it('ACT-reset: an out-of-range result is kept (SEC does not check it)', () => {
    expect(one('reset -3', 1)).toMatchObject({ rule: -2 });
  });

  it('ACT-getwpos: %v and N are required; N resolves like reset', () => {
    expect(one('getwpos %w -1 $1', 2)).toEqual({
      kind: 'getwpos',
      offset: 0,
      variable: 'w',
      rule: 1,
      text: '$1',
    });
    expect(one('getwpos %w 0', 2)).toEqual({
      kind: 'getwpos',
      offset: 0,
      variable: 'w',
      rule: 2,
      text: '%s',
    });
    expect(problems('getwpos %w')).toEqual([['SYS0304', 0]]);
    expect(problems('getwpos w 1')).toEqual([['SYS0306', 8]]);
  });

  it('getwpos/setwpos: a rule offset that is not [+-]digits is SYS0310 at that word', () => {
    const p = theProblem('getwpos %w 2nd x');
    expect(p).toMatchObject({ code: 'SYS0310', offset: 11 });
    expect(p.message).toBe("rule offset of action 'getwpos' must be 0, K, +K or -K, not '2nd'");
    expect(problems('setwpos 100 +x')).toEqual([['SYS0310', 12]]);
  });

  it('ACT-setwpos: time, N, text', () => {
    expect(one('setwpos %t +0 (w 1)', 7)).toEqual({
      kind: 'setwpos',
      offset: 0,
      time: '%t',
      rule: 7,
      text: 'w 1',
    });
    expect(one('setwpos 100 3')).toEqual({ kind: 'setwpos', offset: 0, time: '100', rule: 2, text: '%s' });
    expect(problems('setwpos 1')).toEqual([['SYS0304', 0]]);
    expect(problems('setwpos () 1')).toEqual([['SYS0307', 8]]);
  });
});
