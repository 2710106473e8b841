import { renderJson } from './json.js';
import type { DumpState } from './state.js';
import { renderText } from './text.js';

/** SIG-USR1: the dump as text (DUMP-text) or, with --dumpfjson, as JSON (DUMP-json). */
export function renderDump(state: DumpState, format: 'text' | 'json'): string {
  return format === 'json' ? renderJson(state) : renderText(state);
}
