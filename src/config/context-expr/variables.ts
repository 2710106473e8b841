import { hasMatchVariables, type VarToken } from '../template/index.js';
import { type ContextExpr, walkContextExpr } from './ast.js';

/**
 * SEC volatile_context (CX-subst): does the expression hold match variables with this token, so
 * that a per-event copy must be substituted? Names, varset entries, `=` code and the parameters
 * of `->` / `:>` are checked; the code of `->` / `:>` is compiled once and never substituted.
 * Pair's context2 is checked for both `$` and `%` (VAR-shadow).
 */
export function contextHasVariables(expr: ContextExpr, token: VarToken = '$'): boolean {
  let found = false;
  walkContextExpr(expr, (node) => {
    if (found) return;
    switch (node.kind) {
      case 'name':
        found = hasMatchVariables(node.name, token);
        return;
      case 'varset':
        found = hasMatchVariables(node.entry, token);
        return;
      case 'perl':
        found =
          (node.operator === '=' && hasMatchVariables(node.code, token)) ||
          node.params.some((p) => hasMatchVariables(p, token));
        return;
      case 'not':
      case 'group':
      case 'and':
      case 'or':
        return;
    }
  });
  return found;
}
