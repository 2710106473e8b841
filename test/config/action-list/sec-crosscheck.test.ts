import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parseActionList } from '../../../src/config/action-list/index.js';
import { describeWithProgram } from '../../support/external.js';
import { CROSS_CHECK, VALID_FORMS } from './forms.js';

/** Perl actions SEC accepts and we reject on purpose; trim is newer than the installed 2.9.1. */
const SKIPPED = new Set(['eval', 'call', 'lcall', 'trim']);

const CASES = [
  ...CROSS_CHECK,
  ...Object.entries(VALID_FORMS).flatMap(([k, text]) => (SKIPPED.has(k) ? [] : [text])),
];

function ruleFile(list: string): string {
  return `type=Single\nptype=SubStr\npattern=x\ndesc=d\naction=${list}\n`;
}

/**
 * Runs `sec --testonly` once over one rule file per list (SEC expands the --conf glob itself) and
 * returns its exit status and log. Per file, SEC logs "1 rules loaded from F" or "No valid rules
 * found in configuration file F". One run keeps this fast: sec takes ~0.1 s of CPU to start.
 */
function runSec(
  sec: string,
  dir: string,
  lists: readonly string[],
): Promise<{ status: number; log: string }> {
  mkdirSync(dir);
  for (const [i, list] of lists.entries()) writeFileSync(join(dir, `case${i}.sec`), ruleFile(list));
  const log = join(dir, 'sec.log');
  return new Promise((resolve) => {
    execFile(sec, ['--testonly', `--conf=${join(dir, '*.sec')}`, `--log=${log}`], (error) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ status, log: readFileSync(log, 'utf8') });
    });
  });
}

/** SEC's verdict per file from its log: true (loaded), false (rejected) or undefined (no verdict). */
function verdict(log: string, file: string): boolean | undefined {
  const lines = log.split('\n');
  const loaded = lines.some((l) => l.endsWith(`: 1 rules loaded from ${file}`));
  const rejected = lines.some((l) => l.endsWith(`: No valid rules found in configuration file ${file}`));
  return loaded === rejected ? undefined : loaded;
}

describeWithProgram('sec', 'action lists: load-time validity agrees with SEC 2.9.1', (sec) => {
  const root = mkdtempSync(join(tmpdir(), 'syscorr-actions-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(`sec --testonly accepts exactly the lists parseActionList accepts (${CASES.length} lists)`, async () => {
    const dir = join(root, 'all');
    const { status, log } = await runSec(sec, dir, CASES);
    const disagreements = CASES.flatMap((list, i) => {
      const ours = parseActionList(list, { ruleNumber: 0 }).problems.map((p) => `${p.code}@${p.offset}`);
      const secAccepts = verdict(log, join(dir, `case${i}.sec`));
      return secAccepts === (ours.length === 0) ? [] : [{ list, secAccepts, ours }];
    });
    expect(disagreements).toEqual([]);
    // Both outcomes occur, so the comparison cannot pass by one side always failing; and SEC's
    // exit status says the same as its log: 1 when some rule file was rejected.
    const rejected = CASES.filter((list) => parseActionList(list, { ruleNumber: 0 }).problems.length > 0);
    expect(rejected.length).toBeGreaterThan(20);
    expect(CASES.length - rejected.length).toBeGreaterThan(20);
    expect(status).toBe(1);
  });

  it('sec --testonly exits 0 on the lists parseActionList accepts', async () => {
    const accepted = CASES.filter((list) => parseActionList(list, { ruleNumber: 0 }).problems.length === 0);
    expect((await runSec(sec, join(root, 'valid'), accepted)).status).toBe(0);
  });
});
