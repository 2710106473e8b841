import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runActions, substituteMatchVars } from '../../src/actions/index.js';
import { type MatchValues, parseMatchTemplate, substituteMatch } from '../../src/config/template/index.js';
import { describeWithProgram } from '../support/external.js';
import { env, fakes, parse } from './fakes.js';

/**
 * Differential test: the same action lists run through /usr/bin/sec (Single rules under
 * --notail, actions writing only to standard output) and through runActions with in-memory
 * contexts and variables that behave as SEC's; the outputs must be identical.
 */
interface Case {
  readonly name: string;
  readonly action: string;
  readonly input: string;
}

const CASES: readonly Case[] = [
  {
    name: 'vars',
    action: 'assign %a hello; write - %a world; writen - x; writen - y%.nl; write - [%s] $1 %%x %1 %nosuch.',
    input: 'a b',
  },
  { name: 'pctmask', action: 'assign %x Z; write - $1 %x', input: '50%x%%' },
  {
    name: 'store',
    action:
      'add C_$1 l1; add C_$1 l2%{.nl}%{.nl}l3%.nl; copy C_$1 %v; write - <%v>; pop C_$1 %p; shift C_$1 %q; ' +
      'write - %p|%q; getsize %n C_$1; write - n=%n; assign %m 5; getsize %m NOPE; write - [%m]; ' +
      'exists %e C_$1; exists %f NOPE; write - %e%f; empty C_$1 %w; write - w=<%w>; getsize %n C_$1; write - n=%n',
    input: 'k',
  },
  {
    name: 'loop',
    action:
      'assign %i x; add L a; add L b; add L c; while %i ( pop L %i; write - it=%i; getsize %k L; ' +
      'if %k ( continue ); write - last ); write - after; if %i ( write - no ) else ( write - else; break ); write - never',
    input: 'x',
  },
  {
    name: 'break',
    action:
      'assign %j 1; while %j ( write - loop; if %j ( break ); write - never ); write - after2; continue; write - never2',
    input: 'x',
  },
  {
    name: 'report',
    action:
      "create R; add R r1; add R r2; report R; pipe 'piped %s'; pipe '$1'; create E; report E; report NOPE; write - done",
    input: 'p q',
  },
  {
    name: 'quote',
    action:
      "assignsq %q it's $1; write - %q; free %q; write - [%q]; assign %z %{.sp}x%.tab|; write - <%z>; write - a%{.nl}b",
    input: "o'k",
  },
  {
    name: 'lifetime',
    action:
      'create X abc; exists %e X; write - e=%e; create X 10; set X -; getltime %l X; write - l=%l; ' +
      'setltime X 020; getltime %l X; write - l=%l; set X 0; getltime %l X; write - l=%l; ' +
      'alias X X2; exists %a X2; delete X2; exists %b X; write - %a%b',
    input: 'x',
  },
];

function ruleFile(): string {
  return CASES.map((c) =>
    [
      'type=Single',
      'ptype=RegExp',
      `pattern=^${c.name} (.*)$`,
      `desc=${c.name} $1`,
      `action=${c.action}`,
      '',
    ].join('\n'),
  ).join('\n');
}

/** What runActions prints for the same events (the ports' standard output: write -, pipe/report without a command). */
function runPort(): string {
  const f = fakes();
  let stdout = '';
  f.processes.pipe = (command, data) => {
    if (command === null) stdout += data;
  };
  f.outputs.write = (file, text, newline) => {
    if (file === '-') stdout += newline ? `${text}\n` : text;
  };
  for (const c of CASES) {
    const values: MatchValues = { numbered: [`${c.name} ${c.input}`, c.input], named: {} };
    const desc = substituteMatch(parseMatchTemplate(`${c.name} $1`), values);
    runActions(substituteMatchVars(parse(c.action), values), env({ desc }), f);
  }
  return stdout;
}

describeWithProgram('sec', 'runActions against /usr/bin/sec (differential)', (sec) => {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-actions-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints exactly what SEC prints', () => {
    writeFileSync(join(dir, 'rules.sec'), ruleFile());
    writeFileSync(join(dir, 'input.txt'), CASES.map((c) => `${c.name} ${c.input}\n`).join(''));
    const expected = execFileSync(
      sec,
      [
        `--conf=${join(dir, 'rules.sec')}`,
        `--input=${join(dir, 'input.txt')}`,
        '--notail',
        '--nointevents',
        '--log=/dev/null',
      ],
      { encoding: 'utf8', timeout: 10_000 },
    );
    expect(expected).toContain('done'); // SEC really ran every case
    expect(runPort()).toBe(expected);
  });
});
