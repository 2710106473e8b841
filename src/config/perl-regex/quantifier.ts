import type { ParseState } from './state.js';

/** Whether a quantifier starts at the cursor (used for "quantifier follows nothing" and "nested"). */
export function quantifierAhead(st: ParseState): boolean {
  const c = st.peek();
  if (c === '*' || c === '+' || c === '?') return true;
  return c === '{' && braceQuantifier(st.src.slice(st.pos)) !== null;
}

const BRACES = /^\{[ \t]*(\d*)[ \t]*(?:(,)[ \t]*(\d*)[ \t]*)?\}/;

/** `{n}`, `{n,}`, `{n,m}` and (Perl 5.34+) `{,m}`, blanks allowed; anything else is a literal `{`. */
export function braceQuantifier(text: string): { min: string; max: string | null; length: number } | null {
  const m = BRACES.exec(text);
  if (m === null) return null;
  const min = m[1] ?? '';
  const comma = m[2] !== undefined;
  const max = m[3] ?? '';
  if (min === '' && (!comma || max === '')) return null;
  return { min, max: comma ? max : min, length: m[0].length };
}

export function readQuantifier(st: ParseState): { min: number; max: number } | null {
  const c = st.peek();
  const simple = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : c === '?' ? [0, 1] : null;
  if (simple !== null) {
    st.pos++;
    return { min: simple[0] as number, max: simple[1] as number };
  }
  if (c !== '{') return null;
  const q = braceQuantifier(st.src.slice(st.pos));
  if (q === null) return null;
  const start = st.pos;
  const min = quantifierNumber(st, q.min === '' ? '0' : q.min, start);
  const max = q.max === null || q.max === '' ? Infinity : quantifierNumber(st, q.max, start);
  st.pos += q.length;
  return { min, max };
}

function quantifierNumber(st: ParseState, digits: string, at: number): number {
  if (digits.length > 1 && digits.startsWith('0')) st.fail('SYS0502', 'invalid quantifier in {,}', at);
  const n = Number(digits);
  if (n > 65534) st.fail('SYS0502', 'quantifier in {,} bigger than 65534', at);
  return n;
}
