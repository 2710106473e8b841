import type { LocalProblem } from '../diagnostics.js';
import type { ParsedRegex } from './ast.js';
import { chooseCaseMode } from './case-mode.js';
import { emitRegex } from './emit.js';
import { parsePerlRegex } from './parser.js';
import { RegexProblem } from './state.js';

/** The result of one match, with Perl's numbering and Perl's %+ (SEC PT-regexp, PT-regexp-named). */
export interface PerlMatch {
  /** groups[0] is the whole match; groups[1..groupCount] are $1..$n, undefined when not taking part. */
  readonly groups: (string | undefined)[];
  /** Only the named groups that took part; for a name used twice, the leftmost defined group. */
  readonly named: Record<string, string>;
}

/** A Perl pattern compiled once to a JS RegExp (SEC PT-regexp: `qr/$pat/` at load). */
export interface PerlRegex {
  readonly source: string;
  readonly js: RegExp;
  readonly groupCount: number;
  readonly names: readonly string[];
  exec(subject: string): PerlMatch | null;
  test(subject: string): boolean;
}

/**
 * `warnings`: constructs Perl (and so SEC) accepts but that are probably mistakes (SYS0515); the
 * rule stays valid, and the loader reports them as warnings.
 */
export type CompileResult =
  | { ok: true; regex: PerlRegex; warnings: readonly LocalProblem[] }
  | { ok: false; problem: LocalProblem };

/**
 * Translates a Perl regex (as SEC's `qr/$pat/` compiles it, Perl 5.36) to a JS RegExp. Never throws:
 * a pattern Perl rejects, or one with no faithful translation, gives a LocalProblem located at the
 * offending construct. A pattern without groups has groupCount 0; SEC's `$1 = "1"` for that case
 * (PT-regexp-nogroup) is the engine's business.
 */
export function compilePerlRegex(pattern: string): CompileResult {
  try {
    const parsed = parsePerlRegex(pattern);
    const emitted = emitRegex(parsed, chooseCaseMode(parsed.root));
    let js: RegExp;
    try {
      js = new RegExp(emitted.source, emitted.flags);
    } catch (err) {
      const message = `internal error: the translation was rejected by JavaScript (${String(err)})`;
      return { ok: false, problem: { code: 'SYS0519', message, offset: 0 } };
    }
    const regex = new CompiledPerlRegex(pattern, js, parsed, emitted.groupMap);
    return { ok: true, regex, warnings: parsed.warnings };
  } catch (err) {
    if (err instanceof RegexProblem) return { ok: false, problem: err.problem };
    throw err;
  }
}

class CompiledPerlRegex implements PerlRegex {
  readonly source: string;
  readonly js: RegExp;
  readonly groupCount: number;
  readonly names: readonly string[];
  readonly #groupMap: readonly number[];
  readonly #nameGroups: ReadonlyArray<readonly [string, readonly number[]]>;
  /** A group named `__proto__` needs a null-prototype object to be an ordinary key. */
  readonly #protoName: boolean;

  constructor(source: string, js: RegExp, parsed: ParsedRegex, groupMap: readonly number[]) {
    this.source = source;
    this.js = js;
    this.groupCount = parsed.groupCount;
    this.names = [...parsed.names.keys()];
    this.#groupMap = groupMap;
    this.#nameGroups = [...parsed.names.entries()];
    this.#protoName = parsed.names.has('__proto__');
  }

  exec(subject: string): PerlMatch | null {
    const m = this.js.exec(subject);
    if (m === null) return null;
    const groups: (string | undefined)[] = [m[0]];
    for (let n = 1; n <= this.groupCount; n++) groups.push(m[this.#groupMap[n] ?? 0]);
    // A plain object (a null-prototype one is a slow dictionary): readers copy it or use hasOwn.
    const named: Record<string, string> = this.#protoName ? Object.create(null) : {};
    for (const [name, list] of this.#nameGroups) {
      for (const n of list) {
        const value = groups[n];
        if (value !== undefined) {
          named[name] = value;
          break;
        }
      }
    }
    return { groups, named };
  }

  test(subject: string): boolean {
    return this.js.test(subject);
  }
}
