import type { PairRule } from '../../config/rules/types.js';
import { expired, operationKey } from '../operations.js';
import { closePairOperations, openPairOperation, type PairOperation, pairOperation } from './pair-common.js';
import type { RuleHandler } from './runtime.js';

/**
 * RT-pair-start: a pattern1 match for a key without a live operation creates one and runs
 * `action` at once; while it lives, further pattern1 events of the key are swallowed and do not
 * restart the window. RT-pair-close: an event that did not match pattern1 closes every operation
 * whose pattern2 (+context2) matches, running action2 with %s = desc2.
 */
export const pair: RuleHandler<PairRule, PairOperation> = {
  matched(rule, values, rt) {
    const desc = rt.subst(rule.desc, values);
    const key = operationKey(rule.file, rule.number, desc);
    const old = pairOperation(rt, key);
    // RT-expiry-where: an expired operation not yet collected is replaced silently.
    if (old !== undefined && !expired(old, rt.now)) return;
    const op = openPairOperation(rule, values, key, desc, rt);
    if (op === null) return;
    rt.operations.set(op);
    rt.run(op.action, desc);
  },
  unmatched(rule, rt) {
    return closePairOperations(rule, rt);
  },
  // RT-pair-window: window 0 lives until closed; otherwise the operation is dropped silently.
  expire(op, rt) {
    if (expired(op, rt.now)) rt.operations.delete(op.key);
  },
};
