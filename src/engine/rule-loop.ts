import type { Logger } from '../actions/ports.js';
import type { ContextSpec } from '../config/context-expr/index.js';
import type { Config } from '../config/load.js';
import type { Continue, EventGroupRule, JumpRule, Matcher, Rule, RuleFile } from '../config/rules/types.js';
import type { MatchValues } from '../config/template/index.js';
import type { ContextEvaluator } from './context-eval.js';
import { type MatchInput, matchPattern, NO_MATCH, negatedMatch } from './match.js';
import { type FilePlan, Prefilter } from './prefilter/index.js';
import { triesOperationsOnMiss } from './rules/index.js';

/** What the loop asks of the rule types (implemented by the engine through rules/index.ts). */
export interface LoopHooks {
  /** A rule whose pattern and context matched (not Suppress and Jump, handled here). */
  matched(rule: Rule, values: MatchValues | null): void;
  /** Pair/PairWithWindow when pattern1 did not match: true if an operation consumed the event. */
  unmatched(rule: Rule): boolean;
  /** EventGroup: member `index` matched (RT-eg-match). */
  member(rule: EventGroupRule, index: number, values: MatchValues | null): void;
}

/** One rule file with its prefilter requirements (null: every rule always runs). */
interface FileEntry {
  readonly rules: readonly Rule[];
  readonly plan: FilePlan | null;
}

function filesOf(config: Config, prefilter: Prefilter | null): Map<string, FileEntry> {
  return new Map(
    config.files.map((f: RuleFile) => [f.file, { rules: f.rules, plan: prefilter?.file(f.file) ?? null }]),
  );
}

/** CF-continue: the index to go on with; -1 = EndMatch, rule count = DontCont. */
function nextIndex(c: Continue, index: number, count: number): number {
  switch (c.kind) {
    case 'TakeNext':
      return index + 1;
    case 'DontCont':
      return count;
    case 'EndMatch':
      return -1;
    case 'GoTo':
      return c.target;
  }
}

/**
 * SEC process_rules / match_1pattern_rule / process_jump_rule: the rules of one file in order,
 * with continue/GoTo/EndMatch and Jump into cfsets (RT-jump). Counts full matches per rule.
 */
export class RuleLoop {
  readonly #files: ReadonlyMap<string, FileEntry>;
  readonly #prefilter: Prefilter | null;
  readonly #sets: ReadonlyMap<string, readonly string[]>;
  readonly #evaluator: ContextEvaluator;
  readonly #logger: Logger;
  readonly #hooks: LoopHooks;
  readonly matches = new Map<Rule, number>();
  /** OPT-ruleperf: CPU seconds and events per rule, when a CPU clock was given. */
  readonly perf = new Map<Rule, { cpu: number; events: number }>();
  #cpu: (() => number) | null = null;

  /** Turns on --ruleperf accounting with an injected CPU-time source (seconds). */
  measureWith(cpu: () => number): void {
    this.#cpu = cpu;
  }

  /**
   * `prefilter` (EngineOptions.prefilter): false tries every pattern on every event, as SEC does;
   * true uses the prefilter even for a ruleset too small to gain from it (tests); undefined uses it
   * when the ruleset is large enough.
   */
  constructor(
    config: Config,
    evaluator: ContextEvaluator,
    logger: Logger,
    hooks: LoopHooks,
    prefilter?: boolean,
  ) {
    this.#prefilter = prefilter === false ? null : Prefilter.build(config, prefilter === true);
    this.#files = filesOf(config, this.#prefilter);
    this.#sets = config.sets;
    this.#evaluator = evaluator;
    this.#logger = logger;
    this.#hooks = hooks;
  }

  /** Runs one file's rules for the current event; true when EndMatch stops all processing. */
  processFile(file: string, input: MatchInput, now: number, trace: Set<string> | null = null): boolean {
    const entry = this.#files.get(file);
    if (entry === undefined) return false;
    // --ruleperf counts every rule an event reaches, so rules are skipped whole only without it.
    const pf = this.#cpu === null ? this.#prefilter : null;
    if (pf === null || entry.plan === null) return this.#runFrom(entry, 0, input, now, trace);
    return this.#runCandidates(pf, entry, entry.plan, input, now, trace);
  }

  /**
   * The rules of a file that can do something for this event, in file order: every rule that
   * always runs, and the skippable rules whose required text the line holds. The others would
   * only have tried a pattern that cannot match, which has no effect (RT-match), so leaving them
   * out keeps SEC's order and outcome. GoTo only jumps forward (CF-goto-resolve), so two cursors
   * moving forward suffice.
   */
  #runCandidates(
    pf: Prefilter,
    entry: FileEntry,
    plan: FilePlan,
    input: MatchInput,
    now: number,
    trace: Set<string> | null,
  ): boolean {
    const always = plan.always;
    const n = entry.rules.length;
    let text = input.buffers.text(1);
    let present = pf.candidates(plan, text);
    if (present === null) return this.#runFrom(entry, 0, input, now, trace);
    let a = 0;
    let c = 0;
    let i = 0;
    for (;;) {
      while (a < always.length && (always[a] as number) < i) a++;
      while (c < present.length && (present[c] as number) < i) c++;
      i = Math.min(always[a] ?? n, present[c] ?? n);
      const rule = entry.rules[i];
      if (rule === undefined) return false;
      i = this.#matchRule(rule, i, n, input, now, trace, plan);
      if (i === -1) return true;
      // Actions may have rewritten the line (ACT-rewrite): the candidates of the new text apply.
      const current = input.buffers.text(1);
      if (current !== text) {
        text = current;
        present = pf.candidates(plan, text);
        if (present === null) return this.#runFrom(entry, i, input, now, trace);
        c = 0;
      }
    }
  }

  /** Every rule from index `i` on, each tried in turn (no prefilter, or --ruleperf accounting). */
  #runFrom(entry: FileEntry, i: number, input: MatchInput, now: number, trace: Set<string> | null): boolean {
    const { rules, plan } = entry;
    const n = rules.length;
    while (i < n) {
      const rule = rules[i];
      if (rule === undefined || rule.type === 'Calendar') {
        i++;
        continue;
      }
      const cpu = this.#cpu;
      if (cpu === null) {
        i = this.#matchRule(rule, i, n, input, now, trace, plan);
      } else {
        const t0 = cpu();
        i = this.#matchRule(rule, i, n, input, now, trace, plan);
        const p = this.perf.get(rule) ?? { cpu: 0, events: 0 };
        p.cpu += cpu() - t0;
        p.events++;
        this.perf.set(rule, p);
      }
      if (i === -1) return true;
    }
    return false;
  }

  #context(spec: ContextSpec | null, values: MatchValues | null, input: MatchInput, now: number): boolean {
    return spec === null || this.#evaluator.evaluate(spec.expr, values, input.cache, now);
  }

  /**
   * SEC match_1pattern_rule: pre-evaluated context, pattern (cache entries made first), context.
   * `req`: the prefilter requirement of the pattern (-1 = none); when its text is absent the pattern is
   * known not to match (negated: to match) without running it; a pattern has no side effect when
   * it does not match (varmap cache entries are made on a match only: VM-cache), so nothing is lost.
   */
  #full(
    m: Pick<Matcher, 'pattern' | 'varmap' | 'context'>,
    input: MatchInput,
    now: number,
    req: number,
  ): MatchValues | null | false {
    // CX-preeval: a [..] context is evaluated before the pattern, without variables.
    if (m.context?.preEval === true && !this.#context(m.context, null, input, now)) return false;
    const pf = this.#prefilter;
    const known = req >= 0 && pf !== null && pf.absent(req, input.buffers.text(1));
    if (known && !m.pattern.negate) return false;
    const values = known
      ? negatedMatch(m.pattern, m.varmap, input)
      : matchPattern(m.pattern, m.varmap, input);
    if (values === NO_MATCH) return false;
    if (m.context !== null && !m.context.preEval && !this.#context(m.context, values, input, now))
      return false;
    return values;
  }

  /** Counts a full match of `rule` (dumps, metrics). */
  count(rule: Rule): void {
    this.matches.set(rule, (this.matches.get(rule) ?? 0) + 1);
  }

  #matchRule(
    rule: Rule,
    i: number,
    n: number,
    input: MatchInput,
    now: number,
    trace: Set<string> | null,
    plan: FilePlan | null,
  ): number {
    if (rule.type === 'Calendar') return i + 1;
    if (rule.type === 'EventGroup') {
      const reqs = plan?.members[i] ?? null;
      // RT-eg-match: the first member whose pattern and context match wins.
      for (const [k, member] of rule.members.entries()) {
        const values = this.#full(member, input, now, reqs === null ? -1 : (reqs[k] ?? -1));
        if (values === false) continue;
        this.count(rule);
        this.#hooks.member(rule, k, values);
        return nextIndex(member.continue, i, n);
      }
      return i + 1;
    }
    const values = this.#full(rule, input, now, plan === null ? -1 : (plan.pattern[i] ?? -1));
    if (values === false) {
      // RT-pair-close: an event that did not match pattern1 is tried on the live operations.
      if (triesOperationsOnMiss(rule) && this.#hooks.unmatched(rule)) {
        this.count(rule);
        return nextIndex(rule.second.continue, i, n);
      }
      return i + 1;
    }
    this.count(rule);
    if (rule.type === 'Suppress') return n; // RT-suppress: stops this file only
    if (rule.type === 'Jump')
      return this.#jump(rule, values, input, now, trace) ? -1 : nextIndex(rule.continue, i, n);
    this.#hooks.matched(rule, values);
    return nextIndex(rule.continue, i, n);
  }

  /** RT-jump: each set in turn, each of its files from the first rule; true if EndMatch was hit. */
  #jump(
    rule: JumpRule,
    values: MatchValues | null,
    input: MatchInput,
    now: number,
    trace: Set<string> | null,
  ): boolean {
    if (rule.cfset.length === 0) return false;
    const stack = trace ?? new Set<string>();
    for (const raw of rule.cfset) {
      const set = rule.constset || values === null ? raw : this.#evaluatorSubst(raw, values);
      if (stack.has(set)) {
        this.#logger.log(3, `Can't jump to fileset '${set}' from ${rule.file}, loop detected`);
        continue;
      }
      const files = this.#sets.get(set);
      if (files === undefined) {
        this.#logger.log(3, `Can't jump to fileset '${set}' from ${rule.file}, set does not exist`);
        continue;
      }
      stack.add(set);
      for (const f of files) {
        if (this.processFile(f, input, now, stack)) {
          stack.delete(set);
          return true;
        }
      }
      stack.delete(set);
    }
    return false;
  }

  #evaluatorSubst(text: string, values: MatchValues): string {
    return this.#evaluator.subst(text, values);
  }
}
