import type { ExpiryTask, LogLevel } from '../../../src/actions/ports.js';
import type { ActionList } from '../../../src/config/action-list/index.js';
import { ContextStore } from '../../../src/engine/contexts/index.js';

export type ExpiryBody = (store: ContextStore, task: ExpiryTask, now: number) => void;

export interface Harness {
  readonly store: ContextStore;
  /** Every log line as `level message`. */
  readonly logs: string[];
  /** Every expiry the store asked for, as `thisName/desc@now`. */
  readonly expiries: string[];
  /** An expiry action list whose "run" is `body` (the fake runner looks it up). */
  list(body?: ExpiryBody): ActionList;
  /** Log lines at `level` only. */
  at(level: LogLevel): string[];
}

/** A store with a recording logger and a fake runner: each list carries its behaviour. */
export function harness(
  opts: { evstoresize?: number; startTime?: number; logLevel?: LogLevel } = {},
): Harness {
  const logs: string[] = [];
  const expiries: string[] = [];
  const bodies = new WeakMap<ActionList, ExpiryBody>();
  const store: ContextStore = new ContextStore({
    evstoresize: opts.evstoresize ?? 0,
    logger: { log: (level, message) => logs.push(`${level} ${message}`) },
    runExpiry: (task, now) => {
      expiries.push(`${task.thisName}/${task.desc}@${now}`);
      bodies.get(task.actions)?.(store, task, now);
    },
    ...(opts.startTime === undefined ? {} : { startTime: opts.startTime }),
    ...(opts.logLevel === undefined ? {} : { logLevel: opts.logLevel }),
  });
  return {
    store,
    logs,
    expiries,
    list(body) {
      const list: ActionList = { actions: [{ kind: 'none', offset: 0 }] };
      if (body !== undefined) bodies.set(list, body);
      return list;
    },
    at(level) {
      const prefix = `${level} `;
      return logs.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
    },
  };
}
