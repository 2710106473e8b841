// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${N}` is SEC template syntax under test, not JS.
import { describe, expect, it } from 'vitest';
import {
  hasMatchVariables,
  type MatchValues,
  parseMatchTemplate,
  substituteMatch,
} from '../../../src/config/template/index.js';

const numbered = [
  'whole line',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'TEN',
];
const values: MatchValues = {
  numbered,
  named: { user: 'risto', _inputsrc: '/var/log/auth.log', a_b: 'ab', 'x!y': 'bang', _intcontext: undefined },
  cache: (entry, name) =>
    entry === 'SSH' ? ({ user: 'cached', '1': 'c1', '01': 'c01' } as const)[name] : undefined,
};

function subst(text: string, v: MatchValues = values): string {
  return substituteMatch(parseMatchTemplate(text), v);
}

describe('VAR-forms: the $ forms', () => {
  it('$N takes all following digits ($10 is the tenth); ${N} ends the number', () => {
    expect(subst('$1-$10-${1}0')).toBe('one-TEN-one0');
    expect(subst('$0')).toBe('whole line');
  });

  it('$+{name} and $+{N}', () => {
    expect(subst('$+{user} $+{2} $+{_inputsrc} $+{a_b} $+{x!y}')).toBe('risto two /var/log/auth.log ab bang');
  });

  it('$$ is one literal $, so $$$1 is $ plus the value and $$1 is literal $1', () => {
    expect(subst('$$')).toBe('$');
    expect(subst('$$$1')).toBe('$one');
    expect(subst('$$1')).toBe('$1');
  });

  it('leaves anything else after $ alone', () => {
    for (const text of [
      '$x',
      '${x}',
      '$+{x',
      '$+{}',
      '${}',
      '$',
      'a$',
      '$+{1a}',
      '$:{e}',
      '$:{1e:x}',
      '$:{e:}',
      '${ 1}',
    ]) {
      expect(subst(text)).toBe(text);
    }
  });

  it('looks numbers up as hash keys like SEC: $01, ${01}, $+{01} are not $1', () => {
    expect(subst('[$01|${01}|$+{01}]')).toBe('[||]');
    expect(subst('$001x')).toBe('x');
  });

  it('never rescans a substituted value', () => {
    const v: MatchValues = { numbered: ['', '$2', 'second', '$$'], named: { n: '$+{n}' } };
    expect(subst('$1 $3 $+{n}', v)).toBe('$2 $$ $+{n}');
  });

  it('looks up own names only (no Object.prototype leak)', () => {
    expect(subst('[$+{constructor}|$+{__proto__}|$+{toString}]')).toBe('[||]');
  });

  it('reads a named value for a number the array lacks (one hash in SEC, e.g. a PerlFunc hash)', () => {
    expect(subst('$1-$01', { numbered: [], named: { '1': 'h1', '01': 'h01' } })).toBe('h1-h01');
  });
});

describe('VAR-unset', () => {
  it('an unset or undefined variable substitutes as ""', () => {
    expect(subst('[$11|$99999999999999999999|$+{nosuch}|$+{_intcontext}]')).toBe('[|||]');
    expect(subst('[$2]', { numbered: ['x', 'y', undefined], named: {} })).toBe('[]');
  });
});

describe('VAR-cache-ref: $:{entry:name}', () => {
  it('reads the match cache by entry and name (or number)', () => {
    expect(subst('$:{SSH:user} $:{SSH:1} $:{SSH:01}')).toBe('cached c1 c01');
  });

  it('gives "" for a missing entry or name, and without a cache at all', () => {
    expect(subst('[$:{NONE:user}|$:{SSH:nosuch}]')).toBe('[|]');
    expect(subst('[$:{SSH:user}]', { numbered: ['x'], named: {} })).toBe('[]');
  });

  it('passes the names as written to the cache', () => {
    const seen: string[] = [];
    const v: MatchValues = {
      numbered: [],
      named: {},
      cache: (e, n) => {
        seen.push(`${e}/${n}`);
        return undefined;
      },
    };
    subst('$:{a_1:_x!} $:{B:007}', v);
    expect(seen).toEqual(['a_1/_x!', 'B/007']);
  });
});

describe('VAR-pct-mask: substituting into an action list', () => {
  it("doubles % in the pattern's values but not in match cache values (as SEC does)", () => {
    const v: MatchValues = { numbered: ['', '50%'], named: { p: '%s' }, cache: () => '%t' };
    const t = parseMatchTemplate('$1 $+{p} $:{C:x} %t');
    expect(substituteMatch(t, v, 'action-list')).toBe('50%% %%s %t %t');
    expect(substituteMatch(t, v)).toBe('50% %s %t %t');
  });
});

describe('parsed template shape', () => {
  it('splits into literal / numbered / named / cache-ref parts, merging $$ into the literal', () => {
    expect(parseMatchTemplate('a$$b$1${2}$+{n}$+{3}$:{E:v}c').parts).toEqual([
      { kind: 'literal', text: 'a$b' },
      { kind: 'numbered', key: '1', index: 1 },
      { kind: 'numbered', key: '2', index: 2 },
      { kind: 'named', name: 'n' },
      { kind: 'numbered', key: '3', index: 3 },
      { kind: 'cache-ref', entry: 'E', name: 'v' },
      { kind: 'literal', text: 'c' },
    ]);
  });

  it('hasMatchVariables is SEC contains_matchvars: $$ counts, a lone $ does not', () => {
    expect(hasMatchVariables('cost $$5')).toBe(true);
    expect(hasMatchVariables('x $:{a:b}')).toBe(true);
    expect(hasMatchVariables('costs $ 5 or $x')).toBe(false);
    expect(hasMatchVariables('%1 %%', '%')).toBe(true);
    expect(hasMatchVariables('%1 %%')).toBe(false);
  });
});
