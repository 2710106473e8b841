import type { LocalProblem } from '../diagnostics.js';
import type { DiagCode } from '../registry.js';
import type { Action, ActionList } from './ast.js';
import { diagnoseMismatch } from './diagnose.js';
import { isVariableToken, stripActionParens } from './perl-text.js';
import type { ActionSpec } from './spec.js';
import type { Part } from './split.js';

/** A matched argument: its raw text and its offset in the whole text. */
export interface Arg {
  readonly text: string;
  readonly offset: number;
}

/** A nested list parse: the actions and whether every one of them parsed. */
export interface NestedList {
  readonly list: ActionList;
  readonly ok: boolean;
}

/** What a reader shares with the list parser that created it. */
export interface ReaderEnv {
  readonly source: string;
  readonly ruleNumber: number;
  readonly problems: LocalProblem[];
  /** Parses `source[from, to)` as an action list (create/set/if/while bodies). */
  readonly parseList: (from: number, to: number) => NestedList;
}

/**
 * Reads one action (one part of a list) for its spec: matches SEC's pattern, applies the
 * load-time checks and records problems at the offending token. A spec calls every check it
 * needs and hands its result to `done`, which drops it if any check failed, so all the problems
 * of one action are reported together.
 */
export class PartReader {
  readonly raw: string;
  readonly offset: number;
  readonly #env: ReaderEnv;
  readonly #part: Part;
  readonly #spec: ActionSpec;
  #failed = false;

  constructor(env: ReaderEnv, part: Part, spec: ActionSpec) {
    this.#env = env;
    this.#part = part;
    this.#spec = spec;
    this.raw = env.source.slice(part.start, part.end);
    this.offset = part.start;
  }

  /** The whole text given to parseActionList (offsets index into it). */
  get source(): string {
    return this.#env.source;
  }

  get keyword(): string {
    return this.#spec.keyword;
  }

  get ruleNumber(): number {
    return this.#env.ruleNumber;
  }

  /** The part's top-level parenthesised groups, as offsets into the whole text. */
  get part(): Part {
    return this.#part;
  }

  /** Runs `re` (from perlRegex) on the action; groups come back with their absolute offsets. */
  match(re: RegExp): (Arg | undefined)[] | null {
    return matchAt(re, this.raw, this.offset);
  }

  problem(code: DiagCode, message: string, offset: number): void {
    this.#failed = true;
    this.#env.problems.push({ code, message, offset });
  }

  /**
   * A problem that does not stop the action from parsing: the AST keeps it (so the rest of the
   * list and later stages see it), but the rule is still rejected (HP-perl-default).
   */
  unsupported(code: DiagCode, message: string): void {
    this.#env.problems.push({ code, message, offset: this.offset });
  }

  /** The pattern did not match: says which argument is missing, extra or malformed. */
  mismatch(): null {
    this.problem(...diagnoseMismatch(this.#spec, this.raw, this.offset));
    return null;
  }

  /** AL-paren-strip applied to an optional argument ('' when absent). */
  plain(arg: Arg | undefined): string {
    return arg === undefined ? '' : stripActionParens(arg.text);
  }

  /** AL-default-s: an absent or empty (after AL-paren-strip) argument becomes `fallback`. */
  orDefault(arg: Arg | undefined, fallback: string): string {
    const value = this.plain(arg);
    return value === '' ? fallback : value;
  }

  /** A required argument that must not be empty after AL-paren-strip (e.g. `write () x`). */
  required(arg: Arg | undefined, what: string): string {
    const value = this.plain(arg);
    if (value === '') {
      this.problem('SYS0307', `empty ${what} given for action '${this.keyword}'`, arg?.offset ?? this.offset);
    }
    return value;
  }

  /** AL-var-check: `%name` becomes `name`; no paren stripping applies to variables. */
  variable(arg: Arg | undefined): string {
    const token = arg?.text ?? '';
    if (!isVariableToken(token)) {
      const message = `'${token}' is not a valid variable name (must be %[A-Za-z]\\w*)`;
      this.problem('SYS0306', message, arg?.offset ?? this.offset);
      return '';
    }
    return token.slice(1);
  }

  /** An optional variable: null when absent. */
  optionalVariable(arg: Arg | undefined): string | null {
    return arg === undefined || arg.text === '' ? null : this.variable(arg);
  }

  /** Parses `source[from, to)` as a nested list; its problems count as this action's. */
  list(from: number, to: number): NestedList {
    const nested = this.#env.parseList(from, to);
    if (!nested.ok) this.#failed = true;
    return nested;
  }

  /** The action, unless one of the checks failed. */
  done<A extends Action>(action: A): A | null {
    return this.#failed ? null : action;
  }
}

/** `re.exec(text)` with every group as an Arg at `base` + its index. */
export function matchAt(re: RegExp, text: string, base: number): (Arg | undefined)[] | null {
  const m = re.exec(text);
  if (m === null) return null;
  const args: (Arg | undefined)[] = [];
  for (let i = 1; i < m.length; i++) {
    const value = m[i];
    const span = m.indices?.[i];
    args.push(
      value === undefined || span === undefined ? undefined : { text: value, offset: base + span[0] },
    );
  }
  return args;
}
