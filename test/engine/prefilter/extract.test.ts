import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePerlRegex } from '../../../src/config/perl-regex/index.js';
import { foldText, requiredLiterals } from '../../../src/engine/prefilter/index.js';

describe('prefilter: required literals of a Perl regex', () => {
  // Each row: pattern → sets of folded texts; every line the regex matches holds a member of each.
  const table: [string, string[][]][] = [
    ['abc', [['abc']]],
    ['SEV=[12]', [['sev=1', 'sev=2'], ['sev=']]],
    ['Failed password', [['failed password']]],
    ['(?i)ERROR', [['error']]],
    ['[Ee]rror', [['error']]],
    ['foo|bar', [['bar', 'foo']]],
    ['foo|b', []], // one branch needs only one byte
    ['foo|.*', []], // one branch needs nothing
    ['colou?r', [['color', 'colour'], ['colo']]],
    ['(abc)?def', [['def']]], // {abcdef, def} is implied by "def"
    ['a.*b', []],
    ['x*yz', [['yz']]],
    ['(ab){3}', [['ababab']]],
    ['(ab)+c', [['ab']]],
    ['a{0}bc', [['bc']]],
    [
      'a[bc]d[ef]g',
      [
        ['abdeg', 'abdfg', 'acdeg', 'acdfg'],
        ['abd', 'acd'],
      ],
    ],
    ['[a-z]oo', [['oo']]],
    ['\\d\\dX', []], // \d is too wide a class to expand; "x" alone is too short
    ['user \\d+ logged (in|out)', [[' logged '], [' logged in', ' logged out'], ['user '], ['in', 'out']]],
    ['^(?=.*needle)', [['needle']]], // a positive lookahead's body is in the subject
    ['(?!foo)bar', [['bar']]], // a negative one requires nothing
    ['(?<=abcd)de', [['abcd'], ['de']]],
    ['(\\w+)\\1', []],
    ['\\bkernel:', [['kernel:']]],
    ['^$', []],
    ['', []],
    ['(', []], // not a valid regex: no filter
    ['(?i)CAFÉ', [['café']]], // É (0xC9) folds to é (0xE9) in the prefilter, also under /d
    ['ÀÉ', [['àé']]], // case-sensitive literals are folded too (a fold only merges bytes)
    ['a'.repeat(40), [['a'.repeat(32)]]], // long literals are cut
    // Boilerplate and the rule's own id are both kept: the plan triggers on the rarer one.
    [
      'app\\[\\d+\\]: request \\d+ served in 4242 ms status=(\\d+)',
      [[' served in 4242 ms status='], [']: request '], ['app[']],
    ],
    [
      'sshd\\[\\d+\\]: Failed password for (?:invalid user )?user0 from ([\\d.]+)',
      [
        [']: failed password for '],
        ['user0 from '], // after the optional group: the part both branches share
        [']: failed password for invalid u', ']: failed password for user0 fro'],
        ['sshd['],
      ],
    ],
  ];
  it.each(table)('%j → %j', (pattern, expected) => {
    expect(requiredLiterals(pattern)).toEqual(expected);
  });

  // Soundness: whenever the compiled regex matches a line, the folded line holds a member of each set.
  const piece = fc.constantFrom(
    'ab',
    'Ab',
    'abc',
    'x',
    'É',
    '\\d',
    '.',
    '[ab]',
    '[^a]',
    '\\w+',
    '\\s',
    '(ab|cd)',
    '(?:x|yz)',
    '(?i)ab',
    '(?=.*cd)',
    '(?!ab)',
    '^',
    '$',
    '\\b',
  );
  const quant = fc.constantFrom('', '', '', '?', '*', '+', '{2}', '{0,2}', '{2,}');
  const regex = fc
    .array(fc.tuple(piece, quant), { minLength: 1, maxLength: 5 })
    .map((parts) =>
      parts.map(([p, q]) => (p === '^' || p === '$' || p.startsWith('(?') ? p : p + q)).join(''),
    )
    .chain((r) => fc.oneof(fc.constant(r), fc.constant(`${r}|ab`), fc.constant(`(${r})+x`)));
  const line = fc
    .array(fc.constantFrom('ab', 'AB', 'cd', 'x', 'yz', 'abc', 'É', 'é', 'a', 'b', ' ', '1', '\n'), {
      maxLength: 10,
    })
    .map((cs) => cs.join(''));

  it('property: a line the regex matches holds a member of each required set (folded)', () => {
    let checked = 0;
    fc.assert(
      fc.property(regex, fc.array(line, { minLength: 1, maxLength: 20 }), (source, lines) => {
        const compiled = compilePerlRegex(source);
        const sets = requiredLiterals(source);
        if (!compiled.ok || sets.length === 0) return;
        for (const l of lines) {
          if (!compiled.regex.test(l)) continue;
          checked++;
          const folded = foldText(l) ?? '';
          for (const set of sets)
            expect(
              set.some((lit) => folded.includes(lit)),
              `${source} on ${JSON.stringify(l)}`,
            ).toBe(true);
        }
      }),
      { numRuns: 600 },
    );
    expect(checked).toBeGreaterThan(100); // the property was exercised, not vacuous
  });
});
