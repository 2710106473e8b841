import type { Field, RuleBlock } from '../lexer.js';
import { compilePerlRegex } from '../perl-regex/index.js';
import { parseYesNo } from './fields.js';
import {
  actionList,
  type BuildContext,
  field,
  matcher,
  requiredActions,
  threshOf,
  windowOf,
} from './parts.js';
import { substSpecialChars } from './pattern.js';
import { memberSuffix } from './schema.js';
import type { EventGroupMember, EventGroupRule } from './types.js';

/** SEC analyze_eventgroup_pattern (RT-eg-egpattern): no N-line, Cached or TValue forms. */
function egPattern(ptype: Field, pattern: Field, ctx: BuildContext): EventGroupRule['egpattern'] {
  const m = /^(n?)(regexp|substr|perlfunc)$/i.exec(ptype.value);
  if (m === null) {
    ctx.problems.at(ptype, 'SYS0607', `invalid event group pattern type '${ptype.value}'`, 0);
    return null;
  }
  const negate = (m[1] ?? '') !== '';
  const kind = (m[2] ?? '').toLowerCase();
  if (kind === 'substr') return { kind: 'SubStr', negate, text: substSpecialChars(pattern.value) };
  if (kind === 'perlfunc') {
    ctx.problems.at(
      pattern,
      'SYS0801',
      `egptype=${ptype.value} needs Perl code, which is not supported yet`,
      0,
    );
    return { kind: 'PerlFunc', negate, code: pattern.value };
  }
  const compiled = compilePerlRegex(pattern.value);
  if (!compiled.ok) {
    ctx.problems.local(pattern, [compiled.problem]);
    return null;
  }
  ctx.problems.local(pattern, compiled.warnings);
  return { kind: 'RegExp', negate, source: pattern.value, regex: compiled.regex };
}

function member(
  block: RuleBlock,
  i: number,
  ctx: BuildContext,
  hasEgPattern: boolean,
): EventGroupMember | null {
  const j = memberSuffix(i);
  const m = matcher(block, j, ctx);
  const count = actionList(block, `count${j}`, ctx);
  const thresh = threshOf(block, ctx, `thresh${j}`, { allowZero: false, missing: 1 });
  const tokenField = field(block, `egtoken${j}`);
  if (tokenField !== undefined && !hasEgPattern) {
    ctx.problems.at(tokenField, 'SYS0213', `'egtoken${j}' keyword requires the 'egpattern' keyword`);
  }
  const token = hasEgPattern ? (tokenField?.value ?? String(i + 1)) : null;
  return m && { ...m, count, thresh, token };
}

/** EventGroup[N] (RT-eg-*): N members sharing one desc, window, action and init/slide/end lists. */
export function buildEventGroup(block: RuleBlock, members: number, ctx: BuildContext): EventGroupRule | null {
  const egType = field(block, 'egptype');
  const egPat = field(block, 'egpattern');
  const list: EventGroupMember[] = [];
  let ok = true;
  for (let i = 0; i < members; i++) {
    const m = member(block, i, ctx, egPat !== undefined);
    if (m === null) ok = false;
    else list.push(m);
  }
  const action = requiredActions(block, 'action', ctx);
  const init = actionList(block, 'init', ctx);
  const slide = actionList(block, 'slide', ctx);
  const end = actionList(block, 'end', ctx);
  const window = windowOf(block, ctx);
  const mf = field(block, 'multact');
  const multact = mf === undefined ? false : parseYesNo(mf, ctx.problems);
  let egpattern: EventGroupRule['egpattern'] = null;
  if (egType !== undefined && egPat === undefined) {
    ctx.problems.at(egType, 'SYS0213', "'egptype' keyword requires the 'egpattern' keyword");
  } else if (egPat !== undefined && egType === undefined) {
    ctx.problems.at(egPat, 'SYS0213', "'egpattern' keyword requires the 'egptype' keyword");
  } else if (egType !== undefined && egPat !== undefined) {
    egpattern = egPattern(egType, egPat, ctx);
  }
  if (!ok) return null;
  const desc = field(block, 'desc')?.value ?? '';
  return {
    type: 'EventGroup',
    file: ctx.file,
    number: ctx.number,
    line: block.startLine,
    members: list,
    desc,
    action,
    init,
    slide,
    end,
    window,
    multact,
    egpattern,
  };
}
