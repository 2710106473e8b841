import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { OPTION_FIELDS, OPTION_TABLE, type OptionKind } from '../../src/cli/index.js';
import { describeWithProgram } from '../support/external.js';

/** Getopt::Long spec suffix + linkage sigil → our kind. */
const KINDS: Readonly<Record<string, OptionKind>> = {
  $: 'flag',
  '!$': 'negatable',
  '=s@': 'list',
  '=s$': 'string',
  '=i$': 'integer',
  '=f$': 'float',
  '=o$': 'extended-integer',
};

/** Reads the option specs of SEC's GetOptions() call out of the Perl source. */
function secSpecs(source: string): { names: string[]; kind: OptionKind }[] {
  const start = source.indexOf('GetOptions(');
  const end = source.indexOf('"<>"', start);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  const specs: { names: string[]; kind: OptionKind }[] = [];
  for (const m of source.slice(start, end).matchAll(/"([\w|?-]+)([!]|=[sifo])?"\s*(?:=>|,)\s*\\([@$])/g)) {
    const [, names = '', type = '', sigil] = m;
    const kind = KINDS[`${type}${sigil}`];
    expect(kind, `spec ${names}${type}`).toBeDefined();
    if (kind === undefined) continue;
    specs.push({ names: names.split('|'), kind });
  }
  return specs;
}

describeWithProgram('sec', "OPT-*: the option table matches SEC's GetOptions() specs", (sec) => {
  it('has every SEC option, in order, with the same names, aliases and kinds', () => {
    const fromSec = secSpecs(readFileSync(sec, 'utf8'));
    const ours = OPTION_FIELDS.filter((f) => OPTION_TABLE[f].origin === 'sec').map((f) => ({
      names: [OPTION_TABLE[f].name, ...OPTION_TABLE[f].aliases],
      kind: OPTION_TABLE[f].kind,
    }));
    expect(fromSec.length).toBe(36);
    expect(ours).toEqual(fromSec);
  });
});
