import type { Command } from '../../actions/ports.js';
import type { ActionList } from '../../config/action-list/index.js';
import type { ContextSpec } from '../../config/context-expr/index.js';
import type { Pattern, Rule, VarMapItem } from '../../config/rules/types.js';
import type { MatchValues } from '../../config/template/index.js';
import type { MatchOutcome } from '../match.js';
import type { Operation, Operations } from '../operations.js';

/** What a rule type needs from the engine (RT-*). Everything is at the current time `now`. */
export interface RuleRuntime {
  readonly now: number;
  readonly operations: Operations;
  /** Runs an action list (already frozen) with %s = desc. */
  run(list: ActionList, desc: string): void;
  /** RT-freeze: the list with an event's `$` values (match cache refs included); unchanged when values is null. */
  freeze(list: ActionList, values: MatchValues | null): ActionList;
  /** VAR-shadow: the `%N` pass with pattern1's values, for Pair context2/desc2/action2. */
  freezeShadow(list: ActionList, values: MatchValues): ActionList;
  /** `$`-substitution of desc-like text (never `%`: RT-desc-pct); unchanged when values is null. */
  subst(text: string, values: MatchValues | null): string;
  /** VAR-shadow for a string (desc2, context2 names, pattern2 source). */
  substShadow(text: string, values: MatchValues): string;
  /** Matches a pattern against the current event (Pair's pattern2 per operation). */
  match(pattern: Pattern, varmap: readonly VarMapItem[]): MatchOutcome;
  /** Evaluates a context expression for the current event with these values (null: no substitution). */
  contextTrue(context: ContextSpec, values: MatchValues | null): boolean;
  /** Logs through the engine's logger (SEC log levels). */
  log(level: 1 | 2 | 3 | 4 | 5 | 6, message: string): void;
  /** Counts a full match of `rule` for statistics (Calendar firings, each Pair operation closed). */
  countMatch(rule: Rule): void;
  /** RT-swscript: start the script with the context names on stdin; `done` runs when it is reaped. */
  script(command: Command, done: (exitCode: number) => void): void;
  /** The local time of `now` for Calendar rules: minute, hour, day (1-31), month (0-11), year (full), weekday (0-6). */
  localTime(): {
    minute: number;
    hour: number;
    day: number;
    month: number;
    year: number;
    weekday: number;
    lastDayOfMonth: boolean;
  };
}

/**
 * One handler per rule type. `matched` runs after a full match (RT-match). Optional hooks:
 * `unmatched` for Pair/PairWithWindow when pattern1 did not match (RT-pair-close; return true if
 * some operation consumed the event, so continue2 applies); `member` instead of `matched` for
 * EventGroup (the index of the member that matched, RT-eg-match); `expire` at each cleanup pass
 * for every live operation of the type, which decides itself whether the window ran out
 * (TM-cleanup step 5); `tick` for Calendar rules at each cleanup pass (RT-calendar).
 */
export interface RuleHandler<R, O extends Operation = Operation> {
  matched?(rule: R, values: MatchValues | null, rt: RuleRuntime): void;
  unmatched?(rule: R, rt: RuleRuntime): boolean;
  member?(rule: R, index: number, values: MatchValues | null, rt: RuleRuntime): void;
  expire?(op: O, rt: RuleRuntime): void;
  tick?(rule: R, rt: RuleRuntime): void;
  /** ACT-setwpos for this type (the engine has already checked start <= time <= now). */
  setwpos?(op: O, time: number, rt: RuleRuntime): void;
}
