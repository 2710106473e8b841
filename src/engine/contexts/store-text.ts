import { type EventStore, splitStoreText } from './event-store.js';
import type { StoreMode } from './messages.js';

/**
 * ACT-add / ACT-prepend / ACT-fill on one store. The text is split first (CTX-store-split) and
 * --evstoresize (0 = no limit) is checked for the whole text: on overflow nothing is stored and
 * false is returned. fill counts only the new lines, since it replaces the old ones.
 */
export function storeText(
  store: EventStore,
  mode: StoreMode,
  text: string,
  now: number,
  evstoresize: number,
): boolean {
  const lines = splitStoreText(text);
  const after = mode === 'fill' ? lines.length : store.size + lines.length;
  if (evstoresize > 0 && after > evstoresize) return false;
  if (mode === 'add') store.append(lines, now);
  else if (mode === 'prepend') store.prepend(lines, now);
  else store.replace(lines, now);
  return true;
}
