/**
 * The typed form of a context expression (`context=`, `context2=`, EventGroup `contextN=`),
 * built by parse.ts exactly as SEC's analyze_context builds its postfix list (CX-*).
 *
 * Offsets are 0-based into the text that was given to parseContextExpr, so the rule loader can
 * map them to file:line:col. A node's offset is where its operand or operator starts.
 */
export type ContextExpr =
  /**
   * SEC CX-name: true if the context exists. `name` is a raw match-variable template
   * (`CONT_$1`) with `\(` / `\)` already turned into `(` / `)`; the engine substitutes it per
   * event when the rule's pattern produced variables (CX-subst).
   */
  | { kind: 'name'; name: string; offset: number }
  /** SEC CX-not. */
  | { kind: 'not'; operand: ContextExpr; offset: number }
  /**
   * SEC CX-group: `( expr )` as a whole operand. SEC keeps it as one sub-list (EXPRESSION), and its
   * evaluator treats a sub-list differently from an unparenthesised run of operators.
   */
  | { kind: 'group'; expr: ContextExpr; offset: number }
  /** SEC CX-and-or: short-circuit, left operand first. */
  | { kind: 'and' | 'or'; left: ContextExpr; right: ContextExpr; offset: number }
  /** SEC CX-varset: true if the match cache entry exists. `entry` is a match-variable template. */
  | { kind: 'varset'; entry: string; offset: number }
  /**
   * SEC CX-arrow / CX-colon / CX-eq: Perl code. Parsed fully so the rule can be rejected with
   * SYS0802 at the right place (HP-perl-default). `params` is empty for `=`.
   */
  | { kind: 'perl'; operator: '->' | ':>' | '='; params: string[]; code: string; offset: number };

export interface ContextSpec {
  /**
   * SEC CX-preeval: the whole value was `[ expr ]`; evaluate before the pattern, with no match
   * variables substituted. Calendar rules ignore it (the brackets are just stripped).
   */
  readonly preEval: boolean;
  readonly expr: ContextExpr;
  /** True if any operand is a `perl` node (the loader rejects such rules for now). */
  readonly usesPerl: boolean;
}

/** Calls `visit` on `expr` and every node below it, parents first, left to right. */
export function walkContextExpr(expr: ContextExpr, visit: (node: ContextExpr) => void): void {
  visit(expr);
  switch (expr.kind) {
    case 'not':
      walkContextExpr(expr.operand, visit);
      return;
    case 'group':
      walkContextExpr(expr.expr, visit);
      return;
    case 'and':
    case 'or':
      walkContextExpr(expr.left, visit);
      walkContextExpr(expr.right, visit);
      return;
    case 'name':
    case 'varset':
    case 'perl':
      return;
  }
}
