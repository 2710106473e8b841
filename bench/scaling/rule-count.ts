import { performance } from 'node:perf_hooks';
import type { EngineEvent } from '../../src/engine/event.js';
import { generateLines } from '../gen/lines.js';
import { regexSingleRules } from '../gen/rules.js';
import { type Measure, measure } from '../stats.js';
import { events, type Harness, harness } from './harness.js';

/** One engine configuration over one ruleset size. */
export interface RuleCountRun {
  /** Microseconds per line, one sample per repetition. */
  readonly microsPerLine: Measure;
  /** Matches per rule index over one pass: two configurations must agree exactly. */
  readonly matches: readonly number[];
  readonly outputs: number;
}

export interface RuleCountResult {
  readonly rules: number;
  readonly lines: number;
  /** The engine as it ships (prefilter where it pays). */
  readonly standard: RuleCountRun;
  /** Every rule tried on every line, as SEC does. */
  readonly prefilterOff: RuleCountRun;
  readonly matchedShare: number;
}

const NOW = 1_800_000_000;

/** Milliseconds to push `evs` through the engine once. */
function pass(h: Harness, evs: readonly EngineEvent[]): number {
  const t0 = performance.now();
  for (const ev of evs) h.engine.process(ev, NOW);
  return performance.now() - t0;
}

function matchesPerRule(h: Harness): number[] {
  return [...h.engine.matchCounts.entries()].sort((a, b) => a[0].line - b[0].line).map(([, n]) => n);
}

/** A warm-up pass, then `reps` timed passes over the same lines (Single rules keep no state). */
function timed(rules: string, prefilter: boolean | undefined, evs: readonly EngineEvent[], reps: number) {
  const h = harness(rules, prefilter === undefined ? {} : { prefilter });
  pass(h, evs);
  const matches = matchesPerRule(h);
  const outputs = h.outputs();
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) samples.push((pass(h, evs) * 1000) / evs.length);
  return { microsPerLine: measure(samples), matches, outputs };
}

/**
 * Cost per line of n generated RegExp Single rules, in-process, with the engine as it ships and
 * with the prefilter off. The input is sized from a pilot of the slower configuration for about
 * `seconds` per pass; both must find exactly the same matches.
 */
export function measureRuleCount(n: number, reps: number, seconds: number): RuleCountResult {
  const rules = regexSingleRules(n);
  const pilot = events(generateLines(300, 11));
  const probe = harness(rules, { prefilter: false });
  pass(probe, pilot);
  const perLine = pass(probe, pilot) / pilot.length;
  const count = Math.max(200, Math.min(400_000, Math.round((seconds * 1000) / Math.max(perLine, 1e-4))));
  const evs = events(generateLines(count, 11));
  const standard = timed(rules, undefined, evs, reps);
  const prefilterOff = timed(rules, false, evs, reps);
  return { rules: n, lines: evs.length, standard, prefilterOff, matchedShare: standard.outputs / evs.length };
}

/** Whether the two configurations matched the same rules the same number of times. */
export function sameMatches(r: RuleCountResult): boolean {
  const a = r.standard.matches;
  const b = r.prefilterOff.matches;
  return (
    r.standard.outputs === r.prefilterOff.outputs && a.length === b.length && a.every((x, i) => x === b[i])
  );
}
