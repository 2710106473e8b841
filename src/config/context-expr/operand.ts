import type { CONTEXT_CODES } from '../codes/context.js';
import type { ContextExpr } from './ast.js';
import { containsGroup, exactGroup, type FlatText, type Group } from './groups.js';

/**
 * One operand of a context expression: the text between the operators, already free of top-level
 * `||`, `&&` and leading `!`. The tests run in SEC's order (analyze_context_expr): Perl call
 * (`->`, `:>`), Perl expression (`=`), `varset NAME`, then a bare name. Because the order is
 * SEC's, `=` alone and `->` alone are context *names* (nothing follows the operator), and so is
 * `a->`; `varset` alone is a name too.
 */

// Perl `\s` / `\S` on byte strings (HP-re-s-w-d); Perl `.` is anything but "\n".
const WS = '[\\t\\n\\x0B\\f\\r ]';
const NWS = '[^\\t\\n\\x0B\\f\\r ]';
const CALL_RE = new RegExp(`^${WS}*([^\\n]*?)${WS}*(->|:>)${WS}*([^\\n]*${NWS})`, 'd');
const EVAL_RE = new RegExp(`^${WS}*=${WS}*([^\\n]*${NWS})`, 'd');
const VARSET_RE = new RegExp(`^${WS}*varset${WS}+(${NWS}+)${WS}*$`, 'd');
const WORD_RE = new RegExp(`^${WS}*(${NWS}+)${WS}*$`, 'd');
const WORDS_RE = new RegExp(`${NWS}+`, 'g');
const PAREN_ESCAPE_RE = /\\([()])/g;

export type OperandResult =
  | { readonly ok: true; readonly expr: ContextExpr }
  | { readonly ok: false; readonly code: ContextCode; readonly offset: number; readonly message: string };

export type ContextCode = keyof typeof CONTEXT_CODES;

/** Parses a nested `( expr )` group (CX-group); supplied by parse.ts to keep the recursion there. */
export type GroupParser = (group: Group) => OperandResult;

/** SEC removes the backslash of `\(` and `\)` in every terminal (name, entry, parameters, code). */
export function unescapeParens(text: string): string {
  return text.replace(PAREN_ESCAPE_RE, '$1');
}

/** Splits like Perl `split(' ', s)`: on runs of whitespace, ignoring leading whitespace. */
function splitWords(text: string): string[] {
  return text.match(WORDS_RE) ?? [];
}

type Span = readonly [number, number];

function span(m: RegExpExecArray, group: number, base: number): Span {
  const indices = m.indices?.[group];
  if (indices === undefined) return [base, base];
  return [base + indices[0], base + indices[1]];
}

/**
 * The text of a terminal slot: a whole group's content, or plain text. A group mark glued to
 * other text is never consumed by SEC, which then fails with "Unexpected subexpression".
 */
function slotText(flat: FlatText, [start, end]: Span): { text: string } | { gluedAt: number } {
  const group = exactGroup(flat, start, end);
  if (group !== undefined) return { text: unescapeParens(group.content) };
  if (containsGroup(flat, start, end)) {
    for (let i = start; i < end; i++) {
      if (flat.groups.has(i)) return { gluedAt: flat.origin[i] ?? 0 };
    }
  }
  return { text: unescapeParens(flat.text.slice(start, end)) };
}

function glued(offset: number, what: string): OperandResult {
  return {
    ok: false,
    code: 'SYS0404',
    offset,
    message: `a parenthesised group must be the whole ${what}; it cannot be glued to other text`,
  };
}

function perlOperand(flat: FlatText, start: number, end: number): OperandResult | null {
  const segment = flat.text.slice(start, end);
  const call = CALL_RE.exec(segment);
  if (call !== null) {
    const operator = call[2] === ':>' ? ':>' : '->';
    const params = slotText(flat, span(call, 1, start));
    if ('gluedAt' in params) return glued(params.gluedAt, `parameter list before '${operator}'`);
    const code = slotText(flat, span(call, 3, start));
    if ('gluedAt' in code) return glued(code.gluedAt, `Perl code after '${operator}'`);
    const at = flat.origin[span(call, 2, start)[0]] ?? 0;
    return {
      ok: true,
      expr: { kind: 'perl', operator, params: splitWords(params.text), code: code.text, offset: at },
    };
  }
  const evaluated = EVAL_RE.exec(segment);
  if (evaluated !== null) {
    const code = slotText(flat, span(evaluated, 1, start));
    if ('gluedAt' in code) return glued(code.gluedAt, "Perl code after '='");
    const at = flat.origin[start + segment.indexOf('=')] ?? 0;
    return { ok: true, expr: { kind: 'perl', operator: '=', params: [], code: code.text, offset: at } };
  }
  return null;
}

/** Parses text[start, end) of `flat` as one operand. */
export function parseOperand(
  flat: FlatText,
  start: number,
  end: number,
  parseGroup: GroupParser,
): OperandResult {
  const perl = perlOperand(flat, start, end);
  if (perl !== null) return perl;
  const segment = flat.text.slice(start, end);
  const varset = VARSET_RE.exec(segment);
  if (varset !== null) {
    const entry = slotText(flat, span(varset, 1, start));
    if ('gluedAt' in entry) return glued(entry.gluedAt, "entry name after 'varset'");
    const at = flat.origin[start + segment.indexOf('varset')] ?? 0;
    return { ok: true, expr: { kind: 'varset', entry: entry.text, offset: at } };
  }
  const word = WORD_RE.exec(segment);
  if (word !== null) {
    const [wordStart, wordEnd] = span(word, 1, start);
    const group = exactGroup(flat, wordStart, wordEnd);
    if (group !== undefined) {
      // CX-group: kept as a node, because SEC evaluates a parenthesised sub-list on its own.
      const inner = parseGroup(group);
      return inner.ok
        ? { ok: true, expr: { kind: 'group', expr: inner.expr, offset: group.offset - 1 } }
        : inner;
    }
    const name = slotText(flat, [wordStart, wordEnd]);
    if ('gluedAt' in name) return glued(name.gluedAt, 'operand');
    return { ok: true, expr: { kind: 'name', name: name.text, offset: flat.origin[wordStart] ?? 0 } };
  }
  return badOperand(flat, start, end);
}

/** The operand is empty or has several words: say which, pointing at the right place. */
function badOperand(flat: FlatText, start: number, end: number): OperandResult {
  const segment = flat.text.slice(start, end);
  const words = [...segment.matchAll(WORDS_RE)];
  const first = words[0];
  const second = words[1];
  if (first === undefined || second === undefined) {
    return { ok: false, code: 'SYS0402', offset: flat.origin[start] ?? 0, message: 'empty operand' };
  }
  const show = (m: RegExpMatchArray): string => {
    const from = start + (m.index ?? 0);
    const to = from + m[0].length;
    return original(flat, from, to);
  };
  const offset = flat.origin[start + (second.index ?? 0)] ?? 0;
  const message =
    first[0] === 'varset'
      ? `'varset' takes exactly one match cache entry name, found '${original(flat, start, end)
          .trim()
          .replace(/^varset\s+/, '')}'`
      : `expected '&&' or '||' between '${show(first)}' and '${show(second)}'`;
  return { ok: false, code: 'SYS0403', offset, message };
}

/** The input text behind text[from, to), each group mark shown again as `(content)`. */
function original(flat: FlatText, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const group = flat.groups.get(i);
    out += group === undefined ? flat.text[i] : `(${group.content})`;
  }
  return out;
}
