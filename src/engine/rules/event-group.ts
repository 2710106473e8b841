import type { EventGroupRule } from '../../config/rules/types.js';
import type { MatchValues } from '../../config/template/index.js';
import { expired, operationKey } from '../operations.js';
import {
  dropBefore,
  type EventGroupOperation,
  groupMatches,
  isEventGroup,
  thresholdsHold,
} from './event-group-window.js';
import type { RuleHandler, RuleRuntime } from './runtime.js';

export type { EventGroupOperation, GroupEvent } from './event-group-window.js';

/**
 * RT-eg-slide: `end` runs before the operation is deleted (never on reset); setwpos is refused
 * meanwhile. SEC deletes the key afterwards whatever `end` did.
 */
function terminate(op: EventGroupOperation, rt: RuleRuntime): void {
  op.busy = 'ending';
  if (op.end !== null) rt.run(op.end, op.desc);
  rt.operations.delete(op.key);
}

/**
 * RT-eg-slide: the window ran out. Counting: drop the events older than now - window; none
 * left → `end` and delete, else `slide`. Suppressed: `end` and delete. Thresholds are not
 * checked here. Shared by the cleanup pass and the lazy check (RT-expiry-where).
 */
function endOfWindow(op: EventGroupOperation, rt: RuleRuntime): void {
  if (op.suppressed || dropBefore(op, rt.now - op.window, false) === 0) {
    terminate(op, rt);
    return;
  }
  if (op.slide !== null) rt.run(op.slide, op.desc);
}

/** RT-eg-create: a new operation, its lists frozen with the creating event's values (RT-freeze). */
function create(
  rule: EventGroupRule,
  key: string,
  desc: string,
  values: MatchValues | null,
  rt: RuleRuntime,
): EventGroupOperation | undefined {
  const op: EventGroupOperation = {
    kind: 'EventGroup',
    key,
    rule,
    desc,
    start: rt.now,
    window: rule.window,
    created: rt.now,
    events: [],
    counts: rule.members.map(() => 0),
    action: rt.freeze(rule.action, values),
    init: rule.init === null ? null : rt.freeze(rule.init, values),
    slide: rule.slide === null ? null : rt.freeze(rule.slide, values),
    end: rule.end === null ? null : rt.freeze(rule.end, values),
    suppressed: false,
    busy: 'init',
  };
  rt.operations.set(op);
  if (op.init !== null) rt.run(op.init, desc);
  // RT-eg-create: an init that ended the operation (reset 0) drops the event.
  if (!rt.operations.isLive(op)) return undefined;
  op.busy = null;
  return op;
}

/** RT-eg-record: append (now, member, token) unless suppressed; the token is `$`-substituted per event. */
function record(op: EventGroupOperation, index: number, values: MatchValues | null, rt: RuleRuntime): void {
  const rule = op.rule;
  const member = rule.members[index];
  let token: string | null = null;
  if (rule.egpattern !== null) token = rt.subst(member?.token ?? String(index + 1), values);
  op.events.push({ time: rt.now, member: index, token });
  op.counts[index] = (op.counts[index] ?? 0) + 1;
}

/**
 * EventGroup[N] (RT-eg-*): one operation per desc counts the events of N members in a sliding
 * window; `action` runs when every member reached its threshold and the egpattern (if any)
 * matches the window's tokens. multact=no then swallows events (count still runs) until the
 * window runs out; multact=yes keeps recording, firing and sliding.
 */
export const eventGroup: RuleHandler<EventGroupRule, EventGroupOperation> = {
  // TM-cleanup step 5.
  expire(op, rt) {
    if (expired(op, rt.now)) endOfWindow(op, rt);
  },

  member(rule, index, values, rt) {
    const desc = rt.subst(rule.desc, values);
    const key = operationKey(rule.file, rule.number, desc);
    let live = rt.operations.get(key);
    // RT-expiry-where (b): the expiry behaviour first, then the new event.
    if (isEventGroup(live) && expired(live, rt.now)) {
      endOfWindow(live, rt);
      live = rt.operations.get(key);
    }
    const op = isEventGroup(live) ? live : create(rule, key, desc, values, rt);
    if (op === undefined) return;
    // RT-eg-record: recorded before count runs, so count sees the event in the window.
    if (!op.suppressed) record(op, index, values, rt);
    const count = rule.members[index]?.count ?? null;
    // RT-freeze exception: count lists get the current event's values.
    if (count !== null) rt.run(rt.freeze(count, values), desc);
    if (!rt.operations.isLive(op) || op.suppressed) return;
    // RT-eg-fire: thresholds first, the egpattern only once they all hold.
    if (!thresholdsHold(op) || !groupMatches(op)) return;
    // Suppress first: a setwpos run by the action then sees a suppressing operation.
    if (!rule.multact) op.suppressed = true;
    rt.run(op.action, desc);
  },

  // ACT-setwpos (the engine checked start <= time <= now).
  setwpos(op, time, rt) {
    // SEC: refused while init runs or the operation is terminating; no-op at the same position.
    if (op.busy !== null || time === op.start) return;
    if (op.suppressed) {
      op.start = time;
      return;
    }
    // The `slide` list does not run; no events left → `end` and delete.
    if (dropBefore(op, time, true) === 0) terminate(op, rt);
  },
};
