import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWithProgram } from '../../support/external.js';
import { MiniRunner, probeForSec } from './mini-runner.js';

/**
 * The same context actions run through /usr/bin/sec and through ContextStore (driven by a tiny
 * runner); their probe output and their warnings must agree. Nothing here depends on the clock:
 * expiry is forced with `obsolete`. The input file's internal context is named INT.
 */
const FIRST = [
  // CTX-store-split, ACT-prepend order, CTX-autocreate
  'add C a%{.nl}b%{.nl}%{.nl}; prepend C p1%{.nl}p2; prepend C q; write - @P C',
  'add C %{.nl}; add C %{.nl}%{.nl}m; write - @P C',
  // CTX-alias, ACT-fill, missing contexts
  'alias C D; alias C D; alias M N; write - @P D; write - @P N; fill D f; write - @P C; set NOPE 10',
  // CTX-expiry-action: refused removals, no revival, nested expiry through obsolete
  'create OTHER 0 (write - other-expired; write - @P X; write - @P _THIS)',
  'create X 0 (add _THIS inlist; delete X; unalias Y; obsolete _THIS; set X 100; alias X Z; ' +
    'write - @P _THIS; write - @P Y; obsolete OTHER; write - @P _THIS)',
  'alias X Y; obsolete Y; write - @P X; write - @P Y; write - @P Z; write - @P OTHER',
  // CTX-recreate keeps aliases and empties the store; ACT-unalias of the last name
  'create R; add R r1; alias R R2; create R2 0; write - @P R; unalias R; write - @P R2; unalias R2; write - @P R2',
  // CTX-internal refusals
  'create INT; add INT x; alias INT J; set INT 5; delete INT; obsolete INT; unalias INT; write - @P INT; write - @P J',
  // OPT-evstoresize (3 in this run)
  'add S 1%{.nl}2; add S 3%{.nl}4; prepend S 0%{.nl}0; write - @P S; fill S a%{.nl}b%{.nl}c%{.nl}d; write - @P S; fill S x; write - @P S',
  // ACT-delete through an alias removes every name
  'create U; alias U U2; alias U U3; delete U2; write - @P U; write - @P U3',
].join('; ');

const SECOND = 'write - @P INT; write - @P C; write - @P X';

function rule(pattern: string, list: string): string {
  return `type=Single\nptype=SubStr\npattern=${pattern}\ndesc=d\naction=${list}\n`;
}

function runSec(sec: string, dir: string): Promise<{ out: string[]; warnings: string }> {
  writeFileSync(
    join(dir, 'r.sec'),
    `${rule('one', probeForSec(FIRST))}\n${rule('two', probeForSec(SECOND))}`,
  );
  writeFileSync(join(dir, 'in.txt'), 'one\ntwo\n');
  const log = join(dir, 'sec.log');
  const args = [
    `--conf=${join(dir, 'r.sec')}`,
    `--input=${join(dir, 'in.txt')}=INT`,
    '--intcontexts',
    '--notail',
    '--nointevents',
    '--evstoresize=3',
    '--debug=3',
    `--log=${log}`,
  ];
  return new Promise((resolve, reject) => {
    execFile(sec, args, { timeout: 10_000 }, (error, stdout) => {
      if (error !== null) return reject(error);
      // Log lines start "<localtime>: "; a multi-line message continues on bare lines. Only
      // warnings are logged at --debug=3.
      const warnings = readFileSync(log, 'utf8').replace(/^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}: /gm, '');
      resolve({ out: stdout.split('\n').slice(0, -1), warnings });
    });
  });
}

describeWithProgram('sec', 'contexts agree with SEC 2.9.1 (sec-features 3.2)', (sec) => {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-contexts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('CTX-* / ACT-create .. ACT-fill: the same probes and the same warnings as sec', async () => {
    const ours = new MiniRunner(3, 1000);
    ours.runText(FIRST, 'INT');
    ours.runText(SECOND, 'INT');
    const theirs = await runSec(sec, dir);
    expect(ours.out.join('\n')).toBe(theirs.out.join('\n'));
    expect(ours.warnings.map((w) => `${w}\n`).join('')).toBe(theirs.warnings);
    // The scenario really exercises refusals and expiry, so agreement is not trivial.
    expect(ours.warnings.length).toBeGreaterThan(8);
    expect(theirs.out).toContain('other-expired');
  });
});
