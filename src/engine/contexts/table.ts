import type { ExpiryTask, Logger } from '../../actions/ports.js';
import type { ActionList } from '../../config/action-list/index.js';
import { type ContextRecord, firstName, isStale, newContext } from './context.js';
import { InternalSlot } from './internal.js';
import { type ContextSnapshot, toSnapshot } from './snapshot.js';

/**
 * The one global context namespace (sec-features CTX-model) and its expiry machinery: names map
 * to context objects, several names may share one object (CTX-alias), and a stale context is
 * expired by running its list once and then removing all its names (CTX-expiry-action).
 */
export class ContextTable {
  /** Every name, including the internal context's current one, to its object. */
  readonly #byName = new Map<string, ContextRecord>();
  /** Every user context once, in creation order (HP-hash-order: cleanup visits them this way). */
  readonly #all = new Set<ContextRecord>();
  readonly #internal: InternalSlot;
  readonly #logger: Logger;
  readonly #runExpiry: (task: ExpiryTask, now: number) => void;
  readonly #debug: boolean;
  #seq = 0;
  /** Contexts expired since start (stale ones collected, obsoleted ones): metrics read it. */
  #expired = 0;

  constructor(
    logger: Logger,
    runExpiry: (task: ExpiryTask, now: number) => void,
    debug: boolean,
    startTime: number,
  ) {
    this.#logger = logger;
    this.#runExpiry = runExpiry;
    this.#debug = debug;
    this.#internal = new InternalSlot(startTime);
  }

  get count(): number {
    return this.#all.size;
  }

  get expired(): number {
    return this.#expired;
  }

  get(name: string): ContextRecord | undefined {
    return this.#byName.get(name);
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  insert(
    name: string,
    lifetime: number,
    actions: ActionList | null,
    desc: string,
    now: number,
  ): ContextRecord {
    const ctx = newContext(name, lifetime, actions, desc, now, this.#seq++);
    this.#byName.set(name, ctx);
    this.#all.add(ctx);
    return ctx;
  }

  addName(ctx: ContextRecord, name: string): void {
    ctx.names.add(name);
    this.#byName.set(name, ctx);
  }

  /** Removes one name; the context goes when it was the last one (ACT-unalias). */
  removeName(ctx: ContextRecord, name: string): boolean {
    ctx.names.delete(name);
    this.#byName.delete(name);
    if (ctx.names.size > 0) return false;
    this.#all.delete(ctx);
    return true;
  }

  /** Removes every name of `ctx` (delete, and the end of expiry); no expiry list runs here. */
  removeAll(ctx: ContextRecord, what: 'Context' | 'Stale context'): void {
    for (const name of ctx.names) {
      if (this.#byName.get(name) === ctx) this.#byName.delete(name);
      if (this.#debug) this.#logger.log(6, `${what} '${name}' deleted`);
    }
    this.#all.delete(ctx);
  }

  /** SEC valid_context(): true if valid; a stale context is expired here and false returned. */
  validate(name: string, ctx: ContextRecord, now: number): boolean {
    if (!isStale(ctx, now)) return true;
    // CTX-expiry-action: re-entered while its own list runs, it is stale but not expired twice.
    if (ctx.expiring) return false;
    this.#expired++;
    if (this.#debug) this.#logger.log(6, `Deleting stale context '${name}'`);
    const actions = ctx.actions;
    if (actions === null) {
      this.removeAll(ctx, 'Stale context');
      return false;
    }
    ctx.expiring = true;
    try {
      this.#runExpiry({ thisName: name, actions, desc: ctx.desc }, now);
    } finally {
      // Every name goes after the list, including aliases it added: a `set` or `create` inside
      // the list cannot revive the context.
      this.removeAll(ctx, 'Stale context');
    }
    return false;
  }

  /** TM-cleanup step 1. */
  cleanup(now: number): void {
    // Contexts created by an expiry list during this pass wait for the next one, as SEC's
    // `foreach (keys %context_list)` works on the keys taken before the pass. Set iteration
    // tolerates the deletions expiry lists make meanwhile.
    const limit = this.#seq;
    for (const ctx of this.#all) {
      if (ctx.seq < limit && isStale(ctx, now)) this.validate(firstName(ctx), ctx, now);
    }
  }

  setInternal(name: string): void {
    this.#internal.enter(name, this.#byName, this.#all);
  }

  clearInternal(): void {
    this.#internal.leave(this.#byName);
  }

  clear(): void {
    this.#internal.leave(this.#byName);
    this.#byName.clear();
    this.#all.clear();
  }

  snapshot(): readonly ContextSnapshot[] {
    return Array.from(this.#all, toSnapshot);
  }
}
