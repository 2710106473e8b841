import type { CalendarRule, CalendarSpec } from '../../config/rules/types.js';
import type { Operation } from '../operations.js';
import type { RuleHandler, RuleRuntime } from './runtime.js';

/** The local time of a cleanup pass, as RuleRuntime.localTime() gives it. */
type LocalTime = ReturnType<RuleRuntime['localTime']>;

/**
 * RT-calendar: the minute in which a Calendar rule last ran its action, kept as a record in the
 * engine's operation table under the reserved key `<file> | <rule> | (calendar)`.
 *
 * Why there and not in a module-level map: the state then belongs to one engine (two engines
 * built from the same rule objects never share it), it goes away exactly when SEC forgets it
 * (SIGHUP clears all operations and SEC re-creates every rule; SIGABRT drops the operations of the
 * changed files, whose rules SEC re-creates), and it needs no module-level mutable state (GUIDE).
 * A real operation key can never collide with it: no other rule has this rule's number, and a
 * Calendar rule creates no operations. Window 0 makes the generic cleanup step keep it forever.
 * The dump filters records of kind 'Calendar' out of the operation list (SEC shows none).
 */
export interface CalendarMark extends Operation {
  readonly kind: 'Calendar';
  /** SEC's LastActionMinute/Hour/Day/Month/Year; month 0-11, full year. */
  minute: number;
  hour: number;
  day: number;
  month: number;
  year: number;
}

/** The reserved operation key of a Calendar rule's last-run record. */
export function calendarKey(rule: CalendarRule): string {
  return `${rule.file} | ${rule.number} | (calendar)`;
}

/**
 * RT-cal-spec: does the spec allow this local time? Day and weekday are ANDed (unlike cron);
 * day 0 stands for the last day of the month; years are compared by their last two digits.
 */
export function calendarMatches(spec: CalendarSpec, t: LocalTime): boolean {
  return (
    spec.minutes.includes(t.minute) &&
    spec.hours.includes(t.hour) &&
    (spec.days.includes(t.day) || (t.lastDayOfMonth && spec.days.includes(0))) &&
    spec.months.includes(t.month) &&
    spec.weekdays.includes(t.weekday) &&
    spec.years.includes(t.year % 100)
  );
}

function sameMinute(mark: CalendarMark | undefined, t: LocalTime): boolean {
  return (
    mark !== undefined &&
    mark.minute === t.minute &&
    mark.hour === t.hour &&
    mark.day === t.day &&
    mark.month === t.month &&
    mark.year === t.year
  );
}

/**
 * RT-calendar: checked only in the cleanup pass (TM-cleanup step 4). When the current minute
 * matches and the action has not run in it yet, the context is evaluated as-is without match
 * variables (RT-cal-ctx); if it is true the action runs with %s = desc and the minute is
 * remembered, otherwise the rule is tried again at the next cleanup pass. No catch-up for
 * minutes in which no cleanup pass happened.
 */
export const calendar: RuleHandler<CalendarRule, CalendarMark> = {
  tick(rule, rt) {
    const t = rt.localTime();
    const key = calendarKey(rule);
    const found = rt.operations.get(key);
    const mark = found?.kind === 'Calendar' ? (found as CalendarMark) : undefined;
    if (sameMinute(mark, t)) return;
    if (!calendarMatches(rule.time, t)) return;
    if (rule.context !== null && !rt.contextTrue(rule.context, null)) return;
    const next: CalendarMark = {
      kind: 'Calendar',
      key,
      rule,
      desc: '(calendar)',
      start: rt.now,
      window: 0,
      minute: t.minute,
      hour: t.hour,
      day: t.day,
      month: t.month,
      year: t.year,
    };
    // Remember the minute before running: an action that fires a cleanup-time check cannot re-run it.
    rt.operations.set(next);
    rt.run(rule.action, rule.desc);
    rt.countMatch(rule); // SEC counts a Calendar firing as a match (dump statistics)
  },
  // The last-run record never expires on its own (window 0); it only goes with its rule file.
  expire() {},
};
