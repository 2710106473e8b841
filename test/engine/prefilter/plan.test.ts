import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config/load.js';
import { buildPlan, MIN_FILTERED, Prefilter } from '../../../src/engine/prefilter/index.js';
import { configFrom } from '../../support/engine-harness.js';

function config(text: string): Config {
  return configFrom({ 'a.sec': text }, false);
}

const rule = (lines: string): string => `${lines}\ndesc=d\naction=none\n`;

describe('prefilter: which rules may be skipped (plan)', () => {
  const text = [
    rule('type=Single\nptype=RegExp\npattern=alpha (\\d+)'), // 0: skippable
    rule('type=Single\nptype=NRegExp\npattern=beta'), // 1: negated: pattern slot only
    rule('type=Single\nptype=RegExp\npattern=gamma\ncontext=[CTX]'), // 2: [..] context runs first
    rule('type=Single\nptype=RegExp\npattern=delta\ncontext=CTX'), // 3: context after a match: skippable
    'type=Pair\nptype=SubStr\npattern=epsilon\ndesc=d\naction=none\nptype2=SubStr\npattern2=zeta\ndesc2=d\naction2=none\nwindow=5\n', // 4
    rule('type=Single\nptype=RegExp2\npattern=eta\\ntheta'), // 5: N-line: left alone
    rule('type=Single\nptype=RegExp\npattern=.*'), // 6: no literal
    rule('type=Single\nptype=TValue\npattern=TRUE'), // 7
    'type=EventGroup2\nptype=SubStr\npattern=iota\nptype2=RegExp\npattern2=kappa|lambda\ndesc=d\naction=none\nwindow=5\n', // 8
    rule('type=Single\nptype=SubStr\npattern=Alpha (x)'), // 9: SubStr text is literal (folded)
    'type=Suppress\nptype=RegExp\npattern=alpha (\\d+)\n', // 10: same literal as rule 0
  ].join('\n');
  const plan = buildPlan(config(text));
  const file = plan?.files.get('a.sec');
  /** A requirement as its literal sets, trigger first (null: none). */
  const reqText = (req: number | undefined): (readonly string[])[] | null =>
    req === undefined || req < 0
      ? null
      : [...(plan?.requirements[req] ?? [])].map((slot) => plan?.slots[slot] ?? []);

  it('gives each pattern its required literals; negated, [..]-context and Pair rules are not skipped whole', () => {
    expect(file).toBeDefined();
    if (file === undefined) return;
    const rules = [...file.rule].map(reqText);
    const patterns = [...file.pattern].map(reqText);
    expect(patterns).toEqual([
      [['alpha ']],
      [['beta']],
      [['gamma']],
      [['delta']],
      [['epsilon']],
      null,
      null,
      null,
      null, // EventGroup: per member, below
      [['alpha (x)']],
      [['alpha ']],
    ]);
    expect(rules).toEqual([
      [['alpha ']],
      null,
      null,
      [['delta']],
      null,
      null,
      null,
      null,
      [['iota', 'kappa', 'lambda']], // RT-eg-match: skipped when no member can match
      [['alpha (x)']],
      [['alpha ']],
    ]);
    expect([...(file.members[8] ?? [])].map(reqText)).toEqual([[['iota']], [['kappa', 'lambda']]]);
    // Equal literal sets share one slot.
    expect(plan?.requirements[file.rule[0] ?? -1]?.[0]).toBe(plan?.requirements[file.rule[10] ?? -1]?.[0]);
    expect([...file.always]).toEqual([1, 2, 4, 5, 6, 7]);
  });

  it('lists, per line, the skippable rules whose text is present, in file order', () => {
    const pf = Prefilter.build(config(text), true);
    expect(pf).not.toBeNull();
    if (pf === null || file === undefined) return;
    expect(pf.candidates(file, 'ALPHA 1 and Delta')).toEqual([0, 3, 10]);
    expect(pf.candidates(file, 'nothing here')).toEqual([]);
    expect(pf.candidates(file, 'lambda alpha (x)')).toEqual([0, 8, 9, 10]);
    expect(pf.candidates(file, 'alpha k\u212a')).toBeNull(); // a char above 0xFF: nothing is known
    expect(pf.candidates(file, 'nothing again')).toEqual([]); // marks made before it are reset
    expect(pf.absent(file.pattern[0] ?? -1, 'nothing again')).toBe(true);
    expect(pf.absent(file.pattern[1] ?? -1, 'no b-word')).toBe(true);
    expect(pf.requirement(file.pattern[1] ?? -1)).toEqual([['beta']]);
    expect(pf.absent(file.pattern[1] ?? -1, 'a BETA')).toBe(false);
  });

  it('triggers a rule on its rarest text, and checks its other texts before trying it', () => {
    const rules = [1, 2, 3]
      .map((id) => rule(`type=Single\nptype=RegExp\npattern=app\\[\\d+\\]: request \\d+ from id${id}x`))
      .join('\n');
    const cfg = config(rules);
    const pf = Prefilter.build(cfg, true);
    const file = pf?.file('a.sec');
    if (pf === null || file === undefined) throw new Error('no prefilter');
    // "]: request " and "app[" are in every rule: " from id2x" is the trigger of rule 1.
    expect(pf.requirement(file.rule[1] ?? -1)).toEqual([[' from id2x'], [']: request '], ['app[']]);
    expect([...file.bySlot.keys()].length).toBe(3);
    expect(pf.candidates(file, 'app[1]: request 7 from id2x')).toEqual([1]);
    expect(pf.candidates(file, 'app[1]: reply from id2x')).toEqual([]); // trigger present, "]: request " not
    expect(pf.candidates(file, 'app[1]: request 7 from id9x')).toEqual([]);
  });

  it('is not built for a ruleset too small to gain from it, unless forced', () => {
    const small = config(rule('type=Single\nptype=RegExp\npattern=SEV=[12]'));
    expect(MIN_FILTERED).toBeGreaterThan(1);
    expect(Prefilter.build(small)).toBeNull();
    expect(Prefilter.build(small, true)).not.toBeNull();
    expect(Prefilter.build(config(rule('type=Single\nptype=RegExp\npattern=.')), true)).toBeNull();
  });
});
