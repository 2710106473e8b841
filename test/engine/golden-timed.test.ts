import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type GoldenCase, goldenCases, pendingReason, prepareWork, runCaptured } from '../support/golden.js';

const DRIVER = new URL('../support/timed-driver.ts', import.meta.url).pathname;
// Resolved here: the driver runs with the case's work folder as cwd, where tsx cannot be found.
const TSX = import.meta.resolve('tsx');
const cases = goldenCases().filter((c) => c.mode === 'timed');
const runnable = cases.filter((c) => pendingReason(c) === null);
const pending = cases.filter((c) => pendingReason(c) !== null);

interface Timed {
  readonly t: number;
  readonly text: string;
}

function parseExpected(c: GoldenCase): Timed[] {
  const text = readFileSync(join(c.dir, 'expected.timed'), 'latin1');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const m = /^\+([0-9]+) (.*)$/.exec(l);
      if (m === null) throw new Error(`${c.name}: bad expected.timed line '${l}'`);
      return { t: Number(m[1]), text: m[2] ?? '' };
    });
}

function parseActual(stdout: string): Timed[] {
  let t = 0;
  const out: Timed[] = [];
  for (const line of stdout.split('\n').slice(0, -1)) {
    const m = /^\u0001T ([0-9]+)$/.exec(line);
    if (m !== null) t = Number(m[1]);
    else out.push({ t, text: line });
  }
  return out;
}

describe('timed golden scenarios on the manual clock (expectations from SEC run with real sleeps)', () => {
  it.concurrent.each(runnable.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { work, argv, env } = prepareWork(c);
    const duration = c.meta.get('duration') ?? '10';
    // prepareWork strips time prefixes for --notail; the driver reads the case's own inputs.
    const args = argv.filter((a) => a !== '--notail');
    const stdout = await runCaptured(
      process.execPath,
      ['--import', TSX, DRIVER, c.dir, duration, '--', ...args],
      work,
      env,
    );
    const expected = parseExpected(c);
    const actual = parseActual(stdout);
    const order = (x: Timed[]): Timed[] =>
      c.compare === 'sorted' ? [...x].sort((a, b) => a.text.localeCompare(b.text)) : x;
    const a = order(actual);
    const e = order(expected);
    expect(a.map((x) => x.text)).toEqual(e.map((x) => x.text));
    // SEC's times were measured with real sleeps: allow one second either way (README).
    for (const [i, x] of a.entries()) {
      expect(Math.abs(x.t - (e[i]?.t ?? -99)), `${x.text} at +${x.t}`).toBeLessThanOrEqual(1);
    }
  });

  it(`lists the timed cases pending the operations issue (${pending.length})`, () => {
    const reasons = pending.map((c) => `${c.name}: ${pendingReason(c)}`);
    expect(reasons.every((r) => /: (rule type|signal) /.test(r))).toBe(true);
    console.info(`timed golden cases pending: ${reasons.join('; ')}`);
  });
});
