/**
 * The pattern side of Perl's bsd_glob() as SEC calls it (OPT-glob: GLOB_QUOTE, GLOB_BRACE,
 * GLOB_NOMAGIC, GLOB_TILDE, GLOB_ALPHASORT). Patterns and file names are byte strings (one char
 * per byte, see toBytes) because Perl matches bytes: `?` matches one byte of a UTF-8 name.
 *
 * A pattern is a list of "chars": a byte, plus PROTECTED when a backslash quoted it, so that a
 * quoted `*`, `{` or `~` never acts as a wildcard.
 */
export const PROTECTED = 0x100;

const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const COMMA = 0x2c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const BANG = 0x21;
const DASH = 0x2d;
const STAR = 0x2a;
const QUESTION = 0x3f;

/** A JS string as its UTF-8 bytes, one char per byte. */
export function toBytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** Inverse of toBytes. */
export function fromBytes(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** GLOB_QUOTE: `\c` protects c; a trailing backslash stands for itself. */
export function protect(bytes: string): number[] {
  const chars: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
      chars.push((i < bytes.length ? bytes.charCodeAt(i) : BACKSLASH) | PROTECTED);
    } else {
      chars.push(c);
    }
  }
  return chars;
}

/** The bytes of chars, protection removed. */
export function charsToBytes(chars: readonly number[]): string {
  return String.fromCharCode(...chars.map((c) => c & 0xff));
}

/** The index of the `]` closing a `[` at `open`, or -1 (then the `[` is an ordinary char). */
function bracketEnd(chars: readonly number[], open: number): number {
  return chars.indexOf(RBRACKET, open + 1);
}

/**
 * GLOB_BRACE: expands the first `{…}` (commas at depth 0 separate alternatives, `[…]` hides
 * braces and commas) and recurses on each result, in order. A lone `{}` is literal. Perl quirk
 * kept on purpose: with no matching `}` only the text before the `{` is globbed (`x{y` gives `x`).
 */
export function expandBraces(chars: readonly number[]): number[][] {
  if (chars.length === 2 && chars[0] === LBRACE && chars[1] === RBRACE) return [[...chars]];
  const open = chars.indexOf(LBRACE);
  if (open < 0) return [[...chars]];
  const close = matchingBrace(chars, open);
  if (close < 0) return [chars.slice(0, open)];
  const out: number[][] = [];
  const head = chars.slice(0, open);
  const tail = chars.slice(close + 1);
  let depth = 0;
  let start = open + 1;
  for (let k = open + 1; k <= close; k++) {
    const c = chars[k];
    if (c === LBRACKET) {
      const end = bracketEnd(chars, k);
      if (end >= 0) k = end;
    } else if (c === LBRACE) {
      depth++;
    } else if (c === RBRACE && depth > 0) {
      depth--;
    } else if (k === close || (c === COMMA && depth === 0)) {
      out.push(...expandBraces([...head, ...chars.slice(start, k), ...tail]));
      start = k + 1;
    }
  }
  return out;
}

function matchingBrace(chars: readonly number[], open: number): number {
  let depth = 0;
  for (let k = open + 1; k < chars.length; k++) {
    const c = chars[k];
    if (c === LBRACKET) {
      const end = bracketEnd(chars, k);
      if (end >= 0) k = end;
    } else if (c === LBRACE) {
      depth++;
    } else if (c === RBRACE) {
      if (depth === 0) return k;
      depth--;
    }
  }
  return -1;
}

/** One compiled pattern element; `lit` holds a byte, `set` inclusive byte ranges. */
export type GlobToken =
  | { readonly t: 'lit'; readonly c: number }
  | { readonly t: 'all' }
  | { readonly t: 'one' }
  | { readonly t: 'set'; readonly negate: boolean; readonly ranges: readonly (readonly [number, number])[] };

/**
 * Compiles `*`, `?` and `[…]` (`[!…]` negates, `a-z` ranges, a `]` right after `[` is a member,
 * an unclosed `[` is literal). `magic` tells GLOB_NOMAGIC whether a wildcard was seen.
 */
export function compile(chars: readonly number[]): { tokens: GlobToken[]; magic: boolean } {
  const tokens: GlobToken[] = [];
  let magic = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? 0;
    if (c === STAR) {
      magic = true;
      if (tokens.at(-1)?.t !== 'all') tokens.push({ t: 'all' });
    } else if (c === QUESTION) {
      magic = true;
      tokens.push({ t: 'one' });
    } else if (c === LBRACKET) {
      const set = compileSet(chars, i);
      if (set === null) {
        tokens.push({ t: 'lit', c: LBRACKET });
      } else {
        magic = true;
        tokens.push(set.token);
        i = set.end;
      }
    } else {
      tokens.push({ t: 'lit', c: c & 0xff });
    }
  }
  return { tokens, magic };
}

function compileSet(chars: readonly number[], open: number): { token: GlobToken; end: number } | null {
  let k = open + 1;
  const negate = chars[k] === BANG;
  if (negate) k++;
  if (k >= chars.length || chars.indexOf(RBRACKET, k + 1) < 0) return null;
  const ranges: [number, number][] = [];
  let c = chars[k++] ?? 0;
  do {
    const hi = chars[k + 1];
    if (chars[k] === DASH && hi !== undefined && hi !== RBRACKET) {
      ranges.push([c & 0xff, hi & 0xff]);
      k += 2;
    } else {
      ranges.push([c & 0xff, c & 0xff]);
    }
    c = chars[k++] ?? RBRACKET;
  } while (c !== RBRACKET);
  return { token: { t: 'set', negate, ranges }, end: k - 1 };
}

function matchOne(token: GlobToken, byte: number): boolean {
  if (token.t === 'lit') return token.c === byte;
  if (token.t === 'one') return true;
  if (token.t === 'set') return token.ranges.some(([lo, hi]) => lo <= byte && byte <= hi) !== token.negate;
  return false;
}

/** Matches one file name (bytes) against one path segment; `*` backtracks to its last position. */
export function matchSegment(name: string, tokens: readonly GlobToken[]): boolean {
  let n = 0;
  let p = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length || p < tokens.length) {
    const token = tokens[p];
    if (token?.t === 'all') {
      starP = p++;
      starN = n;
      continue;
    }
    if (token !== undefined && n < name.length && matchOne(token, name.charCodeAt(n))) {
      p++;
      n++;
      continue;
    }
    if (starP < 0 || starN >= name.length) return false;
    p = starP + 1;
    n = ++starN;
  }
  return true;
}
