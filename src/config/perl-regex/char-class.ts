import type { Node } from './ast.js';
import { ByteSet } from './byte-set.js';
import { escapeSet, foldClosure, posixSet } from './char-sets.js';
import { warnCaseEscape } from './escape.js';
import { charEscape, note, octalDigits } from './escape-chars.js';
import type { ParseState } from './state.js';
import { parseProperty } from './unicode-property.js';

/** One item of a bracketed class: a single character (may start a range) or a set. */
type Item = { readonly code: number } | { readonly set: ByteSet };

/**
 * A bracketed class `[...]` (SEC HP-re-posix, HP-re-s-w-d). `st.pos` is on the `[`. The result is
 * the exact byte set: ranges, escapes and POSIX classes are unioned, folded under /i (ASCII only
 * under /d on bytes), then negated for `[^...]`.
 */
export function parseBracketClass(st: ParseState): Node {
  const open = st.pos;
  st.pos++;
  const negate = st.eat('^');
  let set = ByteSet.empty();
  for (let first = true; ; first = false) {
    skipClassBlanks(st);
    if (st.eof) st.fail('SYS0501', "unmatched '[' (character class is not closed)", open);
    if (st.peek() === ']' && !first) {
      st.pos++;
      break;
    }
    set = set.union(parseRangeOrItem(st));
  }
  if (st.flags.i) set = foldClosure(set, st.rules().latin1Fold);
  return { kind: 'set', set: negate ? set.complement() : set, ci: st.flags.i };
}

/** (?xx) ignores unescaped blanks (space and tab only) inside classes. */
function skipClassBlanks(st: ParseState): void {
  if (st.flags.x !== 2) return;
  while (st.peek() === ' ' || st.peek() === '\t') st.pos++;
}

function parseRangeOrItem(st: ParseState): ByteSet {
  const start = st.pos;
  const lo = parseItem(st);
  if (!('code' in lo)) return lo.set;
  skipClassBlanks(st);
  if (st.peek() !== '-' || st.peek(1) === ']' || st.peek(1) === '') return single(lo.code);
  st.pos++;
  skipClassBlanks(st);
  const hi = parseItem(st);
  if (!('code' in hi)) {
    // Perl: a "false range" such as [a-\d] is the three items 'a', '-' and \d.
    return single(lo.code).union(ByteSet.of(0x2d)).union(hi.set);
  }
  if (hi.code < lo.code) {
    st.fail('SYS0506', `invalid range '${st.src.slice(start, st.pos)}' in character class`, start);
  }
  return ByteSet.range(lo.code, hi.code);
}

function single(code: number): ByteSet {
  return ByteSet.of(code); // a code point above 0xFF gives the empty set: it never occurs in bytes
}

function parseItem(st: ParseState): Item {
  const ch = st.peek();
  if (ch === '[') {
    const posix = parsePosix(st);
    if (posix !== null) return { set: posix };
  }
  if (ch !== '\\') {
    st.pos++;
    return { code: note(st, ch.charCodeAt(0)) };
  }
  return parseClassEscape(st);
}

/** `[:name:]` or `[:^name:]` inside a class; `[=x=]` and `[.x.]` are reserved by Perl. */
function parsePosix(st: ParseState): ByteSet | null {
  const rest = st.src.slice(st.pos, st.pos + 40);
  const reserved = /^\[([=.])[^\]]*\1\]/.exec(rest);
  if (reserved !== null) {
    st.fail('SYS0506', `POSIX syntax [${reserved[1]} ${reserved[1]}] is reserved for future extensions`);
  }
  const m = /^\[:(\^?)([A-Za-z]+):\]/.exec(rest);
  if (m === null) return null;
  const set = posixSet(m[2] ?? '', st.rules(), st.flags.i);
  if (set === null) st.fail('SYS0506', `unknown POSIX class '[:${m[2]}:]'`);
  st.pos += m[0].length;
  return m[1] === '^' ? set.complement() : set;
}

/** An escape inside a class: `\b` is backspace, digits are octal, unknown letters are literal. */
function parseClassEscape(st: ParseState): Item {
  const start = st.pos;
  st.pos++;
  if (st.eof) st.fail('SYS0501', "unmatched '[' (character class is not closed)", start);
  const letter = st.peek();
  const set = escapeSet(letter, st.rules());
  if (set !== null) {
    st.pos++;
    return { set };
  }
  if (letter === 'p' || letter === 'P') return { set: parseProperty(st, start) };
  if (letter === 'N' && st.peek(1) !== '{') {
    st.fail('SYS0505', "'\\N' in a character class must be a named character '\\N{...}'", start);
  }
  const code = charEscape(st, start);
  if (code !== null) return { code };
  warnCaseEscape(st, start);
  if (letter === 'b') {
    st.pos++;
    return { code: 0x08 };
  }
  if (/[1-7]/.test(letter)) return { code: octalDigits(st, 3) };
  st.pos++;
  return { code: note(st, letter.charCodeAt(0)) };
}
