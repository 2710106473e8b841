import { describe, expect, it } from 'vitest';
import { runActions, WHILE_ITERATION_CAP } from '../../src/actions/index.js';
import { env, fakes, parse } from './fakes.js';

function run(text: string, setup: (f: ReturnType<typeof fakes>) => void = () => undefined) {
  const f = fakes();
  setup(f);
  const outcome = runActions(parse(text), env(), f);
  return { outcome, out: f.outputs.stdout, f };
}

describe('AL-control', () => {
  it('returns 1 when the list runs to its end', () => {
    expect(run('write - a; none; write - b')).toMatchObject({ outcome: 1, out: 'a\nb\n' });
  });
  it('break and continue outside a loop end the entire list (-1 / 0)', () => {
    expect(run('write - a; break; write - b')).toMatchObject({ outcome: -1, out: 'a\n' });
    expect(run('write - a; continue; write - b')).toMatchObject({ outcome: 0, out: 'a\n' });
  });
  it('ACT-if passes break/continue up to the enclosing list, even at top level', () => {
    const r = run('assign %x 1; if %x ( write - in; break; write - no ); write - after');
    expect(r).toMatchObject({ outcome: -1, out: 'in\n' });
    expect(run('if %x ( write - a ) else ( continue ); write - b')).toMatchObject({ outcome: 0, out: '' });
  });
  it('ACT-if runs then or else by AL-truth', () => {
    const text = 'if %v ( write - then ) else ( write - else )';
    expect(run(text, (f) => f.variables.set('v', '0.0')).out).toBe('then\n');
    expect(run(text, (f) => f.variables.set('v', '0')).out).toBe('else\n');
    expect(run(text).out).toBe('else\n');
    expect(run('if %v ( write - then )', (f) => f.variables.set('v', '')).out).toBe('');
  });
  it('ACT-if on %s reads the desc', () => {
    expect(run('if %s ( write - yes )').out).toBe('yes\n');
  });
  it('ACT-while loops while true; continue skips the rest of the body', () => {
    const r = run(
      'assign %n x; while %n ( pop S %n; write - got=%n; getsize %k S; if %k ( continue ); write - last )',
      (f) => f.contexts.add('S', 'a\nb', 0),
    );
    expect(r).toMatchObject({ outcome: 1, out: 'got=b\ngot=a\nlast\ngot=\nlast\n' });
  });
  it('break inside if inside while leaves only the loop [tested]', () => {
    const r = run('assign %n 1; while %n ( write - loop; if %n ( break ) ); write - after');
    expect(r).toMatchObject({ outcome: 1, out: 'loop\nafter\n' });
  });
  it('counts down with pop until the store is empty', () => {
    const r = run('assign %v x; while %v ( pop S %v; write - got=%v )', (f) =>
      f.contexts.add('S', 'a\nb', 0),
    );
    expect(r.out).toBe('got=b\ngot=a\ngot=\n');
  });
  it(`stops an endless while after ${WHILE_ITERATION_CAP} iterations with an error log`, () => {
    const r = run('assign %v 1; while %v ( none ); write - after');
    expect(r.out).toBe('after\n');
    expect(r.f.logger.atMost(2)).toEqual([expect.stringContaining('stopped after 1000000 iterations')]);
  });
});
