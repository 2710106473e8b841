import type { Rule } from '../../config/rules/types.js';
import { calendar } from './calendar.js';
import { eventGroup } from './event-group.js';
import { pair } from './pair.js';
import { pairWithWindow } from './pair-with-window.js';
import type { RuleHandler } from './runtime.js';
import { single } from './single.js';
import { singleWith2Thresholds } from './single-with-2-thresholds.js';
import { singleWithScript } from './single-with-script.js';
import { singleWithSuppress } from './single-with-suppress.js';
import { singleWithThreshold } from './single-with-threshold.js';

export type { RuleHandler, RuleRuntime } from './runtime.js';

type Handlers = { readonly [T in Rule['type']]?: RuleHandler<Extract<Rule, { type: T }>, never> };

/** One handler per rule type (GUIDE: a new rule type = one file + one line here + tests). */
const HANDLERS = {
  Calendar: calendar,
  EventGroup: eventGroup,
  Pair: pair,
  PairWithWindow: pairWithWindow,
  Single: single,
  SingleWithScript: singleWithScript,
  SingleWithSuppress: singleWithSuppress,
  SingleWithThreshold: singleWithThreshold,
  SingleWith2Thresholds: singleWith2Thresholds,
} satisfies Handlers;

/** The handler of a rule's type, if the engine runs that type. */
export function handlerFor(rule: Rule): RuleHandler<Rule> | undefined {
  return (HANDLERS as Handlers)[rule.type] as RuleHandler<Rule> | undefined;
}

/**
 * RT-pair-close: the rule types whose live operations are tried on an event pattern1 did not
 * match (their handlers have `unmatched`). The rule loop calls them on a miss, so the prefilter
 * must never skip such a rule whole.
 */
export function triesOperationsOnMiss(
  rule: Rule,
): rule is Extract<Rule, { type: 'Pair' | 'PairWithWindow' }> {
  return rule.type === 'Pair' || rule.type === 'PairWithWindow';
}

/** Rule types the engine runs today (Suppress and Jump live in the rule loop). */
export function isSupported(rule: Rule): boolean {
  return handlerFor(rule) !== undefined || rule.type === 'Suppress' || rule.type === 'Jump';
}
