import { describe, expect, it } from 'vitest';
import { runActions } from '../../src/actions/index.js';
import { env, fakes, parse } from './fakes.js';

const warnings = (f: ReturnType<typeof fakes>) => f.logger.atMost(3);

describe('ACT-create / ACT-set', () => {
  it('create: name defaults to %s, lifetime 0 = infinite, the expiry list keeps the current %s', () => {
    const f = fakes();
    runActions(parse('create; create X_%x 007 (write - expired %s; delete Y)'), env({ desc: 'd1' }), f);
    expect(f.contexts.calls).toEqual(['create d1 0 - d1', 'create X_ 7 2 d1']);
    const x = f.contexts.byName.get('X_');
    expect(x?.actions?.actions.map((a) => a.kind)).toEqual(['write', 'delete']);
  });
  it('create with an invalid run-time lifetime warns and does nothing; the list goes on', () => {
    const f = fakes();
    f.variables.set('t', '1.5');
    runActions(parse('create X %t; create Y -1; write - after'), env(), f);
    expect(f.contexts.calls).toEqual([]);
    expect(warnings(f)).toEqual([
      "Invalid lifetime '1.5' for context 'X', can't create",
      "Invalid lifetime '-1' for context 'Y', can't create",
    ]);
    expect(f.outputs.stdout).toBe('after\n');
  });
  it('set: `-` keeps the lifetime (null), an empty list keeps the old list (null)', () => {
    const f = fakes();
    f.contexts.create('X', 10, null, '', 0);
    f.contexts.calls.length = 0;
    runActions(parse('set X - (write - a); set X 1800; set X 0'), env({ desc: 'd2' }), f);
    expect(f.contexts.calls).toEqual(['set X - 1 d2', 'set X 1800 - d2', 'set X 0 - d2']);
  });
  it('set on a missing context only warns (CTX-set-extend); bad lifetimes warn', () => {
    const f = fakes();
    runActions(parse('set NOPE 10; create X; set X x10'), env(), f);
    expect(f.contexts.calls).toEqual(['create X 0 - DESC']);
    expect(warnings(f)).toEqual([
      "Context 'NOPE' does not exist, can't change settings",
      "Invalid lifetime 'x10' for context 'X', can't change settings",
    ]);
  });
});

describe('ACT-delete, ACT-obsolete, ACT-alias, ACT-unalias', () => {
  it('act only on existing contexts; missing ones are debug messages, not warnings', () => {
    const f = fakes();
    runActions(
      parse('create A; alias A B; alias A B; alias NOPE C; obsolete B; delete A; unalias Z'),
      env(),
      f,
    );
    expect(f.contexts.calls).toEqual(['create A 0 - DESC', 'alias A B', 'obsolete B 1000']);
    expect(warnings(f)).toEqual(["Context 'NOPE' does not exist, can't create alias"]);
    expect(f.logger.entries.map((e) => e.message)).toContain("Alias 'B' already exists");
  });
  it('alias defaults the new name to %s; unalias defaults to %s', () => {
    const f = fakes();
    runActions(parse('create A; alias A; unalias'), env({ desc: 'N' }), f);
    expect(f.contexts.calls).toEqual(['create A 0 - N', 'alias A N', 'unalias N']);
  });
});

describe('ACT-add, ACT-prepend, ACT-fill', () => {
  it('pass the expanded text with now; the store splits and autocreates (CTX-store-split)', () => {
    const f = fakes();
    runActions(
      parse('add C a%.nl%{.nl}b%.nl%.nlb; prepend C p1%{.nl}p2; add C %s; fill D x'),
      env({ now: 5 }),
      f,
    );
    expect(f.contexts.lines('C')).toEqual(['p1', 'p2', 'a', '', 'b', 'DESC']);
    expect(f.contexts.lines('D')).toEqual(['x']);
    expect(f.contexts.ctime('C')).toBe(5);
    // ALV-syntax: names are greedy, so `%.nlb` is the (unset) variable `.nlb`, not `%.nl` + b.
    expect(f.variables.gets).toContain('.nlb');
  });
});

describe('ACT-setltime, ACT-setctime', () => {
  it('setltime validates the lifetime and needs an existing context', () => {
    const f = fakes();
    f.contexts.create('X', 10, null, '', 0);
    f.contexts.calls.length = 0;
    runActions(parse('setltime X 030; setltime X; setltime X y; setltime NOPE 5'), env(), f);
    expect(f.contexts.calls).toEqual(['setLifetime X 30 1000', 'setLifetime X 0 1000']);
    expect(warnings(f)).toEqual([
      "Invalid lifetime 'y' for context 'X'",
      "Context 'NOPE' does not exist, can't set lifetime",
    ]);
  });
  it('setctime moves the creation time only forward and never past now', () => {
    const f = fakes();
    f.contexts.create('X', 10, null, '', 900);
    f.contexts.calls.length = 0;
    runActions(
      parse(
        'setctime 899 X; setctime 1001 X; setctime 900 X; setctime 950 X; setctime abc X; setctime 950 NOPE',
      ),
      env(),
      f,
    );
    expect(f.contexts.calls).toEqual(['setCtime X 950 1000']);
    expect(warnings(f)).toEqual([
      "Can't set context creation time backwards to '899'",
      "Can't set context creation time into future to '1001'",
      "Invalid timestamp 'abc' for creation time of context 'X'",
      "Context 'NOPE' does not exist, can't set creation time",
    ]);
  });
});
