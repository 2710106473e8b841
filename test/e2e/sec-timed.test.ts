import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeWithProgram } from '../support/external.js';
import { GOLDEN_DIR, goldenCases } from '../support/golden.js';

/** `+N text` lines of an expected.timed file. */
function timed(path: string): { t: number; text: string }[] {
  return readFileSync(path, 'latin1')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const m = /^\+([0-9]+) (.*)$/.exec(l);
      return { t: Number(m?.[1] ?? -99), text: m?.[2] ?? l };
    });
}

// The timed expectations were recorded from SEC with real sleeps; this re-records them into a
// scratch copy (about 20 s in parallel) and checks they still hold, so the manual-clock runs
// are compared with the real thing in CI. Slow by nature: the only real-time test of the suite,
// so npm test runs this file alone before the others (a loaded machine would skew SEC timing).
describeWithProgram(
  'sec',
  'timed golden expectations re-recorded from the installed SEC with real sleeps',
  () => {
    describeWithProgram('python3', 'with the recorder script', (python) => {
      it('every timed case gives the recorded lines, each within one second', { timeout: 120_000 }, () => {
        const scratch = mkdtempSync(join(tmpdir(), 'syscorr-timed-'));
        // The shipped-* cases run the real rulesets with their real windows (minutes of real
        // time: device-silence alone is 790 s); they were recorded from SEC with the same script
        // (regenerate-timed.py) and are checked on the manual clock by golden-timed only.
        const cases = goldenCases().filter((c) => c.mode === 'timed' && !c.name.startsWith('shipped-'));
        const dirs = cases.map((c) => {
          const dir = join(scratch, c.name);
          cpSync(c.dir, dir, { recursive: true });
          return dir;
        });
        cpSync(join(GOLDEN_DIR, 'regenerate-timed.py'), join(scratch, 'regenerate-timed.py'));
        const run = spawnSync(python, [join(scratch, 'regenerate-timed.py'), ...dirs], {
          encoding: 'utf8',
          timeout: 110_000,
        });
        expect(run.status, run.stderr).toBe(0);
        const problems: string[] = [];
        for (const [i, c] of cases.entries()) {
          const sort = (x: { t: number; text: string }[]) =>
            c.compare === 'sorted' ? [...x].sort((a, b) => a.text.localeCompare(b.text)) : x;
          const want = sort(timed(join(c.dir, 'expected.timed')));
          const got = sort(timed(join(dirs[i] ?? '', 'expected.timed')));
          const same =
            want.length === got.length &&
            want.every((w, k) => w.text === got[k]?.text && Math.abs(w.t - (got[k]?.t ?? -99)) <= 1);
          if (!same)
            problems.push(`${c.name}: recorded ${JSON.stringify(want)}, SEC now ${JSON.stringify(got)}`);
        }
        // Calendar cases fire on the wall-clock minute, so a real-time run that crosses a minute
        // boundary fires once more; they are compared on the manual clock only (golden-timed).
        expect(problems.filter((p) => !/^t-[\w-]*calendar[\w-]*:/.test(p))).toEqual([]);
      });
    });
  },
);
