import type { ContextExpr } from '../config/context-expr/index.js';
import {
  hasMatchVariables,
  type MatchTemplate,
  type MatchValues,
  parseMatchTemplate,
  substituteMatch,
} from '../config/template/index.js';
import type { MatchCache } from './match.js';

/** What context evaluation needs from the context store: CX-name checks expiry as it goes. */
export interface ContextChecker {
  check(name: string, now: number): boolean;
}

/**
 * Evaluates context expressions (sec-features 3.1) with short-circuiting (CX-and-or): skipped
 * operands have no side effects. Names are `$`-substituted per event only when the pattern set
 * variables (CX-subst); parsed templates are kept, so nothing is re-parsed per event.
 */
export class ContextEvaluator {
  readonly #contexts: ContextChecker;
  readonly #templates = new Map<string, MatchTemplate | null>();
  readonly #postfix = new WeakMap<ContextExpr, readonly Token[]>();

  constructor(contexts: ContextChecker) {
    this.#contexts = contexts;
  }

  /** `$`-substitution of a context operand or set name (RT-jump-constset); cached template. */
  subst(text: string, values: MatchValues | null): string {
    if (values === null) return text;
    let t = this.#templates.get(text);
    if (t === undefined) {
      t = hasMatchVariables(text) ? parseMatchTemplate(text) : null;
      this.#templates.set(text, t);
    }
    return t === null ? text : substituteMatch(t, values);
  }

  /** CX-*: evaluates `expr` exactly as SEC's tval_context_expr evaluates its postfix list. */
  evaluate(expr: ContextExpr, values: MatchValues | null, cache: MatchCache, now: number): boolean {
    let list = this.#postfix.get(expr);
    if (list === undefined) {
      list = toPostfix(expr);
      this.#postfix.set(expr, list);
    }
    return this.#run(list, values, cache, now) === true;
  }

  #atom(tok: Token, values: MatchValues | null, cache: MatchCache, now: number): boolean | undefined {
    switch (tok.t) {
      case 'name':
        return this.#contexts.check(this.subst(tok.name, values), now);
      case 'varset':
        return cache.has(this.subst(tok.entry, values));
      case 'expr':
        return this.#run(tok.list, values, cache, now);
      default:
        // Perl operands are rejected at load (SYS0802) and never reach the engine.
        return false;
    }
  }

  /**
   * SEC's evaluator is not a plain postfix machine: after the first operand, operands and `!` are
   * collected into a pending list, and `&&`/`||` combine the current value with the FIRST operand
   * of that list only. `A || B && C` therefore means `A && B` in SEC; parenthesised groups are
   * evaluated as a whole. Short-circuiting skips the pending list entirely (CX-and-or).
   */
  #run(
    list: readonly Token[],
    values: MatchValues | null,
    cache: MatchCache,
    now: number,
  ): boolean | undefined {
    let left: boolean | undefined;
    let right: Token[] = [];
    for (const tok of list) {
      if (tok.t === 'not') {
        if (right.length > 0) right.push(tok);
        else left = !left;
      } else if (tok.t === 'and') {
        left = left ? this.#run(right, values, cache, now) : left;
        right = [];
      } else if (tok.t === 'or') {
        left = left ? left : this.#run(right, values, cache, now);
        right = [];
      } else if (left !== undefined || right.length > 0) {
        right.push(tok);
      } else {
        left = this.#atom(tok, values, cache, now);
      }
    }
    return left;
  }
}

type Token =
  | { readonly t: 'name'; readonly name: string }
  | { readonly t: 'varset'; readonly entry: string }
  | { readonly t: 'expr'; readonly list: readonly Token[] }
  | { readonly t: 'perl' }
  | { readonly t: 'not' | 'and' | 'or' };

/** SEC analyze_context_expr's postfix list: `a || b` → [a, b, OR]; a group → one EXPRESSION. */
function toPostfix(e: ContextExpr): Token[] {
  switch (e.kind) {
    case 'name':
      return [{ t: 'name', name: e.name }];
    case 'varset':
      return [{ t: 'varset', entry: e.entry }];
    case 'perl':
      return [{ t: 'perl' }];
    case 'group':
      return [{ t: 'expr', list: toPostfix(e.expr) }];
    case 'not':
      return [...toPostfix(e.operand), { t: 'not' }];
    case 'and':
    case 'or':
      return [...toPostfix(e.left), ...toPostfix(e.right), { t: e.kind }];
  }
}
