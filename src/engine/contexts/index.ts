export { type ContextRecord, isStale } from './context.js';
export { EventStore, splitStoreText } from './event-store.js';
export {
  type InternalRefusal,
  internalRefused,
  type MissingVerb,
  missingContext,
} from './messages.js';
export type { ContextSnapshot } from './snapshot.js';
export { ContextStore, type ContextStoreOptions } from './store.js';
