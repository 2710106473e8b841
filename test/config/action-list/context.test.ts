import { describe, expect, it } from 'vitest';
import { one, problems, theProblem } from './helpers.js';

describe('context actions (ACT-create .. ACT-setctime)', () => {
  it('ACT-create: name defaults to %s, lifetime to 0, no expiry list', () => {
    expect(one('create')).toEqual({
      kind: 'create',
      offset: 0,
      context: '%s',
      lifetime: '0',
      actions: { actions: [] },
    });
    expect(one('create () ()')).toEqual({
      kind: 'create',
      offset: 0,
      context: '%s',
      lifetime: '0',
      actions: { actions: [] },
    });
  });

  it('ACT-create: the lifetime is a run-time check, so `create X abc` loads', () => {
    expect(one('create X abc')).toMatchObject({ kind: 'create', context: 'X', lifetime: 'abc' });
  });

  it('ACT-create: the expiry list is parsed at load, with or without its parentheses', () => {
    expect(one('create X_$1 60 (write - gone; delete Y)')).toEqual({
      kind: 'create',
      offset: 0,
      context: 'X_$1',
      lifetime: '60',
      actions: {
        actions: [
          { kind: 'write', offset: 16, file: '-', text: 'gone' },
          { kind: 'delete', offset: 30, context: 'Y' },
        ],
      },
    });
    expect(one('create X 1 logonly bye')).toMatchObject({
      actions: { actions: [{ kind: 'logonly', offset: 11, text: 'bye' }] },
    });
    expect(one('create X 1 ()')).toMatchObject({ actions: { actions: [] } });
  });

  it('ACT-set: name and lifetime are required (no %s default); `-` keeps the lifetime', () => {
    expect(one('set X -')).toEqual({
      kind: 'set',
      offset: 0,
      context: 'X',
      lifetime: '-',
      actions: { actions: [] },
    });
    expect(one('set X 0 (none)')).toMatchObject({
      lifetime: '0',
      actions: { actions: [{ kind: 'none', offset: 9 }] },
    });
    expect(problems('set X')).toEqual([['SYS0304', 0]]);
    expect(problems('set')).toEqual([['SYS0304', 0]]);
    expect(problems('set () 1')).toEqual([['SYS0307', 4]]);
    expect(theProblem('set X ()').message).toBe("empty lifetime given for action 'set'");
  });

  it('ACT-delete, ACT-obsolete, ACT-unalias: name defaults to %s', () => {
    expect(one('delete X')).toEqual({ kind: 'delete', offset: 0, context: 'X' });
    expect(one('obsolete')).toEqual({ kind: 'obsolete', offset: 0, context: '%s' });
    expect(one('unalias (A_$1)')).toEqual({ kind: 'unalias', offset: 0, context: 'A_$1' });
    expect(problems('delete a b')).toEqual([['SYS0305', 9]]);
  });

  it('ACT-alias: the alias defaults to %s', () => {
    expect(one('alias X Y')).toEqual({ kind: 'alias', offset: 0, context: 'X', alias: 'Y' });
    expect(one('alias X')).toEqual({ kind: 'alias', offset: 0, context: 'X', alias: '%s' });
    expect(problems('alias')).toEqual([['SYS0304', 0]]);
    expect(problems('alias () y')).toEqual([['SYS0307', 6]]);
    expect(problems('alias a b c')).toEqual([['SYS0305', 10]]);
  });

  it('ACT-exists, ACT-getsize, ACT-getaliases, ACT-getltime, ACT-getctime: %v first, then the name', () => {
    expect(one('exists %e CTX')).toEqual({ kind: 'exists', offset: 0, variable: 'e', context: 'CTX' });
    expect(one('getsize %n (CTX)')).toEqual({ kind: 'getsize', offset: 0, variable: 'n', context: 'CTX' });
    expect(one('getaliases %a C')).toEqual({ kind: 'getaliases', offset: 0, variable: 'a', context: 'C' });
    expect(one('getltime %l C')).toEqual({ kind: 'getltime', offset: 0, variable: 'l', context: 'C' });
    expect(one('getctime %c C')).toEqual({ kind: 'getctime', offset: 0, variable: 'c', context: 'C' });
  });

  it('getters: a bad variable is SYS0306 at the variable, an empty name SYS0307', () => {
    const p = theProblem('exists CTX %e');
    expect(p).toMatchObject({ code: 'SYS0306', offset: 7 });
    expect(p.message).toBe("'CTX' is not a valid variable name (must be %[A-Za-z]\\w*)");
    expect(problems('getsize %n ()')).toEqual([['SYS0307', 11]]);
    expect(problems('getctime %c')).toEqual([['SYS0304', 0]]);
    expect(problems('getltime %l C x')).toEqual([['SYS0305', 14]]);
  });

  it('ACT-setltime: lifetime defaults to 0', () => {
    expect(one('setltime C 30')).toEqual({ kind: 'setltime', offset: 0, context: 'C', lifetime: '30' });
    expect(one('setltime C')).toEqual({ kind: 'setltime', offset: 0, context: 'C', lifetime: '0' });
    expect(problems('setltime')).toEqual([['SYS0304', 0]]);
  });

  it('ACT-setctime: time then name, both required', () => {
    expect(one('setctime %u C')).toEqual({ kind: 'setctime', offset: 0, time: '%u', context: 'C' });
    expect(problems('setctime 1')).toEqual([['SYS0304', 0]]);
    expect(problems('setctime () C')).toEqual([['SYS0307', 9]]);
    expect(problems('setctime 1 ()')).toEqual([['SYS0307', 11]]);
  });
});
