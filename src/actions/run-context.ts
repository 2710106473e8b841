import type { Action, ActionKind, ActionList } from '../config/action-list/index.js';
import type { ActionPorts, LogLevel, RunEnv } from './ports.js';

/** SEC AL-control: 1 = the list ran to its end, 0 = `continue` was hit, -1 = `break`. */
export type Outcome = 1 | 0 | -1;

/** What every action handler gets: the run environment, the ports and the helpers built on them. */
export interface RunContext {
  readonly env: RunEnv;
  readonly ports: ActionPorts;
  /** ALV-*: `text` with action-list variables expanded (`%s` = env.desc); `node` keys the parse cache. */
  expand(node: object, text: string): string;
  /** OPT-quoting (shellcmd, spawn, cspawn): as expand, but `%s` is shell-quoted when env.quoting. */
  expandCommand(node: object, text: string): string;
  /** The current value of `%name` as expand sees it (if, while). */
  value(name: string): string | undefined;
  /** Runs a nested list (if, while) in the same environment. */
  runList(list: ActionList): Outcome;
  log(level: LogLevel, message: string): void;
}

/** SEC log levels by name, for readable handler code. */
export const LOG = { crit: 1, err: 2, warn: 3, notice: 4, info: 5, debug: 6 } as const satisfies Record<
  string,
  LogLevel
>;

type Narrow<A, K> = A extends { readonly kind: infer AK } ? (K extends AK ? A : never) : never;

/** The AST node type of one action keyword (some node types serve several keywords). */
export type ActionOf<K extends ActionKind> = Narrow<Action, K>;

/** Runs one action; returns its AL-control outcome (1 for every action but break/continue/if). */
export type Handler<K extends ActionKind> = (action: ActionOf<K>, cx: RunContext) => Outcome;

/** A family's handlers, one per keyword it owns; handlers.ts checks that all keywords are covered. */
export type HandlerTable<K extends ActionKind> = { readonly [P in K]: Handler<P> };
