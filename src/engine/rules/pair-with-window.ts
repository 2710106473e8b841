import type { PairRule } from '../../config/rules/types.js';
import { expired, operationKey } from '../operations.js';
import { closePairOperations, openPairOperation, type PairOperation, pairOperation } from './pair-common.js';
import type { RuleHandler } from './runtime.js';

/**
 * RT-pww: a pattern1 match creates the operation without running anything; repeated pattern1
 * events of the key are swallowed. A pattern2 match runs action2 (%s = desc2) and ends it; if none
 * comes within the window, `action` (%s = desc) runs when the operation expires.
 */
export const pairWithWindow: RuleHandler<PairRule, PairOperation> = {
  matched(rule, values, rt) {
    const desc = rt.subst(rule.desc, values);
    const key = operationKey(rule.file, rule.number, desc);
    const old = pairOperation(rt, key);
    // RT-expiry-where: an expired operation for the key runs its timeout action first, then a
    // new operation is created for this event.
    if (old !== undefined && expired(old, rt.now)) {
      rt.run(old.action, desc);
      rt.operations.delete(key);
    }
    if (rt.operations.get(key) !== undefined) return;
    const op = openPairOperation(rule, values, key, desc, rt);
    if (op !== null) rt.operations.set(op);
  },
  unmatched(rule, rt) {
    return closePairOperations(rule, rt);
  },
  // RT-pww: at the end of the window the timeout action runs with %s = desc.
  expire(op, rt) {
    if (!expired(op, rt.now)) return;
    rt.run(op.action, op.desc);
    rt.operations.delete(op.key);
  },
};
