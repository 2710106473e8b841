import type { Command } from '../../actions/ports.js';
import type { ActionList } from '../../config/action-list/index.js';
import type { MatchValues } from '../../config/template/index.js';
import type { Operations } from '../operations.js';

/** What a rule type needs from the engine once its pattern and context matched (RT-match). */
export interface RuleRuntime {
  readonly now: number;
  readonly operations: Operations;
  /** Runs an action list (already frozen) with %s = desc. */
  run(list: ActionList, desc: string): void;
  /** RT-freeze: the list with the creating event's `$` values; unchanged when the pattern set none. */
  freeze(list: ActionList, values: MatchValues | null): ActionList;
  /** `$`-substitution of desc-like text (never `%`: RT-desc-pct); unchanged when values is null. */
  subst(text: string, values: MatchValues | null): string;
  /** RT-swscript: start the script with the context names on stdin; `done` runs when it is reaped. */
  script(command: Command, done: (exitCode: number) => void): void;
}

/** One handler per rule type; the rule loop calls it after a full match. */
export interface RuleHandler<R> {
  matched(rule: R, values: MatchValues | null, rt: RuleRuntime): void;
}
