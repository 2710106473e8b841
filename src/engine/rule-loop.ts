import type { Logger } from '../actions/ports.js';
import type { ContextSpec } from '../config/context-expr/index.js';
import type { Config } from '../config/load.js';
import type { Continue, EventGroupRule, JumpRule, Matcher, Rule, RuleFile } from '../config/rules/types.js';
import type { MatchValues } from '../config/template/index.js';
import type { ContextEvaluator } from './context-eval.js';
import { type MatchInput, matchPattern, NO_MATCH } from './match.js';

/** What the loop asks of the rule types (implemented by the engine through rules/index.ts). */
export interface LoopHooks {
  /** A rule whose pattern and context matched (not Suppress and Jump, handled here). */
  matched(rule: Rule, values: MatchValues | null): void;
  /** Pair/PairWithWindow when pattern1 did not match: true if an operation consumed the event. */
  unmatched(rule: Rule): boolean;
  /** EventGroup: member `index` matched (RT-eg-match). */
  member(rule: EventGroupRule, index: number, values: MatchValues | null): void;
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
  readonly #files: ReadonlyMap<string, RuleFile>;
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

  constructor(config: Config, evaluator: ContextEvaluator, logger: Logger, hooks: LoopHooks) {
    this.#files = new Map(config.files.map((f) => [f.file, f]));
    this.#sets = config.sets;
    this.#evaluator = evaluator;
    this.#logger = logger;
    this.#hooks = hooks;
  }

  /** Runs one file's rules for the current event; true when EndMatch stops all processing. */
  processFile(file: string, input: MatchInput, now: number, trace: Set<string> | null = null): boolean {
    const rules = this.#files.get(file)?.rules ?? [];
    const n = rules.length;
    let i = 0;
    while (i < n) {
      const rule = rules[i];
      if (rule === undefined || rule.type === 'Calendar') {
        i++;
        continue;
      }
      const cpu = this.#cpu;
      if (cpu === null) {
        i = this.#matchRule(rule, i, n, input, now, trace);
      } else {
        const t0 = cpu();
        i = this.#matchRule(rule, i, n, input, now, trace);
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

  /** SEC match_1pattern_rule: pre-evaluated context, pattern (cache entries made first), context. */
  #full(
    m: Pick<Matcher, 'pattern' | 'varmap' | 'context'>,
    input: MatchInput,
    now: number,
  ): MatchValues | null | false {
    // CX-preeval: a [..] context is evaluated before the pattern, without variables.
    if (m.context?.preEval === true && !this.#context(m.context, null, input, now)) return false;
    const values = matchPattern(m.pattern, m.varmap, input);
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
  ): number {
    if (rule.type === 'Calendar') return i + 1;
    if (rule.type === 'EventGroup') {
      // RT-eg-match: the first member whose pattern and context match wins.
      for (const [k, member] of rule.members.entries()) {
        const values = this.#full(member, input, now);
        if (values === false) continue;
        this.count(rule);
        this.#hooks.member(rule, k, values);
        return nextIndex(member.continue, i, n);
      }
      return i + 1;
    }
    const values = this.#full(rule, input, now);
    if (values === false) {
      // RT-pair-close: an event that did not match pattern1 is tried on the live operations.
      if ((rule.type === 'Pair' || rule.type === 'PairWithWindow') && this.#hooks.unmatched(rule)) {
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
