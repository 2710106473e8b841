import { type ActionList, parseActionList } from '../action-list/index.js';
import { type ContextSpec, parseContextExpr } from '../context-expr/index.js';
import type { Field, RuleBlock } from '../lexer.js';
import { parseContinue, parseUnsigned, type RuleProblems } from './fields.js';
import { parsePattern, parseVarmap } from './pattern.js';
import type { Matcher, Pattern } from './types.js';

/** What every builder needs to know about the rule being built. */
export interface BuildContext {
  readonly file: string;
  /** The number this rule gets if it is valid (CF-numbering). */
  readonly number: number;
  readonly bufsize: number;
  readonly problems: RuleProblems;
}

/** A present field; the schema check has already reported missing required ones. */
export function field(block: RuleBlock, keyword: string): Field | undefined {
  return block.fields.get(keyword);
}

const EMPTY: ActionList = { actions: [] };

/** An action-list field (AL-*), parsed with the rule's number for reset/getwpos/setwpos offsets. */
export function actionList(block: RuleBlock, keyword: string, ctx: BuildContext): ActionList | null {
  const f = field(block, keyword);
  if (f === undefined) return null;
  const { list, problems } = parseActionList(f.value, { ruleNumber: ctx.number });
  ctx.problems.local(f, problems);
  return list;
}

/** A required action list: a missing one was already reported by the schema check. */
export function requiredActions(block: RuleBlock, keyword: string, ctx: BuildContext): ActionList {
  return actionList(block, keyword, ctx) ?? EMPTY;
}

export function contextOf(
  block: RuleBlock,
  keyword: string,
  ctx: BuildContext,
): { context: ContextSpec | null; contextText: string | null } {
  const f = field(block, keyword);
  if (f === undefined) return { context: null, contextText: null };
  const { context, problems } = parseContextExpr(f.value);
  ctx.problems.local(f, problems);
  return { context, contextText: f.value };
}

/** ptype/pattern/varmap/context/continue with a keyword suffix ("", "2", … for Pair and EventGroup). */
export function matcher(
  block: RuleBlock,
  suffix: string,
  ctx: BuildContext,
  firstPattern?: Pattern,
): Matcher | null {
  const ptype = field(block, `ptype${suffix}`);
  const pat = field(block, `pattern${suffix}`);
  if (ptype === undefined || pat === undefined) return null;
  const cont = parseContinue(field(block, `continue${suffix}`), ctx.problems);
  const options =
    firstPattern === undefined ? { bufsize: ctx.bufsize } : { bufsize: ctx.bufsize, firstPattern };
  const pattern = parsePattern(ptype, pat, options, ctx.problems);
  if (pattern === null) return null;
  const vm = field(block, `varmap${suffix}`);
  const varmap = vm === undefined ? [] : parseVarmap(vm, pattern, ctx.problems);
  return { pattern, varmap, ...contextOf(block, `context${suffix}`, ctx), continue: cont };
}

/** window / window2 (CF-int): > 0, except Pair's optional window where 0 means infinite; absent → 0. */
export function windowOf(
  block: RuleBlock,
  ctx: BuildContext,
  opts: { keyword?: string; name?: string; allowZero?: boolean } = {},
): number {
  const f = field(block, opts.keyword ?? 'window');
  if (f === undefined) return 0;
  const what = {
    code: 'SYS0208',
    name: opts.name ?? 'time window',
    allowZero: opts.allowZero ?? false,
  } as const;
  return parseUnsigned(f, ctx.problems, what);
}

/** thresh, thresh2, threshN (CF-int); `missing` is the value when the keyword is absent. */
export function threshOf(
  block: RuleBlock,
  ctx: BuildContext,
  keyword: string,
  opts: { allowZero: boolean; name?: string; missing?: number },
): number {
  const f = field(block, keyword);
  if (f === undefined) return opts.missing ?? 0;
  const what = { code: 'SYS0209', name: opts.name ?? 'threshold', allowZero: opts.allowZero } as const;
  return parseUnsigned(f, ctx.problems, what);
}
