import type { Config } from '../../config/load.js';
import type { Matcher, Pattern, Rule } from '../../config/rules/types.js';
import { triesOperationsOnMiss } from '../rules/index.js';
import { requiredLiterals } from './extract.js';
import { foldText } from './fold.js';
import { compareQuality, finish, keyOf, MIN_LITERAL } from './literal-set.js';

/**
 * Where the prefilter may answer for the rules of one file, by rule index. Values are
 * requirement ids (PrefilterPlan.requirements); -1 = no requirement, always run.
 */
export interface FilePlan {
  /**
   * The requirement whose absence makes the whole rule a no-op for the event: its pattern(s)
   * cannot match and nothing else of the rule runs (no [pre-evaluated] context, no Pair operations).
   */
  readonly rule: Int32Array;
  /** The requirement of the rule's pattern (Pair: pattern1). A negated pattern matches when absent. */
  readonly pattern: Int32Array;
  /** EventGroup: one requirement per member pattern, else null. */
  readonly members: readonly (Int32Array | null)[];
  /** The rules to try on every event (no `rule` requirement; Calendar rules are not tried), ascending. */
  readonly always: Int32Array;
  /** Per slot: the rules whose `rule` requirement it triggers (its first slot), ascending. */
  readonly bySlot: ReadonlyMap<number, Int32Array>;
}

/** Every literal set (slot) and requirement of a configuration, and where the rules use them. */
export interface PrefilterPlan {
  /** Per slot: its folded literals; one of them occurring means the slot is present. */
  readonly slots: readonly (readonly string[])[];
  /**
   * Per requirement: slots that must ALL be present for its pattern to match. The first is its
   * trigger, the slot the fewest patterns of the configuration need (likely the rarest text).
   */
  readonly requirements: readonly Int32Array[];
  readonly files: ReadonlyMap<string, FilePlan>;
  /** How many patterns (rules' and EventGroup members') have a requirement. */
  readonly filtered: number;
}

type Sets = readonly (readonly string[])[];

/**
 * The literal sets a pattern needs, all of them (one member of each), for the text it is tried
 * on; empty when not known. N-line patterns (PT-N) see several lines joined and are left alone;
 * TValue, Cached and PerlFunc patterns run no text match.
 */
export function patternLiterals(p: Pattern): Sets {
  if (p.lines !== 1) return [];
  if (p.kind === 'SubStr') {
    const folded = foldText(p.text);
    return folded === null || folded.length < MIN_LITERAL ? [] : [finish(new Set([folded]))];
  }
  if (p.kind === 'RegExp' && p.regex !== null) return requiredLiterals(p.source);
  return [];
}

/** Builds the slots and requirements; `uses` counts the patterns needing each set (trigger choice). */
class Table {
  readonly slots: (readonly string[])[] = [];
  readonly requirements: Int32Array[] = [];
  readonly #slotOf = new Map<string, number>();
  readonly #uses: ReadonlyMap<string, number>;

  constructor(uses: ReadonlyMap<string, number>) {
    this.#uses = uses;
  }

  #slot(set: readonly string[]): number {
    const key = keyOf(set);
    let slot = this.#slotOf.get(key);
    if (slot === undefined) {
      slot = this.slots.length;
      this.slots.push(set);
      this.#slotOf.set(key, slot);
    }
    return slot;
  }

  /** A requirement for `sets` (rarest first), or -1 when there are none. */
  require(sets: Sets): number {
    if (sets.length === 0) return -1;
    const uses = (s: readonly string[]): number => this.#uses.get(keyOf(s)) ?? 0;
    const ordered = [...sets].sort((a, b) => uses(a) - uses(b) || compareQuality(b, a));
    this.requirements.push(Int32Array.from(ordered, (s) => this.#slot(s)));
    return this.requirements.length - 1;
  }
}

/** A pattern whose absence means the matcher does nothing: not negated, no [..] context (CX-preeval). */
function skippable(m: Pick<Matcher, 'pattern' | 'context'>): boolean {
  return !m.pattern.negate && m.context?.preEval !== true;
}

interface MutablePlan {
  readonly rule: Int32Array;
  readonly pattern: Int32Array;
  readonly members: (Int32Array | null)[];
}

function planRule(
  rule: Rule,
  i: number,
  sets: ReadonlyMap<Matcher | Rule, Sets>,
  t: Table,
  plan: MutablePlan,
): void {
  if (rule.type === 'Calendar') return;
  if (rule.type === 'EventGroup') {
    const lits = rule.members.map((m) => sets.get(m) ?? []);
    const reqs = Int32Array.from(lits, (l) => t.require(l));
    plan.members[i] = reqs;
    // RT-eg-match: the rule does nothing when no member can match; one set of every member's trigger texts.
    if (rule.members.every(skippable) && reqs.every((r) => r >= 0)) {
      const triggers = [...reqs].flatMap((r) => [...(t.slots[t.requirements[r]?.[0] ?? -1] ?? [])]);
      plan.rule[i] = t.require([finish(new Set(triggers))]);
    }
    return;
  }
  const req = t.require(sets.get(rule) ?? []);
  plan.pattern[i] = req;
  // RT-pair-close: a Pair tries its operations on every event pattern1 does not match.
  if (!triesOperationsOnMiss(rule) && skippable(rule)) plan.rule[i] = req;
}

/** The index lists the rule loop walks: rules without a `rule` requirement, and each trigger's rules. */
function indexLists(rules: readonly Rule[], plan: MutablePlan, t: Table): FilePlan {
  const always: number[] = [];
  const bySlot = new Map<number, number[]>();
  for (const [i, rule] of rules.entries()) {
    const req = plan.rule[i] as number;
    const trigger = req < 0 ? undefined : t.requirements[req]?.[0];
    if (trigger === undefined) {
      if (rule.type !== 'Calendar') always.push(i);
      continue;
    }
    bySlot.set(trigger, [...(bySlot.get(trigger) ?? []), i]);
  }
  const frozen = new Map([...bySlot].map(([slot, list]) => [slot, Int32Array.from(list)]));
  return { ...plan, always: Int32Array.from(always), bySlot: frozen };
}

/** Every pattern's literal sets, and how many patterns need each set. */
function collect(config: Config): { sets: Map<Matcher | Rule, Sets>; uses: Map<string, number> } {
  const sets = new Map<Matcher | Rule, Sets>();
  const uses = new Map<string, number>();
  const add = (owner: Matcher | Rule, p: Pattern): void => {
    const found = patternLiterals(p);
    sets.set(owner, found);
    for (const s of found) uses.set(keyOf(s), (uses.get(keyOf(s)) ?? 0) + 1);
  };
  for (const f of config.files) {
    for (const rule of f.rules) {
      if (rule.type === 'EventGroup') for (const m of rule.members) add(m, m.pattern);
      else if (rule.type !== 'Calendar') add(rule, rule.pattern);
    }
  }
  return { sets, uses };
}

/** Builds the plan of every file of `config`; null when no pattern has a requirement. */
export function buildPlan(config: Config): PrefilterPlan | null {
  const { sets, uses } = collect(config);
  const table = new Table(uses);
  const files = new Map<string, FilePlan>();
  let filtered = 0;
  for (const f of config.files) {
    const n = f.rules.length;
    const plan: MutablePlan = {
      rule: new Int32Array(n).fill(-1),
      pattern: new Int32Array(n).fill(-1),
      members: new Array<Int32Array | null>(n).fill(null),
    };
    for (const [i, rule] of f.rules.entries()) planRule(rule, i, sets, table, plan);
    filtered += plan.pattern.filter((r) => r >= 0).length;
    for (const m of plan.members) filtered += m === null ? 0 : m.filter((r) => r >= 0).length;
    files.set(f.file, indexLists(f.rules, plan, table));
  }
  if (table.slots.length === 0) return null;
  return { slots: table.slots, requirements: table.requirements, files, filtered };
}
