import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import {
  charsToBytes,
  compile,
  expandBraces,
  fromBytes,
  type GlobToken,
  matchSegment,
  protect,
  toBytes,
} from './glob-pattern.js';
import { splitGlobWords } from './glob-words.js';

export interface GlobOptions {
  /** The directory relative patterns are read from (the results stay relative). Default: process.cwd(). */
  readonly cwd?: string;
  /** What `~` and `~/` expand to. Default: $HOME, else the current user's home directory. */
  readonly home?: string;
  /** The home directory of `~user`, or null for an unknown user. Default: looked up in /etc/passwd. */
  readonly userHome?: (user: string) => string | null;
}

const TILDE = 0x7e;
const SLASH = 0x2f;
const DOT = 0x2e;

function defaultHome(): string {
  return process.env.HOME ?? userInfo().homedir;
}

/** getpwnam()'s answer for the common case of local users. */
export function passwdHome(user: string): string | null {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const fields = line.split(':');
      if (fields[0] === user && fields.length >= 7) return fields[5] ?? null;
    }
  } catch {
    // No passwd file: no such user.
  }
  return null;
}

/** GLOB_TILDE: a leading unquoted `~` or `~user` (up to the first `/`) becomes a home directory. */
function expandTilde(chars: number[], opts: GlobOptions): number[] {
  if (chars[0] !== TILDE) return chars;
  let end = chars.indexOf(SLASH);
  if (end < 0) end = chars.length;
  const user = fromBytes(charsToBytes(chars.slice(1, end)));
  const home = user === '' ? (opts.home ?? defaultHome()) : (opts.userHome ?? passwdHome)(user);
  if (home === null) return chars;
  const homeBytes = toBytes(home);
  return [...Array.from(homeBytes, (_, i) => homeBytes.charCodeAt(i)), ...chars.slice(end)];
}

/** A real file system path for a glob path (bytes), relative to cwd without normalising it. */
function fsPath(path: string, cwd: string | undefined): Buffer {
  const full = cwd === undefined || path.startsWith('/') ? path : `${cwd}/${path}`;
  return Buffer.from(full, 'latin1');
}

function exists(path: string, cwd: string | undefined): boolean {
  try {
    lstatSync(fsPath(path === '' ? '.' : path, cwd));
    return true;
  } catch {
    return false;
  }
}

/** readdir() including `.` and `..`, as Perl's glob sees them; an unreadable directory is empty. */
function listDir(dir: string, cwd: string | undefined): string[] {
  try {
    const names = readdirSync(fsPath(dir === '' ? '.' : dir, cwd), { encoding: 'buffer' });
    return ['.', '..', ...names.map((b) => b.toString('latin1'))];
  } catch {
    return [];
  }
}

const isSlash = (t: GlobToken | undefined): boolean => t?.t === 'lit' && t.c === SLASH;

/**
 * Walks the compiled pattern one path segment at a time: literal segments are appended as they
 * are, a segment with wildcards lists its directory. A name starting with `.` needs a literal `.`
 * at the start of the segment. The full path must exist (lstat, so dangling symlinks count).
 */
function walk(
  path: string,
  tokens: readonly GlobToken[],
  pos: number,
  cwd: string | undefined,
  out: string[],
): void {
  let here = path;
  let p = pos;
  for (;;) {
    if (p >= tokens.length) {
      if (exists(here, cwd)) out.push(here);
      return;
    }
    let end = p;
    while (end < tokens.length && !isSlash(tokens[end])) end++;
    const segment = tokens.slice(p, end);
    if (segment.some((t) => t.t !== 'lit')) {
      const literalDot = segment[0]?.t === 'lit' && segment[0].c === DOT;
      for (const name of listDir(here, cwd)) {
        if (name.startsWith('.') && !literalDot) continue;
        if (matchSegment(name, segment)) walk(here + name, tokens, end, cwd, out);
      }
      return;
    }
    here += String.fromCharCode(...segment.map((t) => (t.t === 'lit' ? t.c : 0)));
    for (p = end; isSlash(tokens[p]); p++) here += '/';
  }
}

/** signed-char ASCII case folding, as bsd_glob's ci_compare does it: bytes >= 0x80 sort first. */
function fold(byte: number): number {
  if (byte >= 0x41 && byte <= 0x5a) return byte + 0x20;
  return byte >= 0x80 ? byte - 0x100 : byte;
}

/** GLOB_ALPHASORT: case-insensitive, ties broken by plain byte order (`B.rules` < `b.rules`). */
export function globCompare(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && fold(a.charCodeAt(i)) === fold(b.charCodeAt(i))) i++;
  const ca = i < a.length ? fold(a.charCodeAt(i)) : 0;
  const cb = i < b.length ? fold(b.charCodeAt(i)) : 0;
  if (ca !== cb) return ca - cb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** bsd_glob's glob0(): one brace alternative. GLOB_NOMAGIC: no wildcard means the name itself. */
function globOne(chars: number[], opts: GlobOptions): string[] {
  const expanded = expandTilde(chars, opts);
  const { tokens, magic } = compile(expanded);
  if (!magic) return [charsToBytes(expanded)];
  const found: string[] = [];
  walk('', tokens, 0, opts.cwd, found);
  return found.sort(globCompare);
}

/**
 * SEC OPT-glob / CF-files: what Perl's `glob($pattern)` returns for one `--conf` or `--input`
 * value: white-space separated words (splitGlobWords), each with `{a,b}`, `~`/`~user`, `*`, `?`
 * and `[…]`. Names without wildcards come back even when missing; a wildcard that matches nothing
 * gives nothing; each brace alternative is sorted case-insensitively on its own. Duplicates are
 * kept (expandPatterns drops them).
 */
export function expandGlob(pattern: string, opts: GlobOptions = {}): string[] {
  const out: string[] = [];
  for (const word of splitGlobWords(pattern)) {
    for (const alternative of expandBraces(protect(toBytes(word)))) {
      out.push(...globOne(alternative, opts).map(fromBytes));
    }
  }
  return out;
}

/** SEC CF-files: every pattern expanded in order; a name seen before is dropped (first one wins). */
export function expandPatterns(patterns: readonly string[], opts: GlobOptions = {}): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const pattern of patterns) {
    for (const name of expandGlob(pattern, opts)) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}
