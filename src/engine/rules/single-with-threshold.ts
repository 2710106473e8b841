import type { ActionList } from '../../config/action-list/index.js';
import type { SingleWithThresholdRule } from '../../config/rules/types.js';
import { operationKey } from '../operations.js';
import type { RuleHandler, RuleRuntime } from './runtime.js';
import { type CountingOperation, liveOperation, moveStart, slide, windowOver } from './threshold-window.js';

/** A SingleWithThreshold operation (RT-swt): counting, then suppressing after `action` ran. */
export interface SwtOperation extends CountingOperation {
  readonly kind: 'SingleWithThreshold';
  readonly rule: SingleWithThresholdRule;
  /** RT-freeze: both lists carry the `$` values of the event that created the operation. */
  readonly action: ActionList;
  readonly action2: ActionList | null;
  /** Set once `thresh` was reached and `action` ran: events are swallowed, not recorded. */
  suppressed: boolean;
}

function isSwt(op: { kind: string } | undefined): op is SwtOperation {
  return op?.kind === 'SingleWithThreshold';
}

/**
 * RT-swt-slide: the end of the window. While counting, the window slides to the oldest time
 * still inside it (silent delete if none); once suppressing, `action2` (if any) runs with
 * %s = desc and the operation ends. Shared by the cleanup pass and the lazy check on a new event
 * (RT-expiry-where).
 */
function endOfWindow(op: SwtOperation, rt: RuleRuntime): void {
  if (!op.suppressed) {
    if (!slide(op, rt.now)) rt.operations.delete(op.key);
    return;
  }
  // SEC runs action2 first and deletes the key afterwards, whatever action2 did meanwhile.
  if (op.action2 !== null) rt.run(op.action2, op.desc);
  rt.operations.delete(op.key);
}

/**
 * RT-swt: count the times of matching events per key (desc after `$`-substitution, RT-opkey);
 * at `thresh` events within `window` seconds run `action` once and swallow every later event of
 * the key until the window, whose start is not moved by the alert, runs out.
 */
export const singleWithThreshold: RuleHandler<SingleWithThresholdRule, SwtOperation> = {
  // TM-cleanup step 5.
  expire(op, rt) {
    if (windowOver(op, rt.now)) endOfWindow(op, rt);
  },

  matched(rule, values, rt) {
    const desc = rt.subst(rule.desc, values);
    const key = operationKey(rule.file, rule.number, desc);
    // RT-expiry-where (b): the expiry behaviour first, then the new event.
    let op = liveOperation(rt, key, isSwt, endOfWindow);
    if (op === undefined) {
      op = {
        kind: 'SingleWithThreshold',
        key,
        rule,
        desc,
        start: rt.now,
        window: rule.window,
        times: [],
        action: rt.freeze(rule.action, values),
        action2: rule.action2 === null ? null : rt.freeze(rule.action2, values),
        suppressed: false,
      };
      rt.operations.set(op);
    }
    if (op.suppressed) return;
    op.times.push(rt.now);
    if (op.times.length < rule.thresh) return;
    // Suppress first: a setwpos or reset run by the action then sees a suppressing operation.
    op.suppressed = true;
    rt.run(op.action, op.desc);
  },

  // ACT-setwpos: counting drops the older times and may end the operation silently;
  // suppressing moves only the start (so action2 comes earlier or later).
  setwpos(op, time, rt) {
    if (time === op.start) return;
    if (op.suppressed) op.start = time;
    else if (!moveStart(op, time)) rt.operations.delete(op.key);
  },
};
