import { describe, expect, it } from 'vitest';
import { runActions, substituteMatchVars, substituteShadowVars } from '../../src/actions/index.js';
import type { MatchValues } from '../../src/config/template/index.js';
import { env, fakes, parse } from './fakes.js';

function values(numbered: (string | undefined)[], named: Record<string, string> = {}): MatchValues {
  return { numbered, named };
}

function stdoutOf(text: string, v: MatchValues): string {
  const f = fakes();
  runActions(substituteMatchVars(parse(text), v), env(), f);
  return f.outputs.stdout;
}

describe('substituteMatchVars (RT-freeze, AL-match-time)', () => {
  it('fills $N, $(N) in braces, $+{name} and $$ in every template parameter', () => {
    const v = values(['all', 'one', 'two'], { host: 'h1' });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: SEC's ${N} match variable
    expect(stdoutOf('write - $1 ${2} $+{host} $$1 [$9]', v)).toBe('one two h1 $1 []\n');
    const list = substituteMatchVars(
      parse('create C_$1 $2 (write - $1); add C_$1 $0'),
      values(['x', 'k', '60']),
    );
    expect(list.actions[0]).toMatchObject({ kind: 'create', context: 'C_k', lifetime: '60' });
    expect(list.actions[1]).toMatchObject({ kind: 'add', context: 'C_k', text: 'x' });
  });
  it('VAR-pct-mask: a % in a value never forms an action-list variable', () => {
    const f = fakes();
    f.variables.set('x', 'SECRET');
    const list = substituteMatchVars(parse('write - $1 %x'), values(['', '%x 100%']));
    runActions(list, env(), f);
    expect(f.outputs.stdout).toBe('%x 100% SECRET\n');
  });
  it('a value can complete a %name written next to it (SEC substitutes $ first, % at run time)', () => {
    const f = fakes();
    f.variables.set('abc', 'V');
    runActions(substituteMatchVars(parse('write - %$1'), values(['', 'abc'])), env(), f);
    expect(f.outputs.stdout).toBe('V\n');
  });
  it('reaches nested lists: create/set expiry lists, if branches, while bodies', () => {
    const list = substituteMatchVars(
      parse(
        'create X 0 (write - e$1); set X - (write - s$1); if %v ( write - t$1 ) else ( write - f$1 ); while %w ( write - w$1 )',
      ),
      values(['', '1']),
    );
    expect(JSON.stringify(list)).not.toContain('$1');
    expect(JSON.stringify(list).match(/"text":"[estfw]1"/g)).toHaveLength(5);
  });
  it('*exec argv elements are filled separately, so a value with spaces stays one argument', () => {
    const list = substituteMatchVars(
      parse("cmdexec /bin/echo $1 z; pipeexec '$1' /bin/cat $1"),
      values(['', 'a b']),
    );
    expect(list.actions[0]).toMatchObject({ argv: ['/bin/echo', 'a b', 'z'] });
    expect(list.actions[1]).toMatchObject({ text: 'a b', argv: ['/bin/cat', 'a b'] });
  });
  it('leaves variable names, the event delay and rule numbers alone', () => {
    const list = substituteMatchVars(parse('event 5 $1; assign %v $1; reset 1 $1', 0), values(['', 'q']));
    expect(list.actions).toMatchObject([
      { kind: 'event', delay: 5, text: 'q' },
      { kind: 'assign', variable: 'v', value: 'q' },
      { kind: 'reset', rule: 0, text: 'q' },
    ]);
  });
  it('$:{entry:name} values come from the match cache and are not %-masked', () => {
    const v: MatchValues = {
      numbered: [],
      named: {},
      cache: (e, n) => (e === 'c' && n === 'k' ? '%x' : undefined),
    };
    const f = fakes();
    f.variables.set('x', 'X');
    runActions(substituteMatchVars(parse('write - $:{c:k}|$:{c:none}'), v), env(), f);
    expect(f.outputs.stdout).toBe('X|\n');
  });
  it('returns the same list and nodes when nothing changes (no copy, cache hits at run time)', () => {
    const list = parse('write - a; create X 0 (write - b); if %v ( none )');
    expect(substituteMatchVars(list, values(['', '1']))).toBe(list);
    const mixed = parse('write - a; write - $1');
    const out = substituteMatchVars(mixed, values(['', '1']));
    expect(out).not.toBe(mixed);
    expect(out.actions[0]).toBe(mixed.actions[0]);
    expect(mixed.actions[1]).toMatchObject({ text: '$1' });
  });
});

describe('substituteShadowVars (VAR-shadow, VAR-pct3)', () => {
  it("fills %N with pattern1's values, $ and % masked, before pattern2's $ pass", () => {
    const p1 = values(['', 'a$1b%c']);
    const p2 = values(['', 'TWO']);
    const f = fakes();
    f.variables.set('c', 'NO');
    const shadowed = substituteShadowVars(parse('write - %1 $1 %%%u'), p1);
    runActions(substituteMatchVars(shadowed, p2), env({ now: 7 }), f);
    // VAR-pct3: `%%%u` -> shadow `%%u` -> run time `%u` (a literal % before the letter).
    expect(f.outputs.stdout).toBe('a$1b%c TWO %u\n');
  });
  it('leaves action-list variables that are not shadow forms alone', () => {
    const list = parse('write - %s %x %{y}');
    expect(substituteShadowVars(list, values(['', 'v']))).toBe(list);
  });
});
