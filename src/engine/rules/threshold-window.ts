import type { Operation } from '../operations.js';
import type { RuleRuntime } from './runtime.js';

/**
 * The counting window shared by SingleWithThreshold and SingleWith2Thresholds (RT-swt,
 * RT-sw2t): the occurrence times of the counted events, oldest first, and the window start.
 */
export interface CountingOperation extends Operation {
  /** Occurrence times (integer seconds), oldest first; never older than `start` while counting. */
  readonly times: number[];
}

/**
 * RT-window-incl: the window ran out once `now - start > window`. Both rule types require
 * window > 0 (CF-int), so unlike Pair there is no "0 = infinite" case: the comparison is SEC's own.
 */
export function windowOver(op: Operation, now: number): boolean {
  return now - op.start > op.window;
}

/** Drops every time older than `cutoff` (times equal to it stay: RT-window-incl). */
function dropBefore(times: number[], cutoff: number): void {
  let n = 0;
  while (n < times.length && (times[n] as number) < cutoff) n++;
  if (n > 0) times.splice(0, n);
}

/**
 * RT-swt-slide: forget the times that fell out of the window ending now (older than
 * `now - window`); the new start is the oldest remaining time. Returns false when none remain,
 * in which case the caller deletes the operation silently.
 */
export function slide(op: CountingOperation, now: number): boolean {
  const cutoff = now - op.window;
  dropBefore(op.times, cutoff);
  const oldest = op.times[0];
  op.start = oldest ?? cutoff;
  return oldest !== undefined;
}

/**
 * ACT-setwpos while counting: forget the times older than `time` and put the start exactly at
 * `time` (not at the oldest remaining time). Returns false when none remain.
 */
export function moveStart(op: CountingOperation, time: number): boolean {
  dropBefore(op.times, time);
  op.start = time;
  return op.times.length > 0;
}

/**
 * RT-expiry-where (b): the live operation of `key`, after running the expiry behaviour of one
 * whose window ran out but was not collected yet (which may end it). Undefined if none is left.
 */
export function liveOperation<O extends Operation>(
  rt: RuleRuntime,
  key: string,
  is: (op: Operation | undefined) => op is O,
  endOfWindow: (op: O, rt: RuleRuntime) => void,
): O | undefined {
  const found = rt.operations.get(key);
  if (!is(found)) return undefined;
  if (!windowOver(found, rt.now)) return found;
  endOfWindow(found, rt);
  const after = rt.operations.get(key);
  return is(after) ? after : undefined;
}
