import { ByteSet } from './byte-set.js';
import { type ClassRules, H_SPACE, latin1Where, posixSet, V_SPACE } from './char-sets.js';
import { braceBody } from './escape-chars.js';
import type { ParseState } from './state.js';

/**
 * \p{..} and \P{..} (SEC HP-re-misc). Perl applies Unicode properties to bytes as Latin-1 code
 * points, so each property is resolved once, at compile time, to the bytes it matches: no `u` flag
 * is ever needed. Names follow Perl's loose matching (case, blanks, `_` and `-` are ignored).
 * `st.pos` is on the `p`/`P`.
 */
export function parseProperty(st: ParseState, start: number): ByteSet {
  let negate = st.peek() === 'P';
  st.pos++;
  st.triggerUnicodeRules();
  let name: string;
  if (st.peek() === '{') {
    name = braceBody(st, start, '\\p{}').trim();
  } else {
    if (st.eof) st.fail('SYS0505', `empty '\\${negate ? 'P' : 'p'}'`, start);
    name = st.peek();
    st.pos++;
  }
  if (name.startsWith('^')) {
    negate = !negate;
    name = name.slice(1).trim();
  }
  if (name === '') st.fail('SYS0505', "empty '\\p{}'", start);
  const set = resolve(name, st.flags.i);
  if (set === 'block') {
    st.fail('SYS0517', `Unicode block or non-binary property '\\p{${name}}' is not supported`, start);
  }
  if (set === null) st.fail('SYS0505', `unknown Unicode property '\\p{${name}}'`, start);
  return negate ? set.complement() : set;
}

const UNI: ClassRules = { asciiClasses: false, latin1Fold: true };
const ASCII: ClassRules = { asciiClasses: true, latin1Fold: false };

/** Perl-only names: bare POSIX-like names are the XPosix (Unicode) sets; Posix and Perl prefixes are ASCII. */
function perlSpecific(loose: string, ci: boolean): ByteSet | null {
  const bare = /^(?:xposix)?(alpha|alnum|blank|cntrl|digit|graph|lower|print|space|upper|word|xdigit)$/.exec(
    loose,
  );
  if (bare?.[1] !== undefined) return posixSet(bare[1], UNI, ci);
  const posix = /^posix(alpha|alnum|blank|cntrl|digit|graph|lower|print|punct|space|upper|word|xdigit)$/.exec(
    loose,
  );
  if (posix?.[1] !== undefined) return posixSet(posix[1], ASCII, ci);
  switch (loose) {
    case 'xposixpunct':
      return posixSet('punct', UNI, ci);
    case 'spaceperl':
    case 'xperlspace':
      return posixSet('space', UNI, ci);
    case 'perlspace':
      return posixSet('space', ASCII, ci);
    case 'perlword':
      return posixSet('word', ASCII, ci);
    case 'horizspace':
      return H_SPACE;
    case 'vertspace':
      return V_SPACE;
    case 'all':
      return ByteSet.full();
    case 'title':
    case 'titlecase':
      return latin1Where(ci ? '\\p{Cased}' : '\\p{Lt}');
    default:
      return null;
  }
}

const GC_NAMES =
  'L Letter LC Cased_Letter Lu Uppercase_Letter Ll Lowercase_Letter Lt Titlecase_Letter Lm Modifier_Letter ' +
  'Lo Other_Letter M Mark Combining_Mark Mn Nonspacing_Mark Mc Spacing_Mark Me Enclosing_Mark N Number ' +
  'Nd Decimal_Number Nl Letter_Number No Other_Number P Punctuation Punct Pc Connector_Punctuation ' +
  'Pd Dash_Punctuation Ps Open_Punctuation Pe Close_Punctuation Pi Initial_Punctuation Pf Final_Punctuation ' +
  'Po Other_Punctuation S Symbol Sm Math_Symbol Sc Currency_Symbol Sk Modifier_Symbol So Other_Symbol ' +
  'Z Separator Zs Space_Separator Zl Line_Separator Zp Paragraph_Separator C Other Cc Control Cf Format ' +
  'Cs Surrogate Co Private_Use Cn Unassigned';
const BINARY_NAMES =
  'ASCII ASCII_Hex_Digit Alphabetic Any Assigned Bidi_Control Bidi_Mirrored Case_Ignorable Cased ' +
  'Changes_When_Casefolded Changes_When_Casemapped Changes_When_Lowercased Changes_When_NFKC_Casefolded ' +
  'Changes_When_Titlecased Changes_When_Uppercased Dash Default_Ignorable_Code_Point Deprecated Diacritic ' +
  'Emoji Emoji_Component Emoji_Modifier Emoji_Modifier_Base Emoji_Presentation Extended_Pictographic Extender ' +
  'Grapheme_Base Grapheme_Extend Hex_Digit IDS_Binary_Operator IDS_Trinary_Operator ID_Continue ID_Start ' +
  'Ideographic Join_Control Logical_Order_Exception Lowercase Math Noncharacter_Code_Point Pattern_Syntax ' +
  'Pattern_White_Space Quotation_Mark Radical Regional_Indicator Sentence_Terminal Soft_Dotted ' +
  'Terminal_Punctuation Unified_Ideograph Uppercase Variation_Selector White_Space XID_Continue XID_Start';

function looseTable(names: string): ReadonlyMap<string, string> {
  return new Map(names.split(' ').map((n) => [loosen(n), n === 'Punct' ? 'P' : n]));
}
const GC = looseTable(GC_NAMES);
const BINARY = looseTable(BINARY_NAMES);
// Under /i Perl widens the case-specific properties to every cased character (perlunicode).
const CI_WIDEN: Readonly<Record<string, string>> = {
  Lu: 'LC',
  Uppercase_Letter: 'LC',
  Ll: 'LC',
  Lowercase_Letter: 'LC',
  Lt: 'LC',
  Titlecase_Letter: 'LC',
  Uppercase: 'Cased',
  Lowercase: 'Cased',
};

function widen(gc: string, ci: boolean): string {
  return ci && Object.hasOwn(CI_WIDEN, gc) ? (CI_WIDEN[gc] ?? gc) : gc;
}

function loosen(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** The bytes of property `name`; null when unknown, 'block' for block and other unsupported properties. */
function resolve(name: string, ci: boolean): ByteSet | null | 'block' {
  const eq = /^([^=:]+)[=:](.*)$/.exec(name);
  if (eq !== null) return resolvePair(loosen(eq[1] ?? ''), (eq[2] ?? '').trim(), ci);
  if (/^L[&_]$/i.test(name)) return latin1Where('\\p{LC}');
  const loose = loosen(name);
  const found = resolveSingle(loose, name, ci);
  if (found !== null) return found;
  if (loose.startsWith('is')) return resolveSingle(loose.slice(2), name.replace(/^\s*is[\s_-]*/i, ''), ci);
  if (loose.startsWith('in')) return 'block';
  return null;
}

function resolveSingle(loose: string, original: string, ci: boolean): ByteSet | null {
  const perl = perlSpecific(loose, ci);
  if (perl !== null) return perl;
  const gc = GC.get(loose) ?? BINARY.get(loose);
  if (gc !== undefined) return latin1Where(`\\p{${widen(gc, ci)}}`);
  // Perl 5.26+ reads a bare script name as Script_Extensions.
  return script('Script_Extensions', original);
}

function resolvePair(prop: string, value: string, ci: boolean): ByteSet | null | 'block' {
  if (prop === 'gc' || prop === 'generalcategory' || prop === 'category') {
    const gc = GC.get(loosen(value));
    return gc === undefined ? null : latin1Where(`\\p{${widen(gc, ci)}}`);
  }
  if (prop === 'sc' || prop === 'script') return script('Script', value);
  if (prop === 'scx' || prop === 'scriptextensions') return script('Script_Extensions', value);
  return 'block';
}

/** A script by name or 4-letter code, written the way JS spells it (Title_Case words). */
function script(prop: string, name: string): ByteSet | null {
  const words = name.trim().split(/[\s_-]+/);
  const canonical = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('_');
  if (!/^[A-Za-z0-9_]+$/.test(canonical)) return null;
  try {
    return latin1Where(`\\p{${prop}=${canonical}}`);
  } catch {
    return null;
  }
}
