import type { Rule } from '../../config/rules/types.js';
import type { RuleHandler } from './runtime.js';
import { single } from './single.js';
import { singleWithScript } from './single-with-script.js';
import { singleWithSuppress } from './single-with-suppress.js';

export type { RuleHandler, RuleRuntime } from './runtime.js';

type HandledRule = Exclude<Rule, { type: 'Suppress' | 'Jump' | 'Calendar' }>;
type Handlers = { readonly [T in HandledRule['type']]?: RuleHandler<Extract<HandledRule, { type: T }>> };

/** Rule types with a handler; Suppress and Jump are part of the rule loop itself. */
export const RULE_HANDLERS = {
  Single: single,
  SingleWithScript: singleWithScript,
  SingleWithSuppress: singleWithSuppress,
} satisfies Handlers;

/** Dispatches a matched rule to its type's handler; false when the type has none yet. */
export function dispatch(
  rule: Rule,
  values: Parameters<RuleHandler<Rule>['matched']>[1],
  rt: Parameters<RuleHandler<Rule>['matched']>[2],
): boolean {
  switch (rule.type) {
    case 'Single':
      RULE_HANDLERS.Single.matched(rule, values, rt);
      return true;
    case 'SingleWithScript':
      RULE_HANDLERS.SingleWithScript.matched(rule, values, rt);
      return true;
    case 'SingleWithSuppress':
      RULE_HANDLERS.SingleWithSuppress.matched(rule, values, rt);
      return true;
    default:
      return false;
  }
}

/** Rule types the engine runs today (Suppress and Jump live in the rule loop). */
export function isSupported(rule: Rule): boolean {
  return rule.type in RULE_HANDLERS || rule.type === 'Suppress' || rule.type === 'Jump';
}
