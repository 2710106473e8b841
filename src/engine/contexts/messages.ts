/**
 * The log messages SEC 2.9 writes for context actions, word for word, so that logs read the same
 * after a migration. Levels follow SEC: warnings (3) for refusals and missing contexts, debug (6)
 * for the rest. The store logs everything it decides itself; for the read actions whose port
 * methods return undefined on a missing context (copy, report, empty, pop, shift, trim, get*),
 * the action runner logs `missingContext(name, verb)` because only it knows which action ran.
 */

/** What SEC says it "can't" do when the context is missing, per action. */
export type MissingVerb =
  | 'change settings'
  | 'create alias'
  | 'set lifetime'
  | 'set creation time'
  | 'report'
  | 'copy'
  | 'empty'
  | 'pop'
  | 'shift'
  | 'trim'
  | 'get aliases'
  | 'get lifetime'
  | 'get creation time';

/** `Context 'X' does not exist, can't VERB` (LOG_WARN). */
export function missingContext(name: string, verb: MissingVerb): string {
  return `Context '${name}' does not exist, can't ${verb}`;
}

/** The actions refused on the internal context (CTX-internal), LOG_WARN. */
export type InternalRefusal =
  | 'create'
  | 'delete'
  | 'obsolete'
  | 'set'
  | 'alias'
  | 'unalias'
  | 'add'
  | 'prepend'
  | 'fill'
  | 'setltime'
  | 'setctime';

export function internalRefused(action: InternalRefusal, name: string): string {
  return `Invalid use of ${action} action for internal context '${name}'`;
}

/** delete/obsolete of a missing context or one whose expiry list runs (LOG_DEBUG). */
export function goneOrDeleting(name: string): string {
  return `Context '${name}' does not exist or is already going through deletion`;
}

/** unalias of a missing name or of a context whose expiry list runs (LOG_DEBUG). */
export function aliasGoneOrDeleting(alias: string): string {
  return `Alias '${alias}' does not exist or the referred context is already going through deletion`;
}

export type StoreMode = 'add' | 'prepend' | 'fill';

/** The debug line each store action starts with. */
export function storeIntent(mode: StoreMode, name: string, text: string): string {
  switch (mode) {
    case 'add':
      return `Adding event(s) '${text}' to context '${name}'`;
    case 'prepend':
      return `Prepending event(s) '${text}' to context '${name}'`;
    case 'fill':
      return `Filling context '${name}' with event(s) '${text}'`;
  }
}

/** CTX-store-split: the whole text would not fit under --evstoresize (LOG_WARN). */
export function storeFull(mode: StoreMode, name: string, text: string): string {
  return mode === 'fill'
    ? `Can't fill context '${name}' with event(s) '${text}', store full`
    : `Can't ${mode} event(s) '${text}' to context '${name}', store full`;
}
