import type { Node } from './ast.js';
import { GROUP_NAME, nameRef } from './backref.js';
import { parseFlagGroup } from './flags.js';
import type { Flags, ParseState } from './state.js';

/** What an opening parenthesis starts; the parser then reads the body up to the matching `)`. */
export type GroupOpen =
  | { readonly kind: 'capture'; readonly name: string | null }
  | { readonly kind: 'plain'; readonly flags: Flags | null } // (?:..), (?i:..)
  | { readonly kind: 'look'; readonly behind: boolean; readonly negate: boolean }
  | { readonly kind: 'atomic' }
  /** A complete construct with no body: (?i), (*FAIL), (?P=name). */
  | { readonly kind: 'done'; readonly node: Node | null; readonly flags?: Flags };

/** Parses the opener of a group; `st.pos` is on `(` and ends after the opener. */
export function parseGroupOpen(st: ParseState): GroupOpen {
  const open = st.pos;
  if (st.startsWith('(*')) return parseVerb(st, open);
  if (!st.startsWith('(?')) {
    st.pos++;
    return st.flags.n ? { kind: 'plain', flags: null } : { kind: 'capture', name: null };
  }
  st.pos += 2;
  const c = st.peek();
  const fixed = FIXED.get(c);
  if (fixed !== undefined) {
    st.pos++;
    return fixed;
  }
  if (c === '<' && (st.peek(1) === '=' || st.peek(1) === '!')) {
    const negate = st.peek(1) === '!';
    st.pos += 2;
    return { kind: 'look', behind: true, negate };
  }
  if (c === '<' || c === "'") return namedCapture(st, open, c === '<' ? '>' : "'", 1);
  if (c === 'P') return pythonStyle(st, open);
  rejectUntranslatable(st, open);
  if (c === '') st.fail('SYS0501', "sequence '(?' is incomplete", open);
  const flags = parseFlagGroup(st, open);
  if (st.eat(')')) return { kind: 'done', node: null, flags };
  st.pos++; // the ':' checked by parseFlagGroup
  return { kind: 'plain', flags };
}

const FIXED: ReadonlyMap<string, GroupOpen> = new Map<string, GroupOpen>([
  [':', { kind: 'plain', flags: null }],
  ['=', { kind: 'look', behind: false, negate: false }],
  ['!', { kind: 'look', behind: false, negate: true }],
  ['>', { kind: 'atomic' }],
]);

function namedCapture(st: ParseState, open: number, close: string, skip: number): GroupOpen {
  st.pos += skip;
  const name = GROUP_NAME.exec(st.src.slice(st.pos))?.[0] ?? '';
  if (name === '') st.fail('SYS0504', 'group name must start with a non-digit word character', st.pos);
  st.pos += name.length;
  if (!st.eat(close)) st.fail('SYS0501', `sequence '${st.src.slice(open, st.pos)}' is not terminated`, open);
  return { kind: 'capture', name };
}

function pythonStyle(st: ParseState, open: number): GroupOpen {
  const c = st.peek(1);
  if (c === '<') return namedCapture(st, open, '>', 2);
  if (c === '>') st.fail('SYS0512', `recursion '${recursionText(st, open)}' cannot be translated`, open);
  if (c !== '=') st.fail('SYS0504', `sequence '(?P${c}...' is not recognized`, open);
  const close = st.src.indexOf(')', st.pos);
  if (close < 0) st.fail('SYS0501', "sequence '(?P=...' is not terminated", open);
  const name = st.src.slice(st.pos + 2, close);
  st.pos = close + 1;
  return { kind: 'done', node: nameRef(st, name, open) };
}

function recursionText(st: ParseState, open: number): string {
  const close = st.src.indexOf(')', open);
  return close < 0 ? st.src.slice(open) : st.src.slice(open, close + 1);
}

/** (?{..}) (??{..}) (?R) (?1) (?&n) (?(..)..) (?|..) (?[..]): valid Perl with no JS equivalent. */
function rejectUntranslatable(st: ParseState, open: number): void {
  const rest = st.src.slice(st.pos, st.pos + 3);
  if (rest.startsWith('{') || rest.startsWith('?{')) {
    const form = rest.startsWith('?') ? '(??{...})' : '(?{...})';
    st.fail('SYS0511', `regex construct '${form}' (embedded Perl code) is not supported`, open);
  }
  if (/^(?:R|[+-]?\d|&)/.test(rest)) {
    st.fail('SYS0512', `recursion '${recursionText(st, open)}' cannot be translated`, open);
  }
  if (rest.startsWith('(')) st.fail('SYS0513', "conditional '(?(...)...)' cannot be translated", open);
  if (rest.startsWith('|')) st.fail('SYS0514', "branch reset '(?|...)' cannot be translated", open);
  if (rest.startsWith('[')) {
    st.fail('SYS0517', "extended bracketed character class '(?[...])' is not supported", open);
  }
}

const ALPHA_ASSERTIONS: ReadonlyMap<string, GroupOpen> = new Map<string, GroupOpen>([
  ['pla', { kind: 'look', behind: false, negate: false }],
  ['positive_lookahead', { kind: 'look', behind: false, negate: false }],
  ['nla', { kind: 'look', behind: false, negate: true }],
  ['negative_lookahead', { kind: 'look', behind: false, negate: true }],
  ['plb', { kind: 'look', behind: true, negate: false }],
  ['positive_lookbehind', { kind: 'look', behind: true, negate: false }],
  ['nlb', { kind: 'look', behind: true, negate: true }],
  ['negative_lookbehind', { kind: 'look', behind: true, negate: true }],
  ['atomic', { kind: 'atomic' }],
]);

/** `(*VERB)`, `(*VERB:arg)` and the alphabetic assertions `(*pla:...)` etc. (Perl 5.28+). */
function parseVerb(st: ParseState, open: number): GroupOpen {
  st.pos += 2;
  const word = /^[A-Za-z_]*/.exec(st.src.slice(st.pos))?.[0] ?? '';
  st.pos += word.length;
  const alpha = ALPHA_ASSERTIONS.get(word);
  if (alpha !== undefined && st.eat(':')) return alpha;
  if (/^(?:sr|script_run|asr|atomic_script_run)$/.test(word) && st.peek() === ':') {
    st.fail('SYS0517', `script run '(*${word}:...)' is not supported`, open);
  }
  if ((word === 'FAIL' || word === 'F') && st.eat(')')) return { kind: 'done', node: { kind: 'fail' } };
  if (/^(?:ACCEPT|COMMIT|PRUNE|SKIP|THEN|MARK|)$/.test(word) && (st.peek() === ')' || st.peek() === ':')) {
    const shown = word === '' ? '(*:NAME)' : `(*${word})`;
    st.fail('SYS0516', `backtracking control verb '${shown}' cannot be translated`, open);
  }
  st.fail('SYS0504', `unknown '(*...)' construct '${word}'`, open);
}
