import { braceQuantifier } from './quantifier.js';
import type { ParseState } from './state.js';

/**
 * Escapes that stand for one character, valid both outside and inside classes (SEC HP-re-escapes):
 * \x.. \x{..} \o{..} \0.. \cX \e \a \t \n \r \f \N{U+..}. `st.pos` is on the letter after the
 * backslash at `start`. Returns the code point (it may exceed 0xFF: such a character never occurs
 * in a byte string), or null when the letter is not one of these escapes (nothing is consumed).
 */
export function charEscape(st: ParseState, start: number): number | null {
  const letter = st.peek();
  const simple = Object.hasOwn(SIMPLE, letter) ? SIMPLE[letter] : undefined;
  if (simple !== undefined) {
    st.pos++;
    return simple;
  }
  switch (letter) {
    case 'x':
      st.pos++;
      return note(st, hexEscape(st, start));
    case 'o':
      st.pos++;
      return note(st, braceOctal(st, start));
    case 'c':
      st.pos++;
      return controlEscape(st, start);
    case '0':
      return note(st, octalDigits(st, 3));
    case 'N':
      if (st.peek(1) !== '{' || braceQuantifier(st.src.slice(st.pos + 1)) !== null) return null;
      st.pos++;
      return namedChar(st, start);
    default:
      return null;
  }
}

const SIMPLE: Readonly<Record<string, number>> = { e: 0x1b, a: 0x07, t: 0x09, n: 0x0a, r: 0x0d, f: 0x0c };

/** Reads up to `max` octal digits at the cursor (Perl's \0, \1.. octal and \o forms). */
export function octalDigits(st: ParseState, max: number): number {
  let value = 0;
  for (let n = 0; n < max && /[0-7]/.test(st.peek()); n++) {
    value = value * 8 + Number(st.peek());
    st.pos++;
  }
  return value;
}

/** Records that a code point above 0xFF was written: in any scope, that switches /d to Unicode rules. */
export function note(st: ParseState, code: number): number {
  if (code > 0xff) st.unicodeTrigger = true;
  return code;
}

function hexEscape(st: ParseState, start: number): number {
  if (st.peek() !== '{') {
    let value = 0;
    for (let n = 0; n < 2 && /[0-9A-Fa-f]/.test(st.peek()); n++) {
      value = value * 16 + Number.parseInt(st.peek(), 16);
      st.pos++;
    }
    return value;
  }
  // \x{...}: blanks allowed, digits up to the first non-hex one, the rest up to } ignored (Perl warns).
  const body = braceBody(st, start, '\\x{}');
  const m = /^[0-9A-Fa-f_]*/.exec(body.trim());
  const digits = (m?.[0] ?? '').replace(/_/g, '');
  return digits === '' ? 0 : Math.min(Number.parseInt(digits, 16), 0x110000);
}

function braceOctal(st: ParseState, start: number): number {
  if (st.peek() !== '{') st.fail('SYS0505', "'\\o' must be followed by '{...}'", start);
  const body = braceBody(st, start, '\\o{}').trim();
  if (body === '') st.fail('SYS0505', "empty '\\o{}'", start);
  const digits = /^[0-7]*/.exec(body)?.[0] ?? '';
  return digits === '' ? 0 : Math.min(Number.parseInt(digits, 8), 0x110000);
}

/** Consumes `{...}` (the cursor is on `{`) and returns the text inside. */
export function braceBody(st: ParseState, start: number, what: string): string {
  const close = st.src.indexOf('}', st.pos);
  if (close < 0) st.fail('SYS0505', `missing right brace on '${what}'`, start);
  const body = st.src.slice(st.pos + 1, close);
  st.pos = close + 1;
  return body;
}

function controlEscape(st: ParseState, start: number): number {
  const ch = st.peek();
  const code = st.src.charCodeAt(st.pos);
  if (ch === '' || code < 0x20 || code > 0x7e) {
    st.fail('SYS0505', "the character after '\\c' must be printable ASCII", start);
  }
  if (ch === '{') st.fail('SYS0505', "use ';' instead of '\\c{'", start);
  st.pos++;
  return ch.toUpperCase().charCodeAt(0) ^ 0x40;
}

function namedChar(st: ParseState, start: number): number {
  const body = braceBody(st, start, '\\N{}').trim();
  st.triggerUnicodeRules();
  const m = /^U\+([0-9A-Fa-f_]+)$/.exec(body);
  if (m === null) {
    if (/^U\+/.test(body)) st.fail('SYS0505', "invalid hexadecimal number in '\\N{U+...}'", start);
    st.fail(
      'SYS0517',
      `named character '\\N{${body}}' is not supported; write '\\N{U+hex}' or '\\x{hex}'`,
      start,
    );
  }
  return Math.min(Number.parseInt((m[1] ?? '').replace(/_/g, ''), 16), 0x110000);
}
