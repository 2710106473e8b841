import type { Action, ActionList } from '../../config/action-list/index.js';

/** Fields that hold a variable name, printed with their `%` as in the rule text. */
const VARIABLE_FIELDS = new Set(['variable', 'ref']);

function isList(value: unknown): value is ActionList {
  return typeof value === 'object' && value !== null && 'actions' in value && Array.isArray(value.actions);
}

function renderField(name: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return VARIABLE_FIELDS.has(name) ? `%${value}` : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? null : value.join(' ');
  if (isList(value)) return value.actions.length === 0 ? null : `(${renderActionList(value)})`;
  return null;
}

function renderAction(action: Action): string {
  if (action.kind === 'if') {
    const then = `if %${action.variable} (${renderActionList(action.thenList)}`;
    return action.elseList.actions.length > 0
      ? `${then}) else (${renderActionList(action.elseList)})`
      : `${then})`;
  }
  if (action.kind === 'while') return `while %${action.variable} (${renderActionList(action.body)})`;
  const parts: string[] = [action.kind];
  for (const [name, value] of Object.entries(action)) {
    if (name === 'kind' || name === 'offset') continue;
    const text = renderField(name, value);
    if (text !== null) parts.push(text);
  }
  return parts.join(' ');
}

/**
 * DUMP-text "Action on delete" and the operations' action fields: an action list in the shape
 * of SEC's actionlist2str, every action followed by "; ". Parameters are shown as stored (raw
 * templates, or frozen values for an operation's lists); omitted optional ones are left out.
 */
export function renderActionList(list: ActionList): string {
  return list.actions.map((a) => `${renderAction(a)}; `).join('');
}
