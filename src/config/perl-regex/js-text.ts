import type { ByteSet } from './byte-set.js';
import { ASCII_WORD, DIGIT, NOT_NEWLINE } from './char-sets.js';

/**
 * JS RegExp source text for literals and byte sets. Output never needs the `u` flag: every byte
 * outside a small safe set is written as `\xHH`, so Annex B quirks of non-`u` patterns never apply.
 */
export function literalText(code: number): string {
  const ch = String.fromCharCode(code);
  if (/[A-Za-z0-9_ !"#%&',\-:;<=>@~`]/.test(ch)) return ch;
  if (/[\^$\\.*+?()[\]{}|/]/.test(ch)) return `\\${ch}`;
  return hex(code);
}

const SHORTHANDS: ReadonlyArray<readonly [ByteSet, string]> = [
  [DIGIT, '\\d'],
  [DIGIT.complement(), '\\D'],
  [ASCII_WORD, '\\w'],
  [ASCII_WORD.complement(), '\\W'],
  [NOT_NEWLINE, '[^\\n]'],
];

/**
 * A class matching exactly `set` among bytes. The negated form `[^...]` is used when it is shorter,
 * which also lets it match characters above 0xFF, as Perl's negated classes and `.` do.
 */
export function setText(set: ByteSet): string {
  if (set.isFull()) return '[\\s\\S]';
  if (set.isEmpty()) return '[]';
  const single = set.single();
  if (single >= 0) return literalText(single);
  for (const [known, text] of SHORTHANDS) if (known.equals(set)) return text;
  const pos = runsText(set);
  const neg = runsText(set.complement());
  return neg.length < pos.length ? `[^${neg}]` : `[${pos}]`;
}

function runsText(set: ByteSet): string {
  let out = '';
  for (const [lo, hi] of set.runs()) {
    out += classChar(lo);
    if (hi === lo + 1) out += classChar(hi);
    else if (hi > lo) out += `-${classChar(hi)}`;
  }
  return out;
}

function classChar(code: number): string {
  const ch = String.fromCharCode(code);
  return /[A-Za-z0-9_ ]/.test(ch) ? ch : hex(code);
}

function hex(code: number): string {
  return `\\x${code.toString(16).padStart(2, '0')}`;
}

/** \b or \B under Unicode rules, where the word characters include the Latin-1 letters (JS \b is ASCII). */
export function wordBoundaryText(word: ByteSet, positive: boolean): string {
  const w = setText(word);
  return positive ? `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))` : `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`;
}
