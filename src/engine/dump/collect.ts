import type { Rule, RuleFile } from '../../config/rules/types.js';
import type { MatchValues } from '../../config/template/index.js';
import type { InputSnapshot } from '../../inputs/types.js';
import type { ContextSnapshot } from '../contexts/index.js';
import type { MatchCache } from '../match.js';
import type { Operation } from '../operations.js';
import { renderActionList } from './actions.js';
import type {
  DumpCacheEntry,
  DumpContext,
  DumpInput,
  DumpOperation,
  DumpRuleFile,
  DumpVariable,
} from './state.js';

/**
 * Pieces of a DumpState built from what the engine and the inputs expose; the composition root
 * assembles the rest (program info, perf, env, buffer, pending events, children).
 */

/** DUMP-text "Rule usage statistics": one entry per rule file, rules in file order. */
export function collectRuleStats(
  files: readonly RuleFile[],
  matchCounts: ReadonlyMap<Rule, number>,
  loadTimes: ReadonlyMap<string, number> | number,
  perf?: ReadonlyMap<Rule, { readonly cpu: number; readonly events: number }>,
): DumpRuleFile[] {
  return files.map((f) => ({
    file: f.file,
    loadTime: typeof loadTimes === 'number' ? loadTimes : (loadTimes.get(f.file) ?? 0),
    rules: f.rules.map((r) => {
      const p = perf?.get(r);
      const stat = { line: r.line, matches: matchCounts.get(r) ?? 0, desc: r.desc };
      // OPT-ruleperf: CPU seconds and events seen per rule.
      return p === undefined ? stat : { ...stat, cpu: p.cpu, events: p.events };
    }),
  }));
}

/** DUMP-text "Input sources", from InputSet.snapshot(). */
export function collectInputs(inputs: readonly InputSnapshot[]): DumpInput[] {
  return inputs.map((i) => ({
    name: i.name,
    open: i.open,
    type: i.type,
    offset: i.offset,
    size: i.size,
    dev: i.dev,
    inode: i.inode,
    lines: i.lines,
    context: i.context,
  }));
}

/** DUMP-text "Pattern match cache": `$0`.. and named values of each entry; undef as null. */
export function collectCache(cache: ReadonlyMap<string, MatchValues> | MatchCache): DumpCacheEntry[] {
  return [...cache.entries()].map(([name, v]) => {
    const values: Record<string, string | null> = {};
    v.numbered.forEach((value, i) => {
      values[String(i)] = value ?? null;
    });
    for (const [key, value] of Object.entries(v.named)) values[key] = value ?? null;
    return { name, values };
  });
}

/**
 * DUMP-text operations: the generic fields of every live operation, with optional per-type
 * details. Calendar last-run records (RT-calendar, kind 'Calendar') are not operations in SEC
 * and are left out.
 */
export function collectOperations(
  operations: Iterable<Operation>,
  details?: (op: Operation) => Readonly<Record<string, unknown>> | undefined,
): DumpOperation[] {
  const out: DumpOperation[] = [];
  for (const op of operations) {
    if (op.kind === 'Calendar') continue;
    const extra = details?.(op);
    out.push({
      key: op.key,
      file: op.rule.file,
      rule: op.rule.number,
      type: op.kind,
      desc: op.desc,
      startTime: op.start,
      windowStart: op.start,
      window: op.window,
      ...(extra === undefined ? {} : { details: extra }),
    });
  }
  return out;
}

/** DUMP-text "List of contexts" from ContextStore.snapshot() (VD-dumpnames, VD-trim). */
export function collectContexts(snapshots: readonly ContextSnapshot[]): DumpContext[] {
  return snapshots.map((c) => ({
    names: [...c.names],
    initTime: c.initTime,
    ctime: c.ctime,
    lifetime: c.lifetime,
    action: c.actions === null || c.actions.actions.length === 0 ? null : renderActionList(c.actions),
    desc: c.desc,
    lines: [...c.lines],
    lineTimes: [...c.lineTimes],
  }));
}

/** DUMP-text "Action list variables" from ActionVariables.snapshot(now), sorted by name. */
export function collectVariables(values: ReadonlyMap<string, string | null | undefined>): DumpVariable[] {
  return [...values.entries()]
    .map(([name, value]) => ({ name, value: value ?? null }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
