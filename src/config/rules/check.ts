import type { Diagnostic } from '../diagnostics.js';
import type { RuleBlock } from '../lexer.js';
import { BUILDERS } from './builders.js';
import { buildEventGroup } from './eventgroup.js';
import { RuleProblems } from './fields.js';
import { eventGroupSchema, parseRuleType, RULE_SCHEMAS, type Schema } from './schema.js';
import type { FileOptions, Rule } from './types.js';

export type CheckResult =
  | { readonly kind: 'rule'; readonly rule: Rule; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'options'; readonly options: FileOptions; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'invalid'; readonly diagnostics: readonly Diagnostic[] };

export interface CheckContext {
  readonly file: string;
  readonly number: number;
  readonly bufsize: number;
}

/** SEC missing_keywords: every required keyword present, every present keyword legal (field matrix). */
function checkKeywords(block: RuleBlock, schema: Schema, typeName: string, problems: RuleProblems): void {
  for (const [keyword, need] of Object.entries(schema)) {
    if (need === 'R' && !block.fields.has(keyword)) {
      problems.atLine(
        block.startLine,
        'SYS0203',
        `keyword '${keyword}' missing (needed for ${typeName} rule)`,
      );
    }
  }
  for (const f of block.fields.values()) {
    if (!(f.keyword in schema)) {
      problems.at(f, 'SYS0204', `keyword '${f.keyword}' illegal (not allowed for ${typeName} rule)`);
    }
  }
}

function optionsOf(block: RuleBlock, problems: RuleProblems): FileOptions {
  const p = block.fields.get('procallin');
  let procallin = true;
  if (p !== undefined) {
    const upper = p.value.toUpperCase();
    if (upper === 'NO') procallin = false;
    else if (upper !== 'YES') {
      problems.at(p, 'SYS0211', `invalid procallin value '${p.value}', assuming procallin=Yes`, 0);
    }
  }
  const j = block.fields.get('joincfset');
  const joincfset =
    j === undefined ? [] : [...new Set(j.value.split(/[\t\n\v\f\r ]+/).filter((w) => w !== ''))];
  return { joincfset, procallin };
}

/** SEC check_rule: one rule block → a compiled rule, file options, or the reasons it is invalid. */
export function checkRule(block: RuleBlock, ctx: CheckContext): CheckResult {
  const problems = new RuleProblems(ctx.file);
  const typeField = block.fields.get('type');
  if (typeField === undefined) {
    problems.atLine(block.startLine, 'SYS0201', "keyword 'type' missing");
    return { kind: 'invalid', diagnostics: problems.list };
  }
  const parsed = parseRuleType(typeField.value);
  if (parsed === null) {
    problems.at(typeField, 'SYS0202', `invalid rule type '${typeField.value}'`, 0);
    return { kind: 'invalid', diagnostics: problems.list };
  }
  const typeName = typeField.value.toUpperCase();
  if (parsed.type === 'EventGroup' && parsed.members < 1) {
    problems.at(typeField, 'SYS0212', `invalid rule type '${typeField.value}' (N must be at least 1)`, 0);
    return { kind: 'invalid', diagnostics: problems.list };
  }
  if (parsed.type === 'EventGroup' && parsed.members > block.fields.size) {
    // Each member needs its own ptype and pattern, so this block cannot be complete; do not build
    // a schema of N entries for a hostile N.
    problems.atLine(
      block.startLine,
      'SYS0203',
      `keyword 'ptype${parsed.members}' missing (needed for ${typeName} rule)`,
    );
    return { kind: 'invalid', diagnostics: problems.list };
  }
  const schema = parsed.type === 'EventGroup' ? eventGroupSchema(parsed.members) : RULE_SCHEMAS[parsed.type];
  checkKeywords(block, schema, typeName, problems);
  if (problems.failed) return { kind: 'invalid', diagnostics: problems.list };
  if (parsed.type === 'Options') {
    return { kind: 'options', options: optionsOf(block, problems), diagnostics: problems.list };
  }
  const bctx = { ...ctx, problems };
  const rule =
    parsed.type === 'EventGroup'
      ? buildEventGroup(block, parsed.members, bctx)
      : BUILDERS[parsed.type](block, bctx);
  if (rule === null || problems.failed) return { kind: 'invalid', diagnostics: problems.list };
  return { kind: 'rule', rule, diagnostics: problems.list };
}
