import { describe, expect, it } from 'vitest';
import { parseActionList } from '../../../src/config/action-list/index.js';
import { one, problems, theProblem } from './helpers.js';

describe('variable actions (ACT-assign .. ACT-varset)', () => {
  it('ACT-assign, ACT-assignsq: the value defaults to %s and loses one outer pair of parentheses', () => {
    expect(one('assign %v (a b)')).toEqual({ kind: 'assign', offset: 0, variable: 'v', value: 'a b' });
    expect(one('assign %v')).toEqual({ kind: 'assign', offset: 0, variable: 'v', value: '%s' });
    expect(one("assignsq %Q abc'123'xyz")).toEqual({
      kind: 'assignsq',
      offset: 0,
      variable: 'Q',
      value: "abc'123'xyz",
    });
  });

  it('AL-var-check: the target must be %[A-Za-z]\\w*', () => {
    const p = theProblem('assign %1x y');
    expect(p).toEqual({
      code: 'SYS0306',
      message: "'%1x' is not a valid variable name (must be %[A-Za-z]\\w*)",
      offset: 7,
    });
    expect(problems('assign %.v x')).toEqual([['SYS0306', 7]]);
    expect(problems('assign %{v} x')).toEqual([['SYS0306', 7]]);
    expect(problems('assign')).toEqual([['SYS0304', 0]]);
  });

  it('ACT-free: exactly one variable', () => {
    expect(one('free %v')).toEqual({ kind: 'free', offset: 0, variable: 'v' });
    expect(problems('free')).toEqual([['SYS0304', 0]]);
    expect(problems('free %v %w')).toEqual([['SYS0305', 8]]);
    expect(problems('free v')).toEqual([['SYS0306', 5]]);
  });

  it('ACT-varset: variable and match cache entry', () => {
    expect(one('varset %ok SSH_LOGIN')).toEqual({
      kind: 'varset',
      offset: 0,
      variable: 'ok',
      entry: 'SSH_LOGIN',
    });
    expect(problems('varset %ok ()')).toEqual([['SYS0307', 11]]);
    expect(problems('varset ok E')).toEqual([['SYS0306', 7]]);
  });

  it('ACT-eval is parsed, then rejected with SYS0803 (Perl code is not supported yet)', () => {
    const { list, problems: found } = parseActionList('eval %o (print "\\)";); write - %o', {
      ruleNumber: 0,
    });
    expect(list.actions).toEqual([
      { kind: 'eval', offset: 0, variable: 'o', code: 'print ")";' },
      { kind: 'write', offset: 23, file: '-', text: '%o' },
    ]);
    expect(found).toEqual([
      { code: 'SYS0803', message: "action 'eval' runs Perl code, which is not supported yet", offset: 0 },
    ]);
  });

  it('ACT-call is parsed (params split at load) and rejected with SYS0803', () => {
    const { list, problems: found } = parseActionList('none; call %r %f a  b', { ruleNumber: 0 });
    expect(list.actions[1]).toEqual({ kind: 'call', offset: 6, variable: 'r', ref: 'f', args: ['a', 'b'] });
    expect(found.map((p) => [p.code, p.offset])).toEqual([['SYS0803', 6]]);
  });

  it('ACT-lcall is parsed (split at the first arrow) and rejected with SYS0803', () => {
    const arrow = parseActionList('lcall %o $1 $2 -> (sub { $_[0] + $_[1] })', { ruleNumber: 0 });
    expect(arrow.list.actions).toEqual([
      {
        kind: 'lcall',
        offset: 0,
        variable: 'o',
        args: ['$1', '$2'],
        mode: '->',
        code: 'sub { $_[0] + $_[1] }',
      },
    ]);
    expect(arrow.problems.map((p) => p.code)).toEqual(['SYS0803']);
    const cache = parseActionList('lcall %o E1 E2 :> sub { 1 } -> x', { ruleNumber: 0 });
    expect(cache.list.actions[0]).toMatchObject({ args: ['E1', 'E2'], mode: ':>', code: 'sub { 1 } -> x' });
  });

  it('eval/call/lcall syntax errors are reported as such, without SYS0803', () => {
    expect(problems('eval %o')).toEqual([['SYS0304', 0]]);
    expect(problems('eval o 1')).toEqual([['SYS0306', 5]]);
    expect(problems('call %r f')).toEqual([['SYS0306', 8]]);
    expect(problems('lcall %o x y')).toEqual([['SYS0312', 0]]);
  });
});
