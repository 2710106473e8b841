import type { LocalProblem } from '../diagnostics.js';
import type { DiagCode } from '../registry.js';
import type { ClassRules } from './char-sets.js';

/** Perl's charset modifiers; /l (locale) is rejected because its meaning depends on the host locale. */
export type Charset = 'd' | 'u' | 'a' | 'aa';

/** The inline modifiers in force at one point of the pattern (SEC HP-re-inline). */
export interface Flags {
  readonly i: boolean;
  readonly m: boolean;
  readonly s: boolean;
  /** 0 = off, 1 = /x, 2 = /xx (also ignores blanks inside classes). */
  readonly x: 0 | 1 | 2;
  readonly n: boolean;
  readonly charset: Charset;
}

/** SEC PT-regexp: `qr/$pat/` has no flags, so every pattern starts from Perl's defaults. */
export const DEFAULT_FLAGS: Flags = { i: false, m: false, s: false, x: 0, n: false, charset: 'd' };

/** Thrown inside the parser only; compilePerlRegex turns it into its `{ ok: false }` result. */
export class RegexProblem extends Error {
  readonly problem: LocalProblem;

  constructor(problem: LocalProblem) {
    super(problem.message);
    this.problem = problem;
  }
}

/** A back-reference seen while parsing, checked against the final group table afterwards. */
export interface PendingRef {
  readonly ref: number | string;
  readonly offset: number;
}

// SEC HP-re-inline: /x ignores Perl's Pattern_White_Space, which for bytes includes \x0B and \x85.
const X_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85]);

/** Cursor and bookkeeping shared by the parser modules. Lives for one parse. */
export class ParseState {
  readonly src: string;
  readonly unicodeRules: boolean;
  pos = 0;
  flags: Flags = DEFAULT_FLAGS;
  /** Capture groups opened so far (Perl numbers them by their opening parenthesis). */
  groupCount = 0;
  /** Depth of lookarounds around the cursor (\K is not allowed inside them). */
  lookDepth = 0;
  readonly names = new Map<string, number[]>();
  readonly refs: PendingRef[] = [];
  /** Constructs Perl accepts with a warning that the rule author should still hear about. */
  readonly warnings: LocalProblem[] = [];
  unicodeTrigger = false;

  constructor(src: string, unicodeRules: boolean) {
    this.src = src;
    this.unicodeRules = unicodeRules;
  }

  get eof(): boolean {
    return this.pos >= this.src.length;
  }

  peek(ahead = 0): string {
    return this.src.charAt(this.pos + ahead);
  }

  startsWith(text: string, at = this.pos): boolean {
    return this.src.startsWith(text, at);
  }

  eat(ch: string): boolean {
    if (this.src.charAt(this.pos) !== ch) return false;
    this.pos++;
    return true;
  }

  fail(code: DiagCode, message: string, offset: number = this.pos): never {
    throw new RegexProblem({ code, message, offset });
  }

  /**
   * \p, \N{..} and \b{..} switch the pattern's /d parts to Unicode rules, but only when written
   * in a /d scope: inside (?u) or (?a) they change nothing (perl 5.36). A code point above 0xFF
   * switches them from any scope (escape-chars.ts `note`).
   */
  triggerUnicodeRules(): void {
    if (this.flags.charset === 'd') this.unicodeTrigger = true;
  }

  /** The class and folding rules of the current scope (see ClassRules). */
  rules(): ClassRules {
    const cs = this.flags.charset;
    if (cs === 'a' || cs === 'aa') return { asciiClasses: true, latin1Fold: true };
    if (cs === 'u' || this.unicodeRules) return { asciiClasses: false, latin1Fold: true };
    return { asciiClasses: true, latin1Fold: false };
  }

  /** Skips `(?#...)` comments, and whitespace and `#` comments under /x. */
  skipIgnorable(): void {
    for (;;) {
      if (this.startsWith('(?#')) {
        const close = this.src.indexOf(')', this.pos + 3);
        if (close < 0) this.fail('SYS0501', "comment '(?#...' is not terminated");
        this.pos = close + 1;
        continue;
      }
      if (this.flags.x === 0 || this.eof) return;
      if (X_SPACE.has(this.src.charCodeAt(this.pos))) {
        this.pos++;
        continue;
      }
      if (this.peek() !== '#') return;
      const nl = this.src.indexOf('\n', this.pos);
      this.pos = nl < 0 ? this.src.length : nl + 1;
    }
  }

  /** Skips the blanks Perl 5.34+ allows inside `{...}` of quantifiers and \x{..}, \g{..}, \k{..}. */
  skipBlanks(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }
}
