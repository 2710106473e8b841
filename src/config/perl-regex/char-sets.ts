import { ByteSet } from './byte-set.js';

/**
 * How the class escapes and /i behave in one scope. Perl's default /d rules give ASCII-only classes
 * and ASCII-only case folding on byte strings, unless the pattern mentions \p{..}, \N{..} or a code
 * point above 0xFF: then the whole pattern follows Unicode rules (perlre "/d"). (?u) asks for Unicode
 * rules, (?a)/(?aa) for ASCII classes with Unicode folding.
 */
export interface ClassRules {
  readonly asciiClasses: boolean;
  readonly latin1Fold: boolean;
}

/** Unicode property test over the 256 byte values (Perl applies \p to bytes as Latin-1 code points). */
export function latin1Where(jsClass: string): ByteSet {
  const re = new RegExp(`^${jsClass}$`, 'u');
  return ByteSet.where((c) => re.test(String.fromCharCode(c)));
}

export const DIGIT = ByteSet.ranges('09');
export const ASCII_WORD = ByteSet.ranges('09AZ__az');
// SEC HP-re-s-w-d: Perl \s on bytes is [\t\n\x0B\f\r ]; JS \s would add \xA0 and Unicode spaces.
export const ASCII_SPACE = ByteSet.ranges('\t\r  ');
export const H_SPACE = ByteSet.of(0x09, 0x20, 0xa0);
export const V_SPACE = ByteSet.of(0x0a, 0x0b, 0x0c, 0x0d, 0x85);
export const UNI_SPACE = ASCII_SPACE.union(ByteSet.of(0x85, 0xa0));
export const UNI_WORD = latin1Where('[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]');
export const NEWLINE = ByteSet.of(0x0a);
export const NOT_NEWLINE = NEWLINE.complement();

const ASCII_PUNCT = ByteSet.ranges('!/:@[`{~');
const ASCII_POSIX: Readonly<Record<string, ByteSet>> = {
  alpha: ByteSet.ranges('AZaz'),
  digit: DIGIT,
  alnum: ByteSet.ranges('09AZaz'),
  space: ASCII_SPACE,
  blank: ByteSet.of(0x09, 0x20),
  cntrl: ByteSet.range(0, 0x1f).union(ByteSet.of(0x7f)),
  graph: ByteSet.range(0x21, 0x7e),
  print: ByteSet.range(0x20, 0x7e),
  punct: ASCII_PUNCT,
  lower: ByteSet.ranges('az'),
  upper: ByteSet.ranges('AZ'),
  xdigit: ByteSet.ranges('09AFaf'),
  word: ASCII_WORD,
  ascii: ByteSet.range(0, 0x7f),
};

const UNI_CNTRL = latin1Where('\\p{Cc}');
const UNI_GRAPH = UNI_SPACE.union(UNI_CNTRL).complement();
const UNI_POSIX: Readonly<Record<string, ByteSet>> = {
  ...ASCII_POSIX,
  alpha: latin1Where('\\p{Alphabetic}'),
  alnum: latin1Where('[\\p{Alphabetic}\\p{Nd}]'),
  space: UNI_SPACE,
  blank: H_SPACE,
  cntrl: UNI_CNTRL,
  graph: UNI_GRAPH,
  print: UNI_GRAPH.union(ByteSet.of(0x20, 0xa0)),
  punct: latin1Where('\\p{P}').union(ASCII_PUNCT),
  lower: latin1Where('\\p{Lowercase}'),
  upper: latin1Where('\\p{Uppercase}'),
  word: UNI_WORD,
};
const UNI_CASED = latin1Where('\\p{Cased}');

/**
 * A POSIX class `[:name:]` (SEC HP-re-posix), or null for an unknown name. Under /i, [:upper:] and
 * [:lower:] match every cased letter, as in Perl.
 */
export function posixSet(name: string, rules: ClassRules, ci: boolean): ByteSet | null {
  const table = rules.asciiClasses ? ASCII_POSIX : UNI_POSIX;
  const set = Object.hasOwn(table, name) ? table[name] : undefined;
  if (set === undefined) return null;
  if (ci && (name === 'upper' || name === 'lower')) {
    return rules.asciiClasses ? ByteSet.ranges('AZaz') : UNI_CASED;
  }
  return set;
}

export function wordSet(rules: ClassRules): ByteSet {
  return rules.asciiClasses ? ASCII_WORD : UNI_WORD;
}

export function spaceSet(rules: ClassRules): ByteSet {
  return rules.asciiClasses ? ASCII_SPACE : UNI_SPACE;
}

/** The other-case byte of `code`, or -1. ASCII always; Latin-1 letters only under Unicode rules. */
export function casePartner(code: number, latin1: boolean): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code >= 0x61 && code <= 0x7a) return code - 0x20;
  if (!latin1) return -1;
  if (code >= 0xc0 && code <= 0xde && code !== 0xd7) return code + 0x20;
  if (code >= 0xe0 && code <= 0xfe && code !== 0xf7) return code - 0x20;
  return -1;
}

/**
 * Adds the case partner of every member. With latin1=true this is also exactly what the JS `i`
 * flag (without `u`) folds among bytes, which is how compile decides whether that flag is safe.
 */
export function foldClosure(set: ByteSet, latin1: boolean): ByteSet {
  return set.foldCase(latin1);
}

/** The class escapes \d \w \s \h \v and their negations (HP-re-s-w-d, HP-re-h-v-R); null for other letters. */
export function escapeSet(letter: string, rules: ClassRules): ByteSet | null {
  switch (letter) {
    case 'd':
      return DIGIT;
    case 'w':
      return wordSet(rules);
    case 's':
      return spaceSet(rules);
    case 'h':
      return H_SPACE;
    case 'v':
      return V_SPACE;
    case 'D':
    case 'W':
    case 'S':
    case 'H':
    case 'V':
      return escapeSet(letter.toLowerCase(), rules)?.complement() ?? null;
    default:
      return null;
  }
}
