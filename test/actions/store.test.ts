import { describe, expect, it } from 'vitest';
import { runActions } from '../../src/actions/index.js';
import { env, fakes, parse } from './fakes.js';

function setup() {
  const f = fakes();
  f.contexts.add('S', 'one\ntwo\nthree', 100);
  f.variables.set('v', 'old');
  return f;
}

describe('reading the event store into variables', () => {
  it('ACT-copy joins the lines with \\n; a missing context leaves %v unchanged (warning)', () => {
    const f = setup();
    runActions(parse('copy NOPE %v; write - %v; copy S %v; write - %v'), env(), f);
    expect(f.outputs.stdout).toBe('old\none\ntwo\nthree\n');
    expect(f.contexts.lines('S')).toEqual(['one', 'two', 'three']);
    expect(f.logger.atMost(3)).toEqual(["Context 'NOPE' does not exist, can't copy"]);
  });
  it('ACT-empty copies (when %v is given) and clears', () => {
    const f = setup();
    runActions(parse('empty S %v'), env(), f);
    expect(f.variables.values.get('v')).toBe('one\ntwo\nthree');
    expect(f.contexts.lines('S')).toEqual([]);
    const g = setup();
    runActions(parse('empty S'), env(), g);
    expect(g.variables.values.get('v')).toBe('old');
    expect(g.contexts.lines('S')).toEqual([]);
  });
  it('ACT-pop / ACT-shift: last / first line; an empty store gives ""; missing keeps %v', () => {
    const f = setup();
    runActions(parse('pop S %a; shift S %b; pop S %c; pop S %d; shift NOPE %v'), env(), f);
    expect(['a', 'b', 'c', 'd', 'v'].map((n) => f.variables.values.get(n))).toEqual([
      'three',
      'one',
      'two',
      '',
      'old',
    ]);
  });
  it('ACT-exists gives 1/0; ACT-getsize gives the count or undef for a missing context', () => {
    const f = setup();
    runActions(parse('exists %e S; exists %n NOPE; getsize %s1 S; getsize %v NOPE'), env(), f);
    expect(f.variables.values.get('e')).toBe('1');
    expect(f.variables.values.get('n')).toBe('0');
    expect(f.variables.values.get('s1')).toBe('3');
    expect(f.variables.values.has('v')).toBe(true);
    expect(f.variables.values.get('v')).toBeUndefined();
  });
  it('ACT-getaliases / getltime / getctime; a missing context leaves %v unchanged', () => {
    const f = setup();
    runActions(
      parse('create L 60; alias L L2; getaliases %a L; getltime %l L; getctime %c L; getltime %v NOPE'),
      env(),
      f,
    );
    expect(f.variables.values.get('a')).toBe('L\nL2');
    expect(f.variables.values.get('l')).toBe('60');
    expect(f.variables.values.get('c')).toBe('1000');
    expect(f.variables.values.get('v')).toBe('old');
    expect(f.logger.atMost(3)).toEqual(["Context 'NOPE' does not exist, can't get lifetime"]);
  });
});

describe('ACT-trim (VD-trim)', () => {
  function stored() {
    const f = fakes();
    f.contexts.add('T', 'a', 100);
    f.contexts.add('T', 'b', 200);
    f.contexts.add('T', 'c', 300);
    f.variables.set('v', 'old');
    return f;
  }
  it('an epoch removes lines stored strictly before it, joined into %v', () => {
    const f = stored();
    runActions(parse('trim 200 T %v'), env(), f);
    expect(f.variables.values.get('v')).toBe('a');
    expect(f.contexts.lines('T')).toEqual(['b', 'c']);
  });
  it('-T is now - T; +T is the current creation time + T', () => {
    const f = stored();
    runActions(parse('trim -750 T %v'), env({ now: 1000 }), f);
    expect(f.contexts.calls).toEqual(['trim T 250']);
    const g = stored();
    runActions(parse('trim +150 T'), env(), g);
    expect(g.contexts.calls).toEqual(['trim T 250']);
    expect(g.contexts.lines('T')).toEqual(['c']);
  });
  it('nothing trimmed sets ""; a bad TIME or a missing context warns and keeps %v', () => {
    const f = stored();
    runActions(parse('trim 50 T %v'), env(), f);
    expect(f.variables.values.get('v')).toBe('');
    const g = stored();
    runActions(parse('trim x T %v; trim 500 NOPE %v; trim +5 NOPE %v'), env(), g);
    expect(g.variables.values.get('v')).toBe('old');
    expect(g.logger.atMost(3)).toEqual([
      "Invalid timestamp 'x' for trimming context 'T'",
      "Context 'NOPE' does not exist, can't trim",
      "Context 'NOPE' does not exist, can't trim",
    ]);
  });
});
