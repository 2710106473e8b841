import type { ActionList } from '../../config/action-list/index.js';
import type { EventGroupRule } from '../../config/rules/types.js';
import type { Operation } from '../operations.js';

/** One recorded event of an EventGroup operation (SEC's AllTimes entry: time, member, token). */
export interface GroupEvent {
  readonly time: number;
  /** 0-based index of the member (pattern) that matched. */
  readonly member: number;
  /** RT-eg-egpattern: the egtoken, `$`-substituted with this event's values; null without egpattern. */
  readonly token: string | null;
}

/** An EventGroup operation (RT-eg-*). `start` is SEC's "Time": the window start. */
export interface EventGroupOperation extends Operation {
  readonly kind: 'EventGroup';
  readonly rule: EventGroupRule;
  /** When the operation was created (SEC's StartTime; dumps). */
  readonly created: number;
  /** Recorded events, oldest first (RT-eg-record). */
  readonly events: GroupEvent[];
  /** Per member: how many of `events` it matched (SEC's TimesList lengths). */
  readonly counts: number[];
  /** RT-freeze: substituted once with the `$` values of the event that created the operation. */
  readonly action: ActionList;
  readonly init: ActionList | null;
  readonly slide: ActionList | null;
  readonly end: ActionList | null;
  /** RT-eg-fire: set when `action` ran with multact=no; events are then no longer recorded. */
  suppressed: boolean;
  /** ACT-setwpos is refused while `init` runs or while `end` runs before deletion. */
  busy: 'init' | 'ending' | null;
}

/** Narrows whatever lives under a key to an EventGroup operation. */
export function isEventGroup(op: Operation | undefined): op is EventGroupOperation {
  return op?.kind === 'EventGroup';
}

/**
 * SEC update_times_eg: drop the events older than `from` (those with time < from). The window
 * start becomes `from` when `exact` (setwpos) or nothing is left, else the oldest remaining time
 * (RT-eg-slide: the window restarts at the earliest event still inside it).
 * Returns the number of events left.
 */
export function dropBefore(op: EventGroupOperation, from: number, exact: boolean): number {
  const events = op.events;
  let k = 0;
  while (k < events.length) {
    const e = events[k];
    if (e === undefined || e.time >= from) break;
    op.counts[e.member] = (op.counts[e.member] ?? 0) - 1;
    k++;
  }
  if (k > 0) events.splice(0, k);
  const oldest = events[0];
  op.start = exact || oldest === undefined ? from : oldest.time;
  return events.length;
}

/** RT-eg-fire: every member has at least its `thresh` events in the window. */
export function thresholdsHold(op: EventGroupOperation): boolean {
  const members = op.rule.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    if (m !== undefined && (op.counts[i] ?? 0) < m.thresh) return false;
  }
  return true;
}

/**
 * RT-eg-egpattern: the tokens of the window joined by single spaces, matched against egpattern
 * (no match variables are set). No egpattern: true. PerlFunc is rejected at load (VD-egtimes),
 * so it never matches here.
 */
export function groupMatches(op: EventGroupOperation): boolean {
  const eg = op.rule.egpattern;
  if (eg === null) return true;
  const text = op.events.map((e) => e.token ?? '').join(' ');
  switch (eg.kind) {
    case 'SubStr':
      return text.includes(eg.text) !== eg.negate;
    case 'RegExp':
      return eg.regex.test(text) !== eg.negate;
    case 'PerlFunc':
      return false;
  }
}
