/**
 * Character classes shared by the template scanners. SEC matches them with Perl on byte strings,
 * where `[[:alpha:]]`, `\w` and `[0-9]` are ASCII only (HP-bytes).
 */

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isAlpha(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

export function isWord(ch: string | undefined): boolean {
  return isAlpha(ch) || isDigit(ch) || ch === '_';
}

/** End of the run of chars from `start` that satisfy `test` (`start` itself if none does). */
export function runEnd(text: string, start: number, test: (ch: string | undefined) => boolean): number {
  let i = start;
  while (i < text.length && test(text[i])) i++;
  return i;
}

/** End of `[0-9]+` at `start`, or -1. */
export function digitsEnd(text: string, start: number): number {
  const end = runEnd(text, start, isDigit);
  return end > start ? end : -1;
}

/** End of a match-variable name `[[:alpha:]_][\w!]*` at `start`, or -1 (SEC VAR-forms). */
export function matchNameEnd(text: string, start: number): number {
  const first = text[start];
  if (!isAlpha(first) && first !== '_') return -1;
  return runEnd(text, start + 1, (ch) => isWord(ch) || ch === '!');
}

/** Index just past `}` if text[at] is `}`, else -1. */
export function closeBrace(text: string, at: number): number {
  return text[at] === '}' ? at + 1 : -1;
}
