import type { ActionList } from '../../config/action-list/index.js';
import { EventStore } from './event-store.js';

/**
 * One context object (sec-features CTX-model). Several names may map to the same record
 * (CTX-alias); the record keeps its own set of names so that delete and expiry can remove them
 * all. Mutable on purpose: the store is the only owner and changes it in place.
 */
export interface ContextRecord {
  /** Every name of the context, in the order they were added (HP-hash-order). */
  readonly names: Set<string>;
  /** VD-trim: the time of the first creation; a re-create keeps it (CTX-recreate). */
  readonly initTime: number;
  /** The creation time: create, set with a lifetime, and setctime move it. */
  ctime: number;
  /** Seconds; 0 = infinite (CTX-lifetime); -1 while `obsolete` expires it (ACT-obsolete). */
  lifetime: number;
  /** The expiry action list, or null (an empty list counts as none, as in SEC). */
  actions: ActionList | null;
  /** The `%s` saved with the expiry list (CTX-expiry-action). */
  desc: string;
  readonly store: EventStore;
  /** CTX-internal: the shared internal-context object; every changing action is refused on it. */
  readonly internal: boolean;
  /** SEC's DeleteInProgress: the expiry list is running; delete/obsolete/unalias are refused. */
  expiring: boolean;
  /** Creation order, so that a cleanup pass skips contexts created during that pass. */
  readonly seq: number;
}

/** An empty expiry list is no list: SEC tests `scalar(@{$list})` before running or replacing one. */
export function listOrNull(actions: ActionList | null): ActionList | null {
  return actions !== null && actions.actions.length > 0 ? actions : null;
}

export function newContext(
  name: string,
  lifetime: number,
  actions: ActionList | null,
  desc: string,
  now: number,
  seq: number,
): ContextRecord {
  return {
    names: new Set([name]),
    initTime: now,
    ctime: now,
    lifetime,
    actions: listOrNull(actions),
    desc,
    store: new EventStore(),
    internal: false,
    expiring: false,
    seq,
  };
}

/** SEC CTX-lifetime: valid while `now - ctime <= lifetime` (inclusive); lifetime 0 never expires. */
export function isStale(ctx: ContextRecord, now: number): boolean {
  return ctx.lifetime !== 0 && now - ctx.ctime > ctx.lifetime;
}

/** The name a context is reached by in a cleanup pass: its oldest remaining name. */
export function firstName(ctx: ContextRecord): string {
  for (const name of ctx.names) return name;
  return '';
}

/** ACT-setctime: the creation time moves only forward, and not past now. */
export function moveCtime(
  ctx: ContextRecord,
  time: number,
  now: number,
): 'backwards' | 'future' | 'same' | 'moved' {
  if (time < ctx.ctime) return 'backwards';
  if (time > now) return 'future';
  if (time === ctx.ctime) return 'same';
  ctx.ctime = time;
  return 'moved';
}
