import { parseActionVarTemplate, substituteActionVars } from '../config/template/index.js';
import { NodeTemplateCache } from './cache.js';

/** The value of an action-list variable at run time (undefined = unset, expands to ""). */
export type VarLookup = (name: string) => string | undefined;

const RUN_TEMPLATES = new NodeTemplateCache(parseActionVarTemplate);

/**
 * SEC AL-run-time, ALV-syntax: expands `%name`, `%{name}`, `%%` in one parameter immediately
 * before its action runs. `node` is the AST node that holds `text` (the parse cache key).
 */
export function expandVars(node: object, text: string, lookup: VarLookup): string {
  // SEC substitute_actionlist_var returns at once when there is no `%`: the common case.
  if (!text.includes('%')) return text;
  const template = RUN_TEMPLATES.get(node, text);
  return template.hasVariables ? substituteActionVars(template, lookup) : text;
}
