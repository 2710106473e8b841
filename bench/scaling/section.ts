import type { Check, Section } from '../report.js';
import { bytes, fmt, num, ratio } from '../stats.js';
import { hasGc } from './harness.js';
import { type LiveStateResult, measureLiveState } from './live-state.js';
import { measureRuleCount, type RuleCountResult, sameMatches } from './rule-count.js';

export interface ScalingSettings {
  readonly quick: boolean;
  readonly log: (message: string) => void;
}

function rulesSection(results: readonly RuleCountResult[], reps: number): Section {
  const base = results[0]?.standard.microsPerLine.median ?? Number.NaN;
  const differ = results.filter((r) => !sameMatches(r));
  return {
    title: 'Scaling: cost per line as rules grow',
    method: `The engine in-process (no I/O: outputs only counted) over the seeded input, with 10 to 10,000 generated RegExp Single rules of which few match each line; ${reps} timed passes over the same lines after a warm-up pass. Once as it ships, once with the prefilter off (every rule tried on every line, as SEC does); both must match the same rules the same number of times.`,
    columns: [
      'rules',
      'µs per line',
      'lines/s',
      'cost vs 10 rules',
      'µs per line, prefilter off',
      'prefilter speed-up',
      'same matches',
      'lines matched',
    ],
    rows: results.map((r) => [
      num(r.rules),
      fmt(r.standard.microsPerLine),
      num(1e6 / r.standard.microsPerLine.median),
      ratio(r.standard.microsPerLine.median, base),
      fmt(r.prefilterOff.microsPerLine),
      ratio(r.prefilterOff.microsPerLine.median, r.standard.microsPerLine.median),
      sameMatches(r) ? 'yes' : '**NO**',
      `${num(r.matchedShare * 100)} % of ${num(r.lines)}`,
    ]),
    notes: differ.length > 0 ? ['**The prefilter changed which rules matched.**'] : [],
    checks: [],
    alarms: differ.map((r) => `prefilter on and off matched differently with ${r.rules} rules`),
  };
}

function liveSection(results: readonly LiveStateResult[], reps: number): Section {
  const notes = hasGc() ? [] : ['node ran without --expose-gc: the bytes per object are rough.'];
  return {
    title: 'Scaling: live operations and contexts',
    method: `One engine holds N live SingleWithThreshold operations (one per key, threshold never reached) or N contexts with a one-line event store (\`create S_$1 3600; add S_$1 $0\`). Bytes each: heap growth after a full GC, divided by N. Then lines that find their operation or context among the N (${reps} samples), and one cleanup pass (SEC runs one per second) while nothing expires. At the end the windows and lifetimes run out and everything must be freed.`,
    columns: [
      'live',
      'N',
      'bytes each',
      'create (µs each)',
      'µs per line touching one',
      'cleanup pass',
      'freed at end',
    ],
    rows: results.map((r) => [
      r.kind,
      num(r.live),
      bytes(r.bytesEach),
      num(r.createMicros),
      fmt(r.microsPerLine),
      fmt(r.cleanupMs, 'ms'),
      r.freed ? 'yes' : '**no**',
    ]),
    notes,
    checks: memoryChecks(results),
  };
}

function memoryChecks(results: readonly LiveStateResult[]): Check[] {
  const out: Check[] = [];
  for (const kind of ['operations', 'contexts'] as const) {
    const largest = results.filter((r) => r.kind === kind).at(-1);
    if (largest === undefined) continue;
    out.push({
      target: `memory per live ${kind === 'operations' ? 'threshold operation' : 'context (short event store)'} < 1 KiB`,
      measured: `${bytes(largest.bytesEach)} at ${num(largest.live)}`,
      met: largest.bytesEach < 1024,
    });
  }
  return out;
}

/** Scaling: in-process costs as rules and live state grow. */
export async function scalingSection(s: ScalingSettings): Promise<Section[]> {
  const ruleCounts = s.quick ? [10, 100, 1000] : [10, 100, 1000, 10_000];
  const liveCounts = s.quick ? [1000, 10_000] : [1000, 10_000, 100_000, 1_000_000];
  const reps = s.quick ? 2 : 5;
  const perRule: RuleCountResult[] = [];
  for (const n of ruleCounts) {
    s.log(`scaling: ${n} rules`);
    perRule.push(measureRuleCount(n, reps, s.quick ? 0.1 : 0.5));
  }
  const live: LiveStateResult[] = [];
  for (const kind of ['operations', 'contexts'] as const) {
    for (const n of liveCounts) {
      s.log(`scaling: ${n} live ${kind}`);
      live.push(measureLiveState(kind, n, reps));
    }
  }
  return [rulesSection(perRule, reps), liveSection(live, reps)];
}
