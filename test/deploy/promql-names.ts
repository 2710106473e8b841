/**
 * The metric names a PromQL expression selects, for comparing a dashboard with what syscorr
 * exports. promtool checks the syntax; this only has to find the selectors: identifiers that are
 * not functions or aggregations (followed by `(`), not keywords, not label names (inside `{}` or
 * in a `by (...)`-style list), not numbers or durations, and not inside strings or `[...]`.
 */

/** Keywords followed by a parenthesized list of label names. */
const LABEL_LIST = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const KEYWORDS = new Set([...LABEL_LIST, 'bool', 'and', 'or', 'unless', 'offset', 'atan2', 'inf', 'nan']);
/** Aggregations may put their modifier first: `sum by (le) (x)`. */
const MODIFIER_FIRST = /^(?:by|without)\s*\(/i;

/** Index just past the bracket that closes the one at `open` (quotes respected). */
function skipBalanced(expr: string, open: number, opener: string, closer: string): number {
  let depth = 0;
  for (let i = open; i < expr.length; i++) {
    const c = expr[i];
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(expr, i) - 1;
    } else if (c === opener) depth++;
    else if (c === closer && --depth === 0) return i + 1;
  }
  throw new Error(`unbalanced '${opener}' at ${open} in: ${expr}`);
}

function skipString(expr: string, start: number): number {
  const quote = expr[start];
  for (let i = start + 1; i < expr.length; i++) {
    if (expr[i] === '\\' && quote !== '`') i++;
    else if (expr[i] === quote) return i + 1;
  }
  throw new Error(`unterminated string at ${start} in: ${expr}`);
}

function nextNonSpace(expr: string, from: number): number {
  let i = from;
  while (i < expr.length && /\s/.test(expr[i] ?? '')) i++;
  return i;
}

/** The metric names selected by `expr`, in order of first appearance. */
export function metricNames(expr: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i] ?? '';
    if (c === '"' || c === "'" || c === '`') i = skipString(expr, i);
    else if (c === '{') i = skipBalanced(expr, i, '{', '}');
    else if (c === '[') i = skipBalanced(expr, i, '[', ']');
    else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(expr[i + 1] ?? ''))) {
      // Numbers, hex, exponents and durations (5m, 1h30m) are one token.
      const m = /^(?:0[xX][0-9a-fA-F]+|[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)[a-zA-Z0-9_]*/.exec(expr.slice(i));
      i += m?.[0].length ?? 1;
    } else if (/[a-zA-Z_:]/.test(c)) {
      const word = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(expr.slice(i))?.[0] ?? c;
      i += word.length;
      const after = nextNonSpace(expr, i);
      const lower = word.toLowerCase();
      if (LABEL_LIST.has(lower) && expr[after] === '(') i = skipBalanced(expr, after, '(', ')');
      else if (KEYWORDS.has(lower) || expr[after] === '(' || MODIFIER_FIRST.test(expr.slice(after))) continue;
      else if (!names.includes(word)) names.push(word);
    } else i++;
  }
  return names;
}
