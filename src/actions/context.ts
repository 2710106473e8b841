import type { ActionList } from '../config/action-list/index.js';
import { type HandlerTable, LOG, type RunContext } from './run-context.js';
import { parseLifetimeOrKeep, parseUnsigned } from './values.js';

/**
 * SEC ACT-create .. ACT-fill, ACT-setltime, ACT-setctime: the life of contexts (sec-features 3.2).
 * The runner validates run-time numbers and, where SEC checks that a context exists before
 * acting, checks it through the port and logs SEC's message; what only the store knows
 * (internal contexts, deletion in progress, the store size limit, expiry) is the port's to refuse
 * and log.
 */
export const CONTEXT_HANDLERS = {
  // SEC ACT-create, CTX-recreate: the expiry list keeps the current %s (CTX-expiry-action).
  create: (a, cx) => {
    const name = cx.expand(a, a.context);
    const lifetime = cx.expand(a, a.lifetime);
    cx.log(LOG.debug, `Creating context '${name}'`);
    const seconds = parseUnsigned(lifetime);
    if (seconds === null) {
      cx.log(LOG.warn, `Invalid lifetime '${lifetime}' for context '${name}', can't create`);
    } else {
      cx.ports.contexts.create(name, seconds, expiryList(a.actions), cx.env.desc, cx.env.now);
    }
    return 1;
  },
  // SEC ACT-set, CTX-set-extend: `-` keeps ctime and lifetime; an empty list keeps the old list and %s.
  set: (a, cx) => {
    const name = cx.expand(a, a.context);
    const lifetime = cx.expand(a, a.lifetime);
    cx.log(LOG.debug, `Changing settings for context '${name}'`);
    const seconds = parseLifetimeOrKeep(lifetime);
    if (seconds === null) {
      cx.log(LOG.warn, `Invalid lifetime '${lifetime}' for context '${name}', can't change settings`);
    } else if (!cx.ports.contexts.exists(name)) {
      cx.log(LOG.warn, `Context '${name}' does not exist, can't change settings`);
    } else {
      const keep = seconds === 'keep' ? null : seconds;
      cx.ports.contexts.set(name, keep, expiryList(a.actions), cx.env.desc, cx.env.now);
    }
    return 1;
  },
  // SEC ACT-delete: every name goes, the expiry list does not run.
  delete: (a, cx) => {
    const name = cx.expand(a, a.context);
    cx.log(LOG.debug, `Deleting context '${name}'`);
    if (present(name, cx)) cx.ports.contexts.delete(name);
    return 1;
  },
  // SEC ACT-obsolete: the context expires now (its list runs, then it is deleted).
  obsolete: (a, cx) => {
    const name = cx.expand(a, a.context);
    cx.log(LOG.debug, `Obsoleting context '${name}'`);
    if (present(name, cx)) cx.ports.contexts.obsolete(name, cx.env.now);
    return 1;
  },
  // SEC ACT-alias, CTX-alias: a name already in use is left alone (debug only).
  alias: (a, cx) => {
    const name = cx.expand(a, a.context);
    const alias = cx.expand(a, a.alias);
    cx.log(LOG.debug, `Creating alias '${alias}' for context '${name}'`);
    if (!cx.ports.contexts.exists(name)) {
      cx.log(LOG.warn, `Context '${name}' does not exist, can't create alias`);
    } else if (cx.ports.contexts.exists(alias)) {
      cx.log(LOG.debug, `Alias '${alias}' already exists`);
    } else {
      cx.ports.contexts.alias(name, alias);
    }
    return 1;
  },
  // SEC ACT-unalias: removing the last name is a silent delete (the store's business).
  unalias: (a, cx) => {
    const alias = cx.expand(a, a.context);
    cx.log(LOG.debug, `Removing alias '${alias}'`);
    if (cx.ports.contexts.exists(alias)) {
      cx.ports.contexts.unalias(alias);
    } else {
      cx.log(
        LOG.debug,
        `Alias '${alias}' does not exist or the referred context is already going through deletion`,
      );
    }
    return 1;
  },
  // SEC ACT-add/prepend/fill: CTX-store-split and CTX-autocreate are the store's.
  add: (a, cx) => {
    const [name, text] = nameAndText(a, cx);
    cx.ports.contexts.add(name, text, cx.env.now);
    return 1;
  },
  prepend: (a, cx) => {
    const [name, text] = nameAndText(a, cx);
    cx.log(LOG.debug, `Prepending event(s) '${text}' to context '${name}'`);
    cx.ports.contexts.prepend(name, text, cx.env.now);
    return 1;
  },
  fill: (a, cx) => {
    const [name, text] = nameAndText(a, cx);
    cx.log(LOG.debug, `Filling context '${name}' with event(s) '${text}'`);
    cx.ports.contexts.fill(name, text, cx.env.now);
    return 1;
  },
  // SEC ACT-setltime: 0 = infinite; an already run-out lifetime expires the context (the store's).
  setltime: (a, cx) => {
    const name = cx.expand(a, a.context);
    const lifetime = cx.expand(a, a.lifetime);
    const seconds = parseUnsigned(lifetime);
    if (seconds === null) {
      cx.log(LOG.warn, `Invalid lifetime '${lifetime}' for context '${name}'`);
      return 1;
    }
    cx.log(LOG.debug, `Setting the lifetime of context '${name}' to '${seconds}'`);
    if (cx.ports.contexts.exists(name)) {
      cx.ports.contexts.setLifetime(name, seconds, cx.env.now);
    } else {
      cx.log(LOG.warn, `Context '${name}' does not exist, can't set lifetime`);
    }
    return 1;
  },
  setctime: (a, cx) => {
    const time = cx.expand(a, a.time);
    const name = cx.expand(a, a.context);
    const epoch = parseUnsigned(time);
    if (epoch === null) {
      cx.log(LOG.warn, `Invalid timestamp '${time}' for creation time of context '${name}'`);
    } else {
      setCtime(name, epoch, cx);
    }
    return 1;
  },
} as const satisfies HandlerTable<
  | 'create'
  | 'set'
  | 'delete'
  | 'obsolete'
  | 'alias'
  | 'unalias'
  | 'add'
  | 'prepend'
  | 'fill'
  | 'setltime'
  | 'setctime'
>;

/** The port's `null` means "no expiry list" (create) or "keep the list" (set): SEC's empty list. */
function expiryList(list: ActionList): ActionList | null {
  return list.actions.length === 0 ? null : list;
}

function nameAndText(
  a: { readonly context: string; readonly text: string },
  cx: RunContext,
): [string, string] {
  return [cx.expand(a, a.context), cx.expand(a, a.text)];
}

/** delete/obsolete: a missing context is only a debug message in SEC. */
function present(name: string, cx: RunContext): boolean {
  if (cx.ports.contexts.exists(name)) return true;
  cx.log(LOG.debug, `Context '${name}' does not exist or is already going through deletion`);
  return false;
}

/** SEC ACT-setctime: only forward, never past now; the same time is a no-op. */
function setCtime(name: string, epoch: number, cx: RunContext): void {
  cx.log(LOG.debug, `Setting the creation time of context '${name}' to '${epoch}'`);
  const current = cx.ports.contexts.ctime(name);
  if (current === undefined) {
    cx.log(LOG.warn, `Context '${name}' does not exist, can't set creation time`);
  } else if (epoch < current) {
    cx.log(LOG.warn, `Can't set context creation time backwards to '${epoch}'`);
  } else if (epoch > cx.env.now) {
    cx.log(LOG.warn, `Can't set context creation time into future to '${epoch}'`);
  } else if (epoch === current) {
    cx.log(LOG.debug, `Context creation time already set to '${epoch}'`);
  } else {
    cx.ports.contexts.setCtime(name, epoch, cx.env.now);
  }
}
