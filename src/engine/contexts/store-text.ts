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
  const lines = splitStoreText(detached(text));
  const after = mode === 'fill' ? lines.length : store.size + lines.length;
  if (evstoresize > 0 && after > evstoresize) return false;
  if (mode === 'add') store.append(lines, now);
  else if (mode === 'prepend') store.prepend(lines, now);
  else store.replace(lines, now);
  return true;
}

/**
 * A copy of `text` that holds no larger string alive. An event line is a slice of the block its
 * input was read in (V8 keeps the whole parent string for a slice), so a context that stores
 * many lines would otherwise keep every 1 KiB read block it touched.
 */
function detached(text: string): string {
  return ` ${text}`.slice(1);
}
