import type { LocalProblem } from '../diagnostics.js';
import { type ContextExpr, type ContextSpec, walkContextExpr } from './ast.js';
import { type FlatText, flattenGroups } from './groups.js';
import { type OperandResult, parseOperand } from './operand.js';

/**
 * The context expression parser: SEC's analyze_context, step for step, with offsets.
 *
 * 1. `[ expr ]` around the whole value means pre-evaluation (CX-preeval). The match is greedy,
 *    as in SEC, so `[a] && [b]` is the pre-evaluated `a] && [b` (two odd names, but valid).
 * 2. Top-level `( ... )` groups are set aside (groups.ts), so operators inside them are invisible.
 * 3. The text is split at the **last** `||`, then at the last `&&` (CX-and-or): both are
 *    left-associative, `||` binds loosest. The search is plain text, so `a|||b` is `a|` or `b`.
 * 4. Leading `!` (CX-not), then the operand forms (operand.ts). A group that is a whole operand
 *    is parsed recursively; one glued to text (`a(b)`, `= f(1) + 2`) is an error, as in SEC.
 */

/** Parenthesis nesting allowed inside one expression. SEC has no limit; this keeps the stack safe. */
const MAX_DEPTH = 100;
const PRE_EVAL_RE = /^[\t\n\x0B\f\r ]*\[([^\n]*)\][\t\n\x0B\f\r ]*$/d;
const BLANK_RE = /^[\t\n\x0B\f\r ]*$/;

/** What to say when an operand turns out empty: depends on where it was cut from. */
interface EmptyHint {
  readonly message: string;
  readonly offset: number;
}

export function parseContextExpr(text: string): { context: ContextSpec | null; problems: LocalProblem[] } {
  let body = text;
  let base = 0;
  const bracket = PRE_EVAL_RE.exec(text);
  const inner = bracket?.indices?.[1];
  if (inner !== undefined) {
    body = text.slice(inner[0], inner[1]);
    base = inner[0];
  }
  const hint: EmptyHint =
    inner === undefined
      ? { message: 'empty context expression', offset: 0 }
      : { message: "empty context expression inside '[ ]'", offset: base - 1 };
  const result = parseExpression(body, base, 0, hint);
  if (!result.ok) {
    return {
      context: null,
      problems: [{ code: result.code, message: result.message, offset: result.offset }],
    };
  }
  const problems: LocalProblem[] = [];
  walkContextExpr(result.expr, (node) => {
    if (node.kind === 'perl') problems.push(perlProblem(node.operator, node.offset));
  });
  return {
    context: { preEval: inner !== undefined, expr: result.expr, usesPerl: problems.length > 0 },
    problems,
  };
}

function perlProblem(operator: '->' | ':>' | '=', offset: number): LocalProblem {
  const form = operator === '=' ? "'=CODE'" : `'[params] ${operator} CODE'`;
  return {
    code: 'SYS0802',
    message: `context operand ${form} runs Perl code, which syscorr does not support yet`,
    offset,
  };
}

/** A whole expression: the top-level value, or the content of one group found `depth` levels deep. */
function parseExpression(input: string, base: number, depth: number, hint: EmptyHint): OperandResult {
  if (depth > MAX_DEPTH) {
    return {
      ok: false,
      code: 'SYS0405',
      offset: base - 1,
      message: `parentheses nested more than ${MAX_DEPTH} levels deep`,
    };
  }
  const flattened = flattenGroups(input, base);
  if (!flattened.ok)
    return { ok: false, code: 'SYS0401', offset: flattened.offset, message: flattened.message };
  const flat = flattened.flat;
  return parseBinary(flat, 0, flat.text.length, depth, hint, 0);
}

const OPERATORS = ['||', '&&'] as const;

/**
 * Splits text[start, end) at every top-level `OPERATORS[level]`, found from the right as SEC's
 * rindex does, and folds the parts to the left: `a || b || c` is `(a || b) || c`.
 */
function parseBinary(
  flat: FlatText,
  start: number,
  end: number,
  depth: number,
  hint: EmptyHint,
  level: 0 | 1,
): OperandResult {
  const operator = OPERATORS[level];
  const cuts = findCuts(flat.text, operator, start, end);
  const next = (from: number, to: number, h: EmptyHint): OperandResult =>
    level === 0 ? parseBinary(flat, from, to, depth, h, 1) : parseUnary(flat, from, to, depth, h);
  if (cuts.length === 0) return next(start, end, hint);
  let from = start;
  let acc: ContextExpr | undefined;
  for (let i = 0; i <= cuts.length; i++) {
    const cut = cuts[i];
    const to = cut ?? end;
    const opAt = flat.origin[cut ?? (cuts[i - 1] as number)] ?? 0;
    const side = cut === undefined ? 'after' : 'before';
    const part = next(from, to, { message: `missing operand ${side} '${operator}'`, offset: opAt });
    if (!part.ok) return part;
    const prevAt = flat.origin[cuts[i - 1] ?? 0] ?? 0;
    acc =
      acc === undefined
        ? part.expr
        : { kind: level === 0 ? 'or' : 'and', left: acc, right: part.expr, offset: prevAt };
    from = to + operator.length;
  }
  return { ok: true, expr: acc as ContextExpr };
}

/** Positions of `operator` in text[start, end), as repeated rindex from the right would find them. */
function findCuts(text: string, operator: string, start: number, end: number): number[] {
  const cuts: number[] = [];
  let limit = end;
  while (limit - start >= operator.length) {
    const at = text.lastIndexOf(operator, limit - operator.length);
    if (at < start) break;
    cuts.push(at);
    limit = at;
  }
  return cuts.reverse();
}

/** SEC CX-not: `!` is a negation only in front of an operand (`a!` is a name). */
function parseUnary(
  flat: FlatText,
  start: number,
  end: number,
  depth: number,
  hint: EmptyHint,
): OperandResult {
  const bangs: number[] = [];
  let from = start;
  let currentHint = hint;
  for (;;) {
    let i = from;
    while (i < end && BLANK_RE.test(flat.text[i] as string)) i++;
    if (i >= end || flat.text[i] !== '!') break;
    bangs.push(flat.origin[i] ?? 0);
    currentHint = { message: "missing operand after '!'", offset: flat.origin[i] ?? 0 };
    from = i + 1;
  }
  if (BLANK_RE.test(flat.text.slice(from, end))) {
    return { ok: false, code: 'SYS0402', offset: currentHint.offset, message: currentHint.message };
  }
  const operand = parseOperand(flat, from, end, (group) =>
    parseExpression(group.content, group.offset, depth + 1, {
      message: "empty parentheses '()'",
      offset: group.offset - 1,
    }),
  );
  if (!operand.ok) return operand;
  let expr = operand.expr;
  for (let k = bangs.length - 1; k >= 0; k--) {
    expr = { kind: 'not', operand: expr, offset: bangs[k] as number };
  }
  return { ok: true, expr };
}
