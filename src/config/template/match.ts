import { closeBrace, digitsEnd, isAlpha, isWord, matchNameEnd, runEnd } from './scan.js';

/**
 * Match-variable templates (SEC VAR-forms, VAR-unset, VAR-cache-ref): SEC's subst_string,
 * parsed once into parts. With token `$` (the normal pass) the forms are
 *   `$N` (all digits, greedy)  `${N}`  `$+{name}`  `$+{N}`  `$:{entry:name}`  `$$` (a literal `$`);
 * a name is `[A-Za-z_][\w!]*`, a cache entry `[A-Za-z]\w*`. Anything else after `$` stays as it
 * is. The same forms with token `%` are Pair's shadow pass (shadow.ts, VAR-shadow).
 */

export type VarToken = '$' | '%';

export type MatchPart =
  | { readonly kind: 'literal'; readonly text: string }
  /**
   * `$N`, `${N}`, `$+{N}`. SEC looks `key` up as a hash key, so `$01` is not `$1`: `index` is the
   * array position when `key` is a canonical number, else -1.
   */
  | { readonly kind: 'numbered'; readonly key: string; readonly index: number }
  | { readonly kind: 'named'; readonly name: string }
  | { readonly kind: 'cache-ref'; readonly entry: string; readonly name: string };

export interface MatchTemplate {
  readonly token: VarToken;
  readonly parts: readonly MatchPart[];
  /**
   * SEC contains_matchvars: true if substitution could change the text, i.e. any variable form,
   * including the `$$` escape. When false, substitution is the identity and can be skipped.
   */
  readonly hasVariables: boolean;
}

/** The values a matched pattern produced, plus the event's match cache (VM-cache, MC-life). */
export interface MatchValues {
  /** `$0`, `$1`, ...; undefined for groups that did not take part. */
  numbered: readonly (string | undefined)[];
  /** `$+{name}`, including `_inputsrc`, `_intcontext` and varmap names. */
  named: Readonly<Record<string, string | undefined>>;
  /** `$:{entry:name}`: a value of a match cache entry, undefined if the entry or name is missing. */
  cache?: (entry: string, name: string) => string | undefined;
}

/**
 * How the pattern's own values are escaped before insertion. `%`: VAR-pct-mask, for action lists,
 * so a value never creates an action-list variable. `$`: VAR-shadow, so the later `$` pass turns
 * `$$` back into `$`. Match cache values (`$:{...}`) are never escaped, as in SEC.
 */
export type ValueMask = 'none' | 'percent' | 'dollar' | 'dollar-percent';

/** Where a substituted `$` template ends up: action lists get VAR-pct-mask on the values. */
export type SubstTarget = 'text' | 'action-list';

/** Parses a `$` template (desc, action, context names, ...). Never throws. */
export function parseMatchTemplate(text: string): MatchTemplate {
  return parseVarTemplate(text, '$');
}

/**
 * Fills a `$` template. The caller skips this when the pattern produced no variables at all
 * (RT-desc-no-subst: then even `$$` stays); otherwise unset variables give "" (VAR-unset).
 * With target 'action-list', `%` in the pattern's values is doubled (VAR-pct-mask).
 */
export function substituteMatch(t: MatchTemplate, v: MatchValues, target: SubstTarget = 'text'): string {
  return substituteTemplate(t, v, target === 'action-list' ? 'percent' : 'none');
}

/** SEC contains_matchvars: does `text` hold any `token` variable form (`$$` counts)? */
export function hasMatchVariables(text: string, token: VarToken = '$'): boolean {
  return parseVarTemplate(text, token).hasVariables;
}

/** Parses a template with the given token (SEC subst_string). Never throws. */
export function parseVarTemplate(text: string, token: VarToken): MatchTemplate {
  const parts: MatchPart[] = [];
  let literal = '';
  let hasVariables = false;
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf(token, i);
    if (at === -1) break;
    literal += text.slice(i, at);
    const form = readForm(text, at + 1, token);
    if (form === null) {
      literal += token;
      i = at + 1;
      continue;
    }
    hasVariables = true;
    if (form.part.kind === 'literal') {
      literal += form.part.text;
    } else {
      if (literal !== '') parts.push({ kind: 'literal', text: literal });
      literal = '';
      parts.push(form.part);
    }
    i = form.end;
  }
  literal += text.slice(i);
  if (literal !== '') parts.push({ kind: 'literal', text: literal });
  return { token, parts, hasVariables };
}

/** The variable form right after a token at `start`, or null if the token is just a character. */
function readForm(text: string, start: number, token: VarToken): { part: MatchPart; end: number } | null {
  const ch = text[start];
  if (ch === token) return { part: { kind: 'literal', text: token }, end: start + 1 };
  const digits = digitsEnd(text, start);
  if (digits !== -1) return { part: numbered(text.slice(start, digits)), end: digits };
  if (ch === '{') {
    const end = digitsEnd(text, start + 1);
    const close = end === -1 ? -1 : closeBrace(text, end);
    return close === -1 ? null : { part: numbered(text.slice(start + 1, end)), end: close };
  }
  if (ch === '+' && text[start + 1] === '{') {
    const from = start + 2;
    const byName = matchNameEnd(text, from);
    const end = byName !== -1 ? byName : digitsEnd(text, from);
    const close = end === -1 ? -1 : closeBrace(text, end);
    if (close === -1) return null;
    const key = text.slice(from, end);
    return { part: byName !== -1 ? { kind: 'named', name: key } : numbered(key), end: close };
  }
  if (ch === ':' && text[start + 1] === '{') return readCacheRef(text, start + 2);
  return null;
}

/** `:{entry:name}` after the token (SEC VAR-cache-ref); `from` is just past the `{`. */
function readCacheRef(text: string, from: number): { part: MatchPart; end: number } | null {
  if (!isAlpha(text[from])) return null;
  const entryEnd = runEnd(text, from + 1, isWord);
  if (text[entryEnd] !== ':') return null;
  const nameStart = entryEnd + 1;
  const byName = matchNameEnd(text, nameStart);
  const nameEnd = byName !== -1 ? byName : digitsEnd(text, nameStart);
  const close = nameEnd === -1 ? -1 : closeBrace(text, nameEnd);
  if (close === -1) return null;
  const part: MatchPart = {
    kind: 'cache-ref',
    entry: text.slice(from, entryEnd),
    name: text.slice(nameStart, nameEnd),
  };
  return { part, end: close };
}

function numbered(key: string): MatchPart {
  const canonical = key === '0' || (key[0] !== '0' && key.length <= 15);
  return { kind: 'numbered', key, index: canonical ? Number(key) : -1 };
}

/** SEC's single hash lookup: `$N` and `$+{name}` share one key space. Own keys only. */
export function lookupMatchValue(values: MatchValues, key: string, index: number): string | undefined {
  if (index >= 0) {
    const value = values.numbered[index];
    if (value !== undefined) return value;
  }
  return Object.hasOwn(values.named, key) ? values.named[key] : undefined;
}

function escapeValue(value: string, mask: ValueMask): string {
  switch (mask) {
    case 'none':
      return value;
    case 'percent':
      return value.replaceAll('%', '%%');
    // In a replacement string `$$` stands for one `$`, so '$$$$' inserts `$$`.
    case 'dollar':
      return value.replaceAll('$', '$$$$');
    case 'dollar-percent':
      return value.replaceAll('$', '$$$$').replaceAll('%', '%%');
  }
}

/** Fills a template in one pass; inserted values are never scanned again. Unset values give "". */
export function substituteTemplate(t: MatchTemplate, values: MatchValues, mask: ValueMask): string {
  let out = '';
  for (const part of t.parts) {
    switch (part.kind) {
      case 'literal':
        out += part.text;
        break;
      case 'numbered': {
        const value = lookupMatchValue(values, part.key, part.index);
        if (value !== undefined) out += escapeValue(value, mask);
        break;
      }
      case 'named': {
        const value = lookupMatchValue(values, part.name, -1);
        if (value !== undefined) out += escapeValue(value, mask);
        break;
      }
      case 'cache-ref':
        out += values.cache?.(part.entry, part.name) ?? '';
        break;
    }
  }
  return out;
}
