import type { SingleWithSuppressRule } from '../../config/rules/types.js';
import { expired, operationKey } from '../operations.js';
import type { RuleHandler } from './runtime.js';

/**
 * RT-sws: the first event for a key runs the action and opens a window of `window` seconds
 * fixed at that event; later events of the key within it are swallowed. An expired operation not
 * yet collected is replaced by a new one (RT-expiry-where).
 */
export const singleWithSuppress: RuleHandler<SingleWithSuppressRule> = {
  // RT-sws: expiry is silent.
  expire(op, rt) {
    if (expired(op, rt.now)) rt.operations.delete(op.key);
  },
  matched(rule, values, rt) {
    const desc = rt.subst(rule.desc, values);
    const key = operationKey(rule.file, rule.number, desc);
    const op = rt.operations.get(key);
    if (op !== undefined && !expired(op, rt.now)) return;
    rt.operations.set({ kind: 'SingleWithSuppress', key, rule, desc, start: rt.now, window: rule.window });
    rt.run(rt.freeze(rule.action, values), desc);
  },
};
