import type { SingleRule } from '../../config/rules/types.js';
import type { RuleHandler } from './runtime.js';

/** RT-single: run the action at once; desc only sets %s, no operation is created. */
export const single: RuleHandler<SingleRule> = {
  matched(rule, values, rt) {
    rt.run(rt.freeze(rule.action, values), rt.subst(rule.desc, values));
  },
};
