import { isAlpha, isWord, runEnd } from './scan.js';

/**
 * Action-list variable templates (SEC ALV-syntax, ALV-pct, ALV-unset): SEC's
 * substitute_actionlist_var, parsed once. The forms are `%name`, `%{name}`, `%.name`, `%{.name}`
 * with a name `\.?[A-Za-z]\w*` (greedy, so `%.mdayT` reads `.mdayT`; write `%{.mday}T`), and
 * `%%` for a literal `%`. Anything else after `%` stays as it is, so `%1` is not a variable.
 */

export type ActionVarPart =
  | { readonly kind: 'literal'; readonly text: string }
  /** `name` without the `%` and braces, e.g. `s`, `t`, `.nl`, `user_var`. */
  | { readonly kind: 'variable'; readonly name: string };

export interface ActionVarTemplate {
  readonly parts: readonly ActionVarPart[];
  /** True if substitution could change the text (a variable or `%%`). */
  readonly hasVariables: boolean;
}

/** End of `\.?[A-Za-z]\w*` at `start`, or -1. */
function nameEnd(text: string, start: number): number {
  const from = text[start] === '.' ? start + 1 : start;
  return isAlpha(text[from]) ? runEnd(text, from + 1, isWord) : -1;
}

/** The variable or `%%` right after a `%` at `start`, or null if the `%` is just a character. */
function readVariable(text: string, start: number): { part: ActionVarPart; end: number } | null {
  // SEC ALV-pct: `%%` is the built-in variable `%`, whose value is always `%` (users can only
  // assign names starting with a letter), so it is kept as literal text.
  if (text[start] === '%') return { part: { kind: 'literal', text: '%' }, end: start + 1 };
  if (text[start] === '{') {
    const end = nameEnd(text, start + 1);
    if (end === -1 || text[end] !== '}') return null;
    return { part: { kind: 'variable', name: text.slice(start + 1, end) }, end: end + 1 };
  }
  const end = nameEnd(text, start);
  return end === -1 ? null : { part: { kind: 'variable', name: text.slice(start, end) }, end };
}

export function parseActionVarTemplate(text: string): ActionVarTemplate {
  const parts: ActionVarPart[] = [];
  let literal = '';
  let hasVariables = false;
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf('%', i);
    if (at === -1) break;
    literal += text.slice(i, at);
    const found = readVariable(text, at + 1);
    if (found === null) {
      literal += '%';
      i = at + 1;
      continue;
    }
    hasVariables = true;
    if (found.part.kind === 'literal') {
      literal += found.part.text;
    } else {
      if (literal !== '') parts.push({ kind: 'literal', text: literal });
      literal = '';
      parts.push(found.part);
    }
    i = found.end;
  }
  literal += text.slice(i);
  if (literal !== '') parts.push({ kind: 'literal', text: literal });
  return { parts, hasVariables };
}

/**
 * Fills an action-list template. `lookup` gives a variable's current value (user variables and
 * the built-ins `%s`, `%t`, `%u`, `%.nl`, ...); undefined substitutes as "" (ALV-unset).
 * Values are inserted once and never rescanned.
 */
export function substituteActionVars(
  t: ActionVarTemplate,
  lookup: (name: string) => string | undefined,
): string {
  let out = '';
  for (const part of t.parts) {
    out += part.kind === 'literal' ? part.text : (lookup(part.name) ?? '');
  }
  return out;
}

/**
 * SEC VAR-pct-mask: a match value put into an action list has every `%` doubled first, so it can
 * never create an action-list variable. desc values are not masked (desc has no `%` pass).
 */
export function maskPercent(value: string): string {
  return value.replaceAll('%', '%%');
}
