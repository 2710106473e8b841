import { type HandlerTable, LOG, type RunContext } from './run-context.js';
import { parseTrimTime } from './values.js';

/**
 * SEC ACT-copy .. ACT-trim and ACT-exists .. ACT-getctime: reading a context's event store and
 * attributes into action-list variables. None of them checks expiry (CTX-expiry-when): they see
 * what the store holds. Variable names are fixed at load (AL-var-check) and never expanded.
 */
export const STORE_HANDLERS = {
  // SEC ACT-copy: the lines joined with "\n"; a missing context leaves %v unchanged.
  copy: (a, cx) => {
    const name = cx.expand(a, a.context);
    cx.log(LOG.debug, `Copying context '${name}' to variable '%${a.variable}'`);
    const lines = cx.ports.contexts.lines(name);
    if (lines === undefined) cx.log(LOG.warn, `Context '${name}' does not exist, can't copy`);
    else assign(a.variable, lines.join('\n'), cx);
    return 1;
  },
  // SEC ACT-empty: like copy (when %v is given), then the store is cleared.
  empty: (a, cx) => {
    const name = cx.expand(a, a.context);
    cx.log(LOG.debug, `Emptying the event store of context '${name}'`);
    const removed = cx.ports.contexts.empty(name);
    if (removed === undefined) cx.log(LOG.warn, `Context '${name}' does not exist, can't empty`);
    else if (a.variable !== null) assign(a.variable, removed.join('\n'), cx);
    return 1;
  },
  // SEC ACT-pop / ACT-shift: an empty store gives "" (the port's), a missing context no change.
  pop: (a, cx) => {
    const name = cx.expand(a, a.context);
    cx.log(LOG.debug, `Pop the last element of context '${name}' event store into variable '%${a.variable}'`);
    const value = cx.ports.contexts.pop(name);
    if (value === undefined) cx.log(LOG.warn, `Context '${name}' does not exist, can't pop`);
    else assign(a.variable, value, cx);
    return 1;
  },
  shift: (a, cx) => {
    const name = cx.expand(a, a.context);
    cx.log(
      LOG.debug,
      `Shift the first element of context '${name}' event store into variable '%${a.variable}'`,
    );
    const value = cx.ports.contexts.shift(name);
    if (value === undefined) cx.log(LOG.warn, `Context '${name}' does not exist, can't shift`);
    else assign(a.variable, value, cx);
    return 1;
  },
  // SEC ACT-trim (2.9.4, VD-trim): lines stored strictly before TIME go, joined into %v ("" if none).
  trim: (a, cx) => {
    const time = cx.expand(a, a.time);
    const name = cx.expand(a, a.context);
    cx.log(LOG.debug, `Trimming the event store of context '${name}' at '${time}'`);
    const before = trimBefore(time, name, cx);
    if (before === null) return 1;
    const removed = cx.ports.contexts.trim(name, before);
    if (removed === undefined) cx.log(LOG.warn, `Context '${name}' does not exist, can't trim`);
    else if (a.variable !== null) assign(a.variable, removed.join('\n'), cx);
    return 1;
  },
  // SEC ACT-exists: "1" or "0" (note the order: variable first).
  exists: (a, cx) => {
    const name = cx.expand(a, a.context);
    cx.log(LOG.debug, `Checking the presence of context '${name}'`);
    assign(a.variable, cx.ports.contexts.exists(name) ? '1' : '0', cx);
    return 1;
  },
  // SEC ACT-getsize: a missing context makes %v undef (unlike the other get* actions).
  getsize: (a, cx) => {
    const name = cx.expand(a, a.context);
    cx.log(LOG.debug, `Finding the size of context '${name}' event store`);
    const size = cx.ports.contexts.size(name);
    if (size === undefined) {
      cx.ports.variables.set(a.variable, undefined);
      cx.log(LOG.debug, `Context '${name}' does not exist, variable '%${a.variable}' set to undef`);
    } else {
      assign(a.variable, String(size), cx);
    }
    return 1;
  },
  getaliases: (a, cx) => {
    const name = cx.expand(a, a.context);
    cx.log(LOG.debug, `Assigning aliases of context '${name}' to variable '%${a.variable}'`);
    const names = cx.ports.contexts.aliases(name);
    if (names === undefined) cx.log(LOG.warn, `Context '${name}' does not exist, can't get aliases`);
    else assign(a.variable, names.join('\n'), cx);
    return 1;
  },
  getltime: (a, cx) => {
    const name = cx.expand(a, a.context);
    cx.log(LOG.debug, `Assigning the lifetime of context '${name}' to variable '%${a.variable}'`);
    const lifetime = cx.ports.contexts.lifetime(name);
    if (lifetime === undefined) cx.log(LOG.warn, `Context '${name}' does not exist, can't get lifetime`);
    else assign(a.variable, String(lifetime), cx);
    return 1;
  },
  getctime: (a, cx) => {
    const name = cx.expand(a, a.context);
    cx.log(LOG.debug, `Assigning the creation time of context '${name}' to variable '%${a.variable}'`);
    const ctime = cx.ports.contexts.ctime(name);
    if (ctime === undefined) cx.log(LOG.warn, `Context '${name}' does not exist, can't get creation time`);
    else assign(a.variable, String(ctime), cx);
    return 1;
  },
} as const satisfies HandlerTable<
  'copy' | 'empty' | 'pop' | 'shift' | 'trim' | 'exists' | 'getsize' | 'getaliases' | 'getltime' | 'getctime'
>;

function assign(variable: string, value: string, cx: RunContext): void {
  cx.ports.variables.set(variable, value);
  cx.log(LOG.debug, `Variable '%${variable}' set to '${value}'`);
}

/** SEC ACT-trim TIME: epoch, `-T` = now - T, `+T` = the context's current ctime + T; null = refused. */
function trimBefore(time: string, name: string, cx: RunContext): number | null {
  const parsed = parseTrimTime(time);
  if (parsed === null) {
    cx.log(LOG.warn, `Invalid timestamp '${time}' for trimming context '${name}'`);
    return null;
  }
  if (parsed.kind === 'epoch') return parsed.time;
  if (parsed.kind === 'ago') return cx.env.now - parsed.seconds;
  const ctime = cx.ports.contexts.ctime(name);
  if (ctime === undefined) {
    cx.log(LOG.warn, `Context '${name}' does not exist, can't trim`);
    return null;
  }
  return ctime + parsed.seconds;
}
