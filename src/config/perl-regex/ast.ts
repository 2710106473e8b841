import type { LocalProblem } from '../diagnostics.js';
import type { ByteSet } from './byte-set.js';

/** Zero-width assertions, already resolved against the (?m) flag in force where they appeared. */
export type AssertionKind =
  | 'start' // ^ without /m, \A, \G (SEC never matches with /g, so \G is the start: HP-re-misc)
  | 'end' // \z
  | 'endNl' // $ without /m, \Z: end of string or before a final newline (HP-re-dollar)
  | 'lineStart' // ^ under /m (HP-re-caret-m)
  | 'lineEnd' // $ under /m
  | 'wordBoundary'
  | 'notWordBoundary';

/**
 * The parsed Perl pattern. Every character-level decision (classes, `.`, POSIX, case folding of
 * classes) is already resolved to the bytes matched, so the emitter never looks at flags again,
 * except for literals under /i, whose folded set is kept so that the emitter may use the JS `i` flag.
 */
export type Node =
  | { readonly kind: 'seq'; readonly items: readonly Node[] }
  | { readonly kind: 'alt'; readonly branches: readonly Node[] }
  /** A literal byte; `folded` is its case-insensitive set when /i applies and the byte has a partner. */
  | { readonly kind: 'char'; readonly code: number; readonly folded: ByteSet | null }
  /** A class, `.`, or a class escape. `ci`: written under /i (the set is already folded). */
  | { readonly kind: 'set'; readonly set: ByteSet; readonly ci: boolean }
  /** A capture group (Perl number) or a non-capturing group (index null). */
  | { readonly kind: 'group'; readonly index: number | null; readonly body: Node }
  | { readonly kind: 'look'; readonly behind: boolean; readonly negate: boolean; readonly body: Node }
  | { readonly kind: 'atomic'; readonly body: Node }
  | {
      readonly kind: 'quant';
      readonly body: Node;
      readonly min: number;
      readonly max: number; // Infinity when unbounded
      readonly lazy: boolean;
      readonly possessive: boolean;
    }
  /** `ref`: a Perl group number or a group name (a name may label several groups: leftmost defined wins). */
  | { readonly kind: 'backref'; readonly ref: number | string; readonly ci: boolean; readonly offset: number }
  /** `word` is the word-character set for \b and \B under Unicode rules, null for ASCII (JS \b). */
  | { readonly kind: 'assert'; readonly what: AssertionKind; readonly word: ByteSet | null }
  | { readonly kind: 'empty' } // \K and empty alternatives
  | { readonly kind: 'fail' }; // (*FAIL)

export interface ParsedRegex {
  readonly root: Node;
  /** Number of Perl capture groups. */
  readonly groupCount: number;
  /** Group names in order of first appearance, each with its Perl group numbers. */
  readonly names: ReadonlyMap<string, readonly number[]>;
  /** The pattern mentions \p, \N{..} or a code point above 0xFF, so /d means Unicode rules. */
  readonly unicodeTrigger: boolean;
  readonly warnings: readonly LocalProblem[];
}

export const EMPTY: Node = { kind: 'empty' };

export function seq(items: Node[]): Node {
  if (items.length === 0) return EMPTY;
  if (items.length === 1) return items[0] as Node;
  return { kind: 'seq', items };
}
