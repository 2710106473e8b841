import type { Node } from './ast.js';
import { parseBackrefEscape, parseNumberedEscape } from './backref.js';
import { ByteSet } from './byte-set.js';
import { escapeSet, NOT_NEWLINE, V_SPACE, wordSet } from './char-sets.js';
import { braceBody, charEscape } from './escape-chars.js';
import { charNode, setNode } from './literal.js';
import { braceQuantifier } from './quantifier.js';
import type { ParseState } from './state.js';
import { parseProperty } from './unicode-property.js';

/**
 * Perl reads `\Q \E \L \U \l \u \F` as interpolation escapes only in a regex literal. SEC compiles
 * `qr/$pat/` from a variable, so the regex compiler sees them and passes the letter through with a
 * warning ("Unrecognized escape \Q passed through"): `\Qa.b\E` matches "Q", "a", any byte, "b", "E".
 * SEC accepts the rule, so syscorr does too (same --testonly result), with warning SYS0515 because
 * that is almost never what the author meant (SEC HP-re-escapes). The caller then reads the letter.
 */
export function warnCaseEscape(st: ParseState, start: number): void {
  const letter = st.peek();
  if (letter === '' || !'QELUluF'.includes(letter)) return;
  st.warnings.push({
    code: 'SYS0515',
    message: `'\\${letter}' matches the letter '${letter}': SEC compiles the pattern from a variable, where Perl does not treat it as an escape`,
    offset: start,
  });
}

/** An escape outside a class (HP-re-escapes, HP-re-h-v-R, HP-re-AZz, HP-re-named). `st.pos` is on `\`. */
export function parseAtomEscape(st: ParseState): Node {
  const start = st.pos;
  st.pos++;
  if (st.eof) st.fail('SYS0505', "trailing '\\' at the end of the pattern", start);
  const letter = st.peek();
  const set = escapeSet(letter, st.rules());
  if (set !== null) {
    st.pos++;
    return { kind: 'set', set, ci: st.flags.i };
  }
  if (letter === 'p' || letter === 'P') return setNode(st, parseProperty(st, start));
  const special = specialEscape(st, start, letter);
  if (special !== null) return special;
  if (/[1-9]/.test(letter)) return parseNumberedEscape(st, start);
  const code = charEscape(st, start);
  if (code !== null) return charNode(st, code);
  warnCaseEscape(st, start);
  if (letter === 'C') st.fail('SYS0505', "'\\C' (single byte) is no longer supported by Perl", start);
  // Any other letter or symbol stands for itself (Perl warns for unknown letters).
  st.pos++;
  return charNode(st, letter.charCodeAt(0));
}

/** Escapes that are not a single character or class: anchors, \N, \R, \X, \K, \b, \g, \k. */
function specialEscape(st: ParseState, start: number, letter: string): Node | null {
  switch (letter) {
    case 'A':
    case 'G':
      st.pos++;
      return { kind: 'assert', what: 'start', word: null };
    case 'z':
      st.pos++;
      return { kind: 'assert', what: 'end', word: null };
    case 'Z':
      st.pos++;
      return { kind: 'assert', what: 'endNl', word: null };
    case 'N':
      // \N{3} is \N with a quantifier; only other braces make a named character.
      if (st.peek(1) === '{' && braceQuantifier(st.src.slice(st.pos + 1)) === null) return null;
      st.pos++;
      return { kind: 'set', set: NOT_NEWLINE, ci: false };
    case 'R':
      st.pos++;
      return lineBreak();
    case 'X':
      st.pos++;
      return cluster();
    case 'K':
      // SEC never exposes the matched span ($0 is the whole line), so \K has no visible effect.
      if (st.lookDepth > 0) st.fail('SYS0507', "'\\K' is not permitted in a lookahead or lookbehind", start);
      st.pos++;
      return { kind: 'empty' };
    case 'b':
    case 'B':
      return boundary(st, start, letter === 'b');
    case 'g':
    case 'k':
      return parseBackrefEscape(st, start);
    default:
      return null;
  }
}

function boundary(st: ParseState, start: number, positive: boolean): Node {
  st.pos++;
  if (st.peek() === '{') {
    st.triggerUnicodeRules();
    const type = braceBody(st, start, `\\${positive ? 'b' : 'B'}{}`).trim();
    if (/^(?:wb|gcb|g|sb|lb)$/.test(type)) {
      st.fail('SYS0517', `Unicode boundary '\\${positive ? 'b' : 'B'}{${type}}' is not supported`, start);
    }
    st.fail('SYS0505', `'${type}' is an unknown boundary type`, start);
  }
  const rules = st.rules();
  return {
    kind: 'assert',
    what: positive ? 'wordBoundary' : 'notWordBoundary',
    word: rules.asciiClasses ? null : wordSet(rules),
  };
}

/** \R is `(?>\r\n|\v)` in Perl. */
function lineBreak(): Node {
  const crlf: Node = { kind: 'seq', items: [lit(0x0d), lit(0x0a)] };
  return {
    kind: 'atomic',
    body: { kind: 'alt', branches: [crlf, { kind: 'set', set: V_SPACE, ci: false }] },
  };
}

/** \X on bytes: Latin-1 has no combining marks, so a cluster is CR LF or any one byte (atomic). */
function cluster(): Node {
  const crlf: Node = { kind: 'seq', items: [lit(0x0d), lit(0x0a)] };
  return {
    kind: 'atomic',
    body: { kind: 'alt', branches: [crlf, { kind: 'set', set: ByteSet.full(), ci: false }] },
  };
}

function lit(code: number): Node {
  return { kind: 'char', code, folded: null };
}
