import type { Rule } from '../../config/rules/types.js';
import type { RuleHandler } from './runtime.js';
import { single } from './single.js';
import { singleWithScript } from './single-with-script.js';
import { singleWithSuppress } from './single-with-suppress.js';

export type { RuleHandler, RuleRuntime } from './runtime.js';

type Handlers = { readonly [T in Rule['type']]?: RuleHandler<Extract<Rule, { type: T }>, never> };

/** One handler per rule type (GUIDE: a new rule type = one file + one line here + tests). */
const HANDLERS = {
  Single: single,
  SingleWithScript: singleWithScript,
  SingleWithSuppress: singleWithSuppress,
} satisfies Handlers;

/** The handler of a rule's type, if the engine runs that type. */
export function handlerFor(rule: Rule): RuleHandler<Rule> | undefined {
  return (HANDLERS as Handlers)[rule.type] as RuleHandler<Rule> | undefined;
}

/** Rule types the engine runs today (Suppress and Jump live in the rule loop). */
export function isSupported(rule: Rule): boolean {
  return handlerFor(rule) !== undefined || rule.type === 'Suppress' || rule.type === 'Jump';
}
