import type { ActionList } from '../../config/action-list/index.js';
import type { ContextExpr, ContextSpec } from '../../config/context-expr/index.js';
import { compilePerlRegex, quotemeta } from '../../config/perl-regex/index.js';
import type { PairRule, Pattern } from '../../config/rules/types.js';
import type { MatchValues } from '../../config/template/index.js';
import { expired, type Operation } from '../operations.js';
import type { RuleRuntime } from './runtime.js';

/**
 * A Pair or PairWithWindow operation (RT-pair-start, RT-pww). Everything the second half needs is
 * frozen at creation with pattern1's values (RT-freeze, VAR-shadow): pattern2 (PT-pair2-regexp,
 * PT-pair2-substr), context2, desc2 and action2. `action` is Pair's start action or PWW's timeout.
 */
export interface PairOperation extends Operation {
  readonly kind: 'Pair' | 'PairWithWindow';
  readonly rule: PairRule;
  readonly action: ActionList;
  readonly pattern2: Pattern;
  readonly context2: ContextSpec | null;
  readonly desc2: string;
  readonly action2: ActionList;
}

/** The live Pair/PWW operation for `key`, if any. */
export function pairOperation(rt: RuleRuntime, key: string): PairOperation | undefined {
  const op = rt.operations.get(key);
  return op !== undefined && (op.kind === 'Pair' || op.kind === 'PairWithWindow')
    ? (op as PairOperation)
    : undefined;
}

/**
 * SEC process_pair_rule / process_pairwithwindow_rule: build the operation for a pattern1 match.
 * Returns null when pattern2 does not compile (RT-pair-start: logged, no operation, no action).
 */
export function openPairOperation(
  rule: PairRule,
  values: MatchValues | null,
  key: string,
  desc: string,
  rt: RuleRuntime,
): PairOperation | null {
  const base = { kind: rule.type, key, rule, desc, start: rt.now, window: rule.window } as const;
  const p2 = rule.second.pattern;
  if (values === null) {
    // VAR-shadow: pattern1 produced no variables, so nothing is substituted (`%1` stays literal).
    const pattern2 = compileSecond(p2, p2.kind === 'RegExp' ? p2.source : '', rule, key, rt);
    if (pattern2 === null) return null;
    const { desc2, action2 } = rule;
    return { ...base, action: rule.action, pattern2, context2: rule.second.context, desc2, action2 };
  }
  const action = rt.freeze(rule.action, values);
  if (usesShadowPass(p2)) {
    // PT-pair2-regexp: pattern1's values go into the regex quoted with quotemeta.
    const source = p2.kind === 'RegExp' ? rt.subst(p2.source, quoted(values)) : '';
    const pattern2 = compileSecond(p2, source, rule, key, rt);
    if (pattern2 === null) return null;
    // VAR-shadow: `%N` = pattern1's values, `$` in them doubled for the later `$` pass.
    const shadow = (text: string): string => rt.substShadow(text, values);
    return {
      ...base,
      action,
      pattern2,
      context2: mapContext(rule.second.context, shadow),
      desc2: shadow(rule.desc2),
      action2: rt.freezeShadow(rule.action2, values),
    };
  }
  // PT-pair2-substr, VAR-shadow: SubStr/NSubStr/NCached/TValue pattern2 takes pattern1's values
  // with the ordinary `$` token; SubStr text gets them raw (no escaping).
  const dollar = (text: string): string => rt.subst(text, values);
  return {
    ...base,
    action,
    pattern2: p2.kind === 'SubStr' ? { ...p2, text: dollar(p2.text) } : p2,
    context2: mapContext(rule.second.context, dollar),
    desc2: dollar(rule.desc2),
    action2: rt.freeze(rule.action2, values),
  };
}

/**
 * SEC match_pair_operations (RT-pair-close, RT-pww): the event did not match pattern1, so every
 * live operation of the rule tries pattern2 (+context2). Returns true if any consumed the event,
 * which makes the rule loop apply continue2 (CF-continue).
 */
export function closePairOperations(rule: PairRule, rt: RuleRuntime): boolean {
  let consumed = false;
  for (const base of rt.operations.ofRule(rule)) {
    // An earlier action2 may have reset this operation (SEC checks `exists` in its loop).
    if (!rt.operations.isLive(base)) continue;
    const op = base as PairOperation;
    const ctx = op.context2;
    // CX-preeval: a [..] context2 is evaluated before pattern2, without variables.
    if (ctx?.preEval === true && !rt.contextTrue(ctx, null)) continue;
    const values = rt.match(op.pattern2, rule.second.varmap);
    if (values === false) continue;
    if (ctx !== null && !ctx.preEval && !rt.contextTrue(ctx, values)) continue;
    // RT-pair-window: an expired Pair operation not yet collected ends without action2; PWW does
    // not re-check its window here (RT-pww, for event ordering).
    if (op.kind === 'Pair' && expired(op, rt.now)) {
      rt.operations.delete(op.key);
      continue;
    }
    consumed = true;
    // RT-freeze: desc2/action2 get the closing event's `$` values.
    rt.run(rt.freeze(op.action2, values), rt.subst(op.desc2, values));
    if (rt.operations.isLive(op)) rt.operations.delete(op.key);
  }
  return consumed;
}

/** VAR-shadow: the pattern2 kinds whose own `$` values are used at close, so pattern1's are `%`. */
function usesShadowPass(p: Pattern): boolean {
  return p.kind === 'RegExp' || p.kind === 'PerlFunc' || (p.kind === 'Cached' && !p.negate);
}

/** SEC subst_regexp: the values with quotemeta applied (match cache refs stay raw, as in SEC). */
function quoted(values: MatchValues): MatchValues {
  const named: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(values.named)) named[k] = v === undefined ? v : quotemeta(v);
  const numbered = values.numbered.map((v) => (v === undefined ? v : quotemeta(v)));
  return { numbered, named };
}

/** PT-pair2-regexp: a deferred pattern2 (regex null) is compiled now; others are kept as loaded. */
function compileSecond(
  p: Pattern,
  source: string,
  rule: PairRule,
  key: string,
  rt: RuleRuntime,
): Pattern | null {
  if (p.kind !== 'RegExp' || p.regex !== null) return p;
  const compiled = compilePerlRegex(source);
  if (compiled.ok) return { ...p, source, regex: compiled.regex };
  logError(
    rt,
    `Runtime variable evaluation yielded an invalid regular expression '${source}' for ${rule.type} rule: ${compiled.problem.message}`,
  );
  logError(rt, `Can't start ${rule.type} event correlation operation with the key '${key}'`);
  return null;
}

function logError(rt: RuleRuntime, message: string): void {
  rt.log(2, message);
}

/** SEC subst_context on a copy: every template operand of context2 rewritten by `subst`. */
function mapContext(spec: ContextSpec | null, subst: (text: string) => string): ContextSpec | null {
  if (spec === null) return null;
  const expr = mapExpr(spec.expr, subst);
  return expr === spec.expr ? spec : { ...spec, expr };
}

function mapExpr(e: ContextExpr, subst: (text: string) => string): ContextExpr {
  switch (e.kind) {
    case 'name': {
      const name = subst(e.name);
      return name === e.name ? e : { ...e, name };
    }
    case 'varset': {
      const entry = subst(e.entry);
      return entry === e.entry ? e : { ...e, entry };
    }
    case 'perl': {
      const params = e.params.map(subst);
      const code = e.operator === '=' ? subst(e.code) : e.code;
      return code === e.code && params.every((v, i) => v === e.params[i]) ? e : { ...e, params, code };
    }
    case 'not': {
      const operand = mapExpr(e.operand, subst);
      return operand === e.operand ? e : { ...e, operand };
    }
    case 'group': {
      const expr = mapExpr(e.expr, subst);
      return expr === e.expr ? e : { ...e, expr };
    }
    case 'and':
    case 'or': {
      const left = mapExpr(e.left, subst);
      const right = mapExpr(e.right, subst);
      return left === e.left && right === e.right ? e : { ...e, left, right };
    }
  }
}
