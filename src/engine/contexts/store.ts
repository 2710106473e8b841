import type { ContextPort, ExpiryTask, Logger, LogLevel } from '../../actions/ports.js';
import type { ActionList } from '../../config/action-list/index.js';
import { type ContextRecord, isStale, listOrNull, moveCtime } from './context.js';
import {
  aliasGoneOrDeleting,
  goneOrDeleting,
  type InternalRefusal,
  internalRefused,
  type MissingVerb,
  missingContext,
  type StoreMode,
  storeFull,
  storeIntent,
} from './messages.js';
import type { ContextSnapshot } from './snapshot.js';
import { storeText } from './store-text.js';
import { ContextTable } from './table.js';

const WARN: LogLevel = 3;
const DEBUG: LogLevel = 6;

export interface ContextStoreOptions {
  /** OPT-evstoresize: the maximum number of lines per store; 0 = no limit. */
  readonly evstoresize: number;
  readonly logger: Logger;
  /** Runs an expiry action list (the action runner binds `_THIS` to task.thisName while it runs). */
  readonly runExpiry: (task: ExpiryTask, now: number) => void;
  /** SEC's start time: the creation time the internal context reports. Default 0. */
  readonly startTime?: number;
  /** The most verbose level that is logged (OPT-debug); debug text is not built above it. Default 6. */
  readonly logLevel?: LogLevel;
}

/**
 * SEC's contexts (sec-features 3.2): one global namespace where several names may share one
 * context object. Deterministic: every time comes in as `now` (integer epoch seconds).
 * Only `check`, `cleanup`, `obsolete` and `setLifetime` look at expiry (CTX-expiry-when); every
 * other method sees a stale context that has not been collected yet as present.
 */
export class ContextStore implements ContextPort {
  readonly #table: ContextTable;
  readonly #evstoresize: number;
  readonly #logger: Logger;
  readonly #debug: boolean;

  constructor(opts: ContextStoreOptions) {
    this.#evstoresize = opts.evstoresize;
    this.#logger = opts.logger;
    this.#debug = (opts.logLevel ?? DEBUG) >= DEBUG;
    this.#table = new ContextTable(opts.logger, opts.runExpiry, this.#debug, opts.startTime ?? 0);
  }

  get count(): number {
    return this.#table.count;
  }

  /** Contexts expired so far (collected when stale, or obsoleted): for metrics. */
  get expired(): number {
    return this.#table.expired;
  }

  // --- expiry (CX-name, TM-cleanup, CTX-expiry-action) -------------------------------------

  /** CX-name: true if the context exists and is not stale; a stale one is expired right here. */
  check(name: string, now: number): boolean {
    const ctx = this.#table.get(name);
    return ctx !== undefined && this.#table.validate(name, ctx, now);
  }

  /** TM-cleanup step 1: expires every stale context, visiting them in creation order. */
  cleanup(now: number): void {
    this.#table.cleanup(now);
  }

  // --- lifecycle (ACT-create .. ACT-unalias) ------------------------------------------------

  create(name: string, lifetime: number, actions: ActionList | null, desc: string, now: number): void {
    if (this.#debug) this.#logger.log(DEBUG, `Creating context '${name}'`);
    const ctx = this.#table.get(name);
    if (ctx === undefined) {
      this.#table.insert(name, lifetime, actions, desc, now);
    } else if (ctx.internal) {
      this.#logger.log(WARN, internalRefused('create', name));
    } else {
      // CTX-recreate: new ctime, lifetime, list and %s, empty store; names and init time kept.
      ctx.ctime = now;
      ctx.lifetime = lifetime;
      ctx.actions = listOrNull(actions);
      ctx.desc = desc;
      ctx.store.clear();
    }
  }

  set(name: string, lifetime: number | null, actions: ActionList | null, desc: string, now: number): void {
    if (this.#debug) this.#logger.log(DEBUG, `Changing settings for context '${name}'`);
    const ctx = this.#writable(name, 'set', 'change settings');
    if (ctx === undefined) return;
    // CTX-set-extend: a lifetime restarts the clock; `-` (null) leaves ctime and lifetime alone.
    if (lifetime !== null) {
      ctx.ctime = now;
      ctx.lifetime = lifetime;
    }
    const list = listOrNull(actions);
    if (list !== null) {
      ctx.actions = list;
      ctx.desc = desc;
    }
  }

  delete(name: string): void {
    if (this.#debug) this.#logger.log(DEBUG, `Deleting context '${name}'`);
    const ctx = this.#table.get(name);
    if (ctx === undefined || ctx.expiring) {
      if (this.#debug) this.#logger.log(DEBUG, goneOrDeleting(name));
    } else if (ctx.internal) {
      this.#logger.log(WARN, internalRefused('delete', name));
    } else {
      // CTX-alias: through any name, all names go, and the expiry list does not run.
      this.#table.removeAll(ctx, 'Context');
    }
  }

  obsolete(name: string, now: number): void {
    if (this.#debug) this.#logger.log(DEBUG, `Obsoleting context '${name}'`);
    const ctx = this.#table.get(name);
    if (ctx === undefined || ctx.expiring) {
      if (this.#debug) this.#logger.log(DEBUG, goneOrDeleting(name));
    } else if (ctx.internal) {
      this.#logger.log(WARN, internalRefused('obsolete', name));
    } else {
      // ACT-obsolete: SEC sets the lifetime to -1 and checks the context.
      ctx.lifetime = -1;
      this.#table.validate(name, ctx, now);
    }
  }

  alias(name: string, alias: string): void {
    if (this.#debug) this.#logger.log(DEBUG, `Creating alias '${alias}' for context '${name}'`);
    const ctx = this.#table.get(name);
    if (ctx === undefined) {
      this.#logger.log(WARN, missingContext(name, 'create alias'));
    } else if (this.#table.has(alias)) {
      if (this.#debug) this.#logger.log(DEBUG, `Alias '${alias}' already exists`);
    } else if (ctx.internal) {
      this.#logger.log(WARN, internalRefused('alias', name));
    } else {
      this.#table.addName(ctx, alias);
    }
  }

  unalias(alias: string): void {
    if (this.#debug) this.#logger.log(DEBUG, `Removing alias '${alias}'`);
    const ctx = this.#table.get(alias);
    if (ctx === undefined || ctx.expiring) {
      if (this.#debug) this.#logger.log(DEBUG, aliasGoneOrDeleting(alias));
    } else if (ctx.internal) {
      this.#logger.log(WARN, internalRefused('unalias', alias));
    } else {
      // ACT-unalias: the last name gone is a silent delete (no expiry list).
      if (this.#table.removeName(ctx, alias) && this.#debug) {
        this.#logger.log(DEBUG, `Alias '${alias}' was the last reference to a context`);
      }
    }
  }

  /** The context `name` if it exists and is not internal; otherwise SEC's warning and undefined. */
  #writable(name: string, action: InternalRefusal, verb: MissingVerb): ContextRecord | undefined {
    const ctx = this.#table.get(name);
    if (ctx === undefined) this.#logger.log(WARN, missingContext(name, verb));
    else if (ctx.internal) this.#logger.log(WARN, internalRefused(action, name));
    else return ctx;
    return undefined;
  }

  // --- the event store (ACT-add .. ACT-trim) ------------------------------------------------

  add(name: string, text: string, now: number): void {
    this.#store('add', name, text, now);
  }

  prepend(name: string, text: string, now: number): void {
    this.#store('prepend', name, text, now);
  }

  fill(name: string, text: string, now: number): void {
    this.#store('fill', name, text, now);
  }

  #store(mode: StoreMode, name: string, text: string, now: number): void {
    if (this.#debug) this.#logger.log(DEBUG, storeIntent(mode, name, text));
    // CTX-autocreate: infinite lifetime, no list, %s '' (even when the text adds nothing).
    const ctx = this.#table.get(name) ?? this.#table.insert(name, 0, null, '', now);
    if (ctx.internal) {
      this.#logger.log(WARN, internalRefused(mode, name));
      return;
    }
    if (!storeText(ctx.store, mode, text, now, this.#evstoresize)) {
      this.#logger.log(WARN, storeFull(mode, name, text));
    }
  }

  lines(name: string): readonly string[] | undefined {
    return this.#table.get(name)?.store.lines;
  }

  empty(name: string): string[] | undefined {
    return this.#table.get(name)?.store.clear();
  }

  pop(name: string): string | undefined {
    const ctx = this.#table.get(name);
    return ctx === undefined ? undefined : (ctx.store.pop() ?? '');
  }

  shift(name: string): string | undefined {
    const ctx = this.#table.get(name);
    return ctx === undefined ? undefined : (ctx.store.shift() ?? '');
  }

  trim(name: string, before: number): string[] | undefined {
    return this.#table.get(name)?.store.trim(before);
  }

  // --- queries (ACT-exists .. ACT-getctime): none of them checks expiry (CTX-expiry-when) ----

  ctime(name: string): number | undefined {
    return this.#table.get(name)?.ctime;
  }

  exists(name: string): boolean {
    return this.#table.has(name);
  }

  size(name: string): number | undefined {
    return this.#table.get(name)?.store.size;
  }

  aliases(name: string): string[] | undefined {
    const ctx = this.#table.get(name);
    return ctx === undefined ? undefined : [...ctx.names];
  }

  lifetime(name: string): number | undefined {
    return this.#table.get(name)?.lifetime;
  }

  // --- ACT-setltime, ACT-setctime --------------------------------------------------------------

  setLifetime(name: string, lifetime: number, now: number): void {
    if (this.#debug) this.#logger.log(DEBUG, `Setting the lifetime of context '${name}' to '${lifetime}'`);
    const ctx = this.#writable(name, 'setltime', 'set lifetime');
    if (ctx === undefined) return;
    ctx.lifetime = lifetime;
    // ACT-setltime: a lifetime that has already run out expires the context right away.
    if (isStale(ctx, now)) {
      if (this.#debug) {
        this.#logger.log(DEBUG, `Context '${name}' has become stale after lifetime adjustment`);
      }
      this.#table.validate(name, ctx, now);
    }
  }

  setCtime(name: string, time: number, now: number): void {
    // SEC prints localtime(TIME); the engine has no clock or time zone, so the epoch is logged.
    if (this.#debug) this.#logger.log(DEBUG, `Setting the creation time of context '${name}' to '${time}'`);
    const ctx = this.#writable(name, 'setctime', 'set creation time');
    if (ctx === undefined) return;
    const verdict = moveCtime(ctx, time, now);
    if (verdict === 'backwards' || verdict === 'future') {
      const where = verdict === 'future' ? 'into future' : 'backwards';
      this.#logger.log(WARN, `Can't set context creation time ${where} to '${time}'`);
    } else if (verdict === 'same' && this.#debug) {
      this.#logger.log(DEBUG, `Context creation time already set to '${time}'`);
    }
  }

  // --- internal contexts, restarts, dumps ----------------------------------------------------

  /**
   * CTX-internal: `name` becomes the internal context of the event being processed (one shared
   * object flagged internal) until clearInternal(). A user context of that name loses the name.
   */
  setInternal(name: string): void {
    this.#table.setInternal(name);
  }

  clearInternal(): void {
    this.#table.clearInternal();
  }

  /** CTX-restarts: SIGHUP drops every context and runs no expiry list. */
  clear(): void {
    this.#table.clear();
  }

  /** For dumps and metrics: every user context, copied (names, times, list, lines and their times). */
  snapshot(): readonly ContextSnapshot[] {
    return this.#table.snapshot();
  }
}
