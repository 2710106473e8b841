import type { ContextPort } from '../actions/ports.js';
import type { ActionList } from '../config/action-list/index.js';

const THIS = '_THIS';

/**
 * IE-this: while a context's expiry list runs, `_THIS` names that context. SEC keeps `_THIS` as
 * a real table entry; here the ports seen by that one list translate the name instead, which
 * also gives nested expiry its own `_THIS` (CTX-expiry-action).
 */
export function withThis(contexts: ContextPort, thisName: string): ContextPort {
  const n = (name: string): string => (name === THIS ? thisName : name);
  return {
    create: (name, lifetime, actions: ActionList | null, desc, now) =>
      contexts.create(n(name), lifetime, actions, desc, now),
    set: (name, lifetime, actions, desc, now) => contexts.set(n(name), lifetime, actions, desc, now),
    delete: (name) => contexts.delete(n(name)),
    obsolete: (name, now) => contexts.obsolete(n(name), now),
    alias: (name, alias) => contexts.alias(n(name), n(alias)),
    unalias: (alias) => contexts.unalias(n(alias)),
    add: (name, text, now) => contexts.add(n(name), text, now),
    prepend: (name, text, now) => contexts.prepend(n(name), text, now),
    fill: (name, text, now) => contexts.fill(n(name), text, now),
    lines: (name) => contexts.lines(n(name)),
    empty: (name) => contexts.empty(n(name)),
    pop: (name) => contexts.pop(n(name)),
    shift: (name) => contexts.shift(n(name)),
    trim: (name, before) => contexts.trim(n(name), before),
    ctime: (name) => contexts.ctime(n(name)),
    exists: (name) => contexts.exists(n(name)),
    size: (name) => contexts.size(n(name)),
    aliases: (name) => contexts.aliases(n(name)),
    lifetime: (name) => contexts.lifetime(n(name)),
    setLifetime: (name, lifetime, now) => contexts.setLifetime(n(name), lifetime, now),
    setCtime: (name, time, now) => contexts.setCtime(n(name), time, now),
  };
}
