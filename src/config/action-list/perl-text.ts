/**
 * Perl's text primitives as SEC's action parser uses them, on byte-like strings: `\s` is the
 * ASCII whitespace set [\t\n\v\f\r ] (Perl >= 5.18, no locale), `\S` its complement, `.` anything
 * but `\n`. JS's own `\s` also matches Unicode spaces, so it is never used here.
 */

const WS = '\\t\\n\\v\\f\\r ';

/** True for the characters Perl's `\s` matches. */
export function isPerlSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r';
}

/**
 * Compiles a Perl-flavoured pattern: `\s`, `\S` and `.` (outside classes) take their Perl meaning.
 * Flags: `i` (SEC matches action keywords case-insensitively) and `d` (group offsets).
 */
export function perlRegex(source: string): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      i++;
      if (next === 's') out += inClass ? WS : `[${WS}]`;
      else if (next === 'S') out += `[^${WS}]`;
      else out += `\\${next}`;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    out += ch === '.' && !inClass ? '[^\\n]' : ch;
  }
  return new RegExp(out, 'id');
}

/** Offsets of the first and past-the-last non-space characters of `text[from, to)`. */
export function trimRange(text: string, from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  while (start < end && isPerlSpace(text[start]!)) start++;
  while (end > start && isPerlSpace(text[end - 1]!)) end--;
  return [start, end];
}

/** A whitespace-separated word and its offset. */
export interface Word {
  readonly text: string;
  readonly offset: number;
}

/** Perl's `split(' ', $s)`: words separated by runs of whitespace, leading whitespace ignored. */
export function splitWords(text: string, base = 0): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isPerlSpace(text[i]!)) i++;
    const start = i;
    while (i < text.length && !isPerlSpace(text[i]!)) i++;
    if (i > start) words.push({ text: text.slice(start, i), offset: base + start });
  }
  return words;
}

/** The argv of a shell-less command (cmdexec, spawnexec, ...): split at load (AL-parse-time). */
export function splitArgv(command: string): string[] {
  return splitWords(command).map((w) => w.text);
}

const WRAPPED = perlRegex('^\\s*\\(\\s*(.*?)\\s*\\)\\s*$');
const ESCAPED_PAREN = /\\([()])/g;

/**
 * SEC's process_action_parens (AL-paren-strip): if the whole parameter is wrapped in one pair of
 * parentheses (whitespace allowed around and inside), that pair goes; then every `\(` or `\)`
 * becomes `(` or `)`. Anchored at both ends: `(a) and (b)` becomes `a) and (b`.
 */
export function stripActionParens(param: string): string {
  const m = WRAPPED.exec(param);
  const inner = m === null ? param : (m[1] ?? '');
  return inner.replace(ESCAPED_PAREN, '$1');
}

/**
 * The outer-parentheses strip SEC applies to the expiry list of create/set: the same anchored
 * pattern as AL-paren-strip but without the `\(` unescaping, because the nested list is parsed
 * again, which handles the escapes. Takes the list's text and offset; returns the range of what
 * is left (the whole text when it is not wrapped).
 */
export function unwrapList(list: { text: string; offset: number }): { from: number; to: number } {
  const span = WRAPPED.exec(list.text)?.indices?.[1];
  if (span === undefined) return { from: list.offset, to: list.offset + list.text.length };
  return { from: list.offset + span[0], to: list.offset + span[1] };
}

const VARIABLE = /^%[A-Za-z][A-Za-z0-9_]*$/;

/** AL-var-check: an assignable variable is `%[A-Za-z]\w*` (so `%.x`, `%{x}` and `%1` are not). */
export function isVariableToken(token: string): boolean {
  return VARIABLE.test(token);
}
