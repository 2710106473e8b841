import type { ContextRecord } from './context.js';
import { EventStore } from './event-store.js';

/**
 * SEC CTX-internal / IE-intcontext: one shared object, flagged internal, is made visible under the
 * name of the current event's internal context (`_FILE_EVENT_<file>`, `_INTERNAL_EVENT`, an
 * `--input=f=NAME` name, a cspawn/cevent name) only while that event is processed.
 */
export class InternalSlot {
  /** The shared object: infinite lifetime, empty store, `%s` 'SEC internal', never expires. */
  readonly record: ContextRecord;
  #name: string | null = null;

  constructor(startTime: number) {
    this.record = {
      names: new Set(),
      initTime: startTime,
      ctime: startTime,
      lifetime: 0,
      actions: null,
      desc: 'SEC internal',
      store: new EventStore(),
      internal: true,
      expiring: false,
      seq: -1,
    };
  }

  /** The name the internal context currently has, or null between events. */
  get name(): string | null {
    return this.#name;
  }

  /**
   * Puts the internal object under `name`. SEC assigns `$context_list{NAME} = $int_context` and
   * deletes the key after the event, so a user context of that name loses the name for good (and,
   * if it was its only name, is gone, without its expiry list running) [code].
   */
  enter(name: string, byName: Map<string, ContextRecord>, all: Set<ContextRecord>): void {
    this.leave(byName);
    const user = byName.get(name);
    if (user !== undefined && !user.internal) {
      user.names.delete(name);
      if (user.names.size === 0) all.delete(user);
    }
    this.record.names.add(name);
    byName.set(name, this.record);
    this.#name = name;
  }

  /** Removes the internal name after the event. */
  leave(byName: Map<string, ContextRecord>): void {
    const name = this.#name;
    if (name === null) return;
    if (byName.get(name) === this.record) byName.delete(name);
    this.record.names.clear();
    this.#name = null;
  }
}
