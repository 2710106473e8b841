import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { expandGlob } from '../../src/cli/index.js';
import { describeWithProgram } from '../support/external.js';
import { makeGlobTree } from './glob-tree.js';

/** Patterns compared with Perl's own glob(); each one exercises a different corner. */
const PATTERNS = [
  '*',
  '[fF]*',
  '*.rules',
  '*.txt',
  'a*',
  'conf/*',
  'conf/*.sec',
  'conf/.*',
  '.*',
  '*/*',
  '*/inner',
  'sub/*/*',
  'sub//*',
  './*.rules',
  '*/',
  'd*/',
  'file/',
  '?.txt',
  '??.txt',
  '[a-c]*',
  '[!a-c]*',
  '[]]',
  '[]a]*',
  '[.]*',
  '\\.*',
  'a[-]b',
  'a[!-]b',
  '[a\\-c]*',
  'br[ack',
  'br[ack*',
  '[!]',
  '{b,a}.rules',
  '{[fF]i*,a.*}',
  '{{a,b},c}.rules',
  '{a,b}{1,2}',
  '{}',
  'a{}b',
  '{a,}',
  '{,}',
  'x{y',
  'x{a,b}{',
  '{[a,b]}',
  '\\{a,b}',
  '\\*',
  'back\\\\slash',
  'back\\slash',
  'a\\',
  '*\\',
  'missing',
  'no/such/*',
  '*.none',
  'dang*',
  'a.rules missing *.none file',
  '  file  ',
  '"sp ace"',
  "'sp ace'",
  'sp\\ ace',
  'x"y z"w',
  'a\\"b c',
  'file "x',
  "a'b",
  '""',
  '~',
  '~/x',
  '~/{a,b}',
  '~root',
  '~root/x',
  '~no-such-user-here/x',
  '\\~/x',
  '~{root,no-such-user-here}',
];

/** Runs Perl's glob() on every pattern in `dir` with HOME=`home`; one result list per pattern. */
function perlGlob(perl: string, dir: string, home: string, patterns: readonly string[]): string[][] {
  const script = 'for my $p (@ARGV) { my @r = glob($p); print scalar(@r), "\\0", map({ "$_\\0" } @r) }';
  const out = execFileSync(perl, ['-e', script, ...patterns], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LC_ALL: 'C' },
    encoding: 'utf8',
  });
  const fields = out.split('\0');
  const lists: string[][] = [];
  let i = 0;
  while (i < fields.length - 1) {
    const count = Number(fields[i]);
    lists.push(fields.slice(i + 1, i + 1 + count));
    i += 1 + count;
  }
  return lists;
}

describeWithProgram('perl', "OPT-glob: expandGlob agrees with Perl's glob()", (perl) => {
  const root = makeGlobTree('syscorr-perlglob-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const home = `${root}/home`;
  const expected = perlGlob(perl, root, home, PATTERNS);

  it('ran Perl once for every pattern', () => {
    expect(expected.length).toBe(PATTERNS.length);
  });

  it.each(PATTERNS.map((p, i) => [p, i] as const))('%j', (pattern, i) => {
    expect(expandGlob(pattern, { cwd: root, home })).toEqual(expected[i]);
  });
});
