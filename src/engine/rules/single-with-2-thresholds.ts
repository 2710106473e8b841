import type { ActionList } from '../../config/action-list/index.js';
import type { SingleWith2ThresholdsRule } from '../../config/rules/types.js';
import { operationKey } from '../operations.js';
import type { RuleHandler, RuleRuntime } from './runtime.js';
import { type CountingOperation, liveOperation, moveStart, slide, windowOver } from './threshold-window.js';

/** A SingleWith2Thresholds operation: phase 1 counts up to `thresh`, phase 2 waits for calm. */
export interface Sw2tOperation extends CountingOperation {
  readonly kind: 'SingleWith2Thresholds';
  readonly rule: SingleWith2ThresholdsRule;
  /** RT-freeze / RT-sw2t: lists and desc2 carry the values of the event that created the operation. */
  readonly action: ActionList;
  readonly action2: ActionList;
  readonly desc2: string;
  /** RT-sw2t-phase2: set once `action` ran; `window` is then `window2`. */
  phase2: boolean;
}

function isSw2t(op: { kind: string } | undefined): op is Sw2tOperation {
  return op?.kind === 'SingleWith2Thresholds';
}

/**
 * End of the window (RT-sw2t-phase2): phase 1 slides like SingleWithThreshold (silent delete when
 * no time remains); phase 2 runs `action2` with %s = desc2 and ends the operation. Shared by the
 * cleanup pass and the lazy check on a new event (RT-expiry-where).
 */
function endOfWindow(op: Sw2tOperation, rt: RuleRuntime): void {
  if (!op.phase2) {
    if (!slide(op, rt.now)) rt.operations.delete(op.key);
    return;
  }
  rt.run(op.action2, op.desc2);
  rt.operations.delete(op.key);
}

/** Phase 1 (RT-sw2t): at `thresh` times run `action` and start phase 2 at now, with no times. */
function countUp(op: Sw2tOperation, rt: RuleRuntime): void {
  if (op.times.length < op.rule.thresh) return;
  op.phase2 = true;
  op.start = rt.now;
  op.window = op.rule.window2;
  // The triggering event is not counted in phase 2.
  op.times.length = 0;
  rt.run(op.action, op.desc);
}

/**
 * Phase 2 (RT-sw2t-phase2): more than `thresh2` times breaks the calm; the oldest time is
 * forgotten and the window restarts at the next oldest (at now when none is left, i.e. thresh2=0).
 */
function countDown(op: Sw2tOperation, rt: RuleRuntime): void {
  if (op.times.length <= op.rule.thresh2) return;
  op.times.shift();
  op.start = op.times[0] ?? rt.now;
}

/**
 * RT-sw2t: alert when `thresh` events arrive within `window` seconds, then alert again (action2)
 * once no more than `thresh2` events were seen within `window2` seconds.
 */
export const singleWith2Thresholds: RuleHandler<SingleWith2ThresholdsRule, Sw2tOperation> = {
  // TM-cleanup step 5.
  expire(op, rt) {
    if (windowOver(op, rt.now)) endOfWindow(op, rt);
  },

  matched(rule, values, rt) {
    const desc = rt.subst(rule.desc, values);
    const key = operationKey(rule.file, rule.number, desc);
    // RT-expiry-where (b): the expiry behaviour first, then the new event.
    let op = liveOperation(rt, key, isSw2t, endOfWindow);
    if (op === undefined) {
      op = {
        kind: 'SingleWith2Thresholds',
        key,
        rule,
        desc,
        start: rt.now,
        window: rule.window,
        times: [],
        action: rt.freeze(rule.action, values),
        action2: rt.freeze(rule.action2, values),
        desc2: rt.subst(rule.desc2, values),
        phase2: false,
      };
      rt.operations.set(op);
    }
    op.times.push(rt.now);
    if (op.phase2) countDown(op, rt);
    else countUp(op, rt);
  },

  // ACT-setwpos: both phases drop the older times and set start = time; only phase 1 ends
  // the operation (silently) when no time remains.
  setwpos(op, time, rt) {
    if (time === op.start) return;
    if (!moveStart(op, time) && !op.phase2) rt.operations.delete(op.key);
  },
};
