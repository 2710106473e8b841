import {
  type MatchTemplate,
  type MatchValues,
  parseVarTemplate,
  type SubstTarget,
  substituteTemplate,
} from './match.js';

/**
 * Pair/PairWithWindow shadow templates (SEC VAR-shadow, VAR-pct3). When an operation is created
 * and pattern2 is RegExp, NRegExp, PerlFunc, NPerlFunc or Cached, desc2, action2 and context2
 * first go through a pass with token `%`: `%N`, `%{N}`, `%+{name}`, `%+{N}`, `%:{entry:name}`
 * and `%%` (a literal `%`) take **pattern1's** values. Before the pass every `$` in those values
 * is doubled, so the `$` pass that follows when pattern2 matches turns it back into one `$`
 * instead of reading it as a variable of pattern2.
 *
 * Not used when pattern1 produced no variables (then `%1` reaches the output as is), nor when
 * pattern2 is SubStr, NSubStr, NCached or TValue: pattern1's values then go through the ordinary
 * `$` pass (match.ts) at creation.
 *
 * Because action2 then sees two `%` passes (this one, then action-list variables), a literal `%`
 * before an action-list variable needs `%%%` there (`s%%%t` -> `s%%t` -> `s%t`).
 */

export function parseShadowTemplate(text: string): MatchTemplate {
  return parseVarTemplate(text, '%');
}

/**
 * Fills a shadow template with pattern1's values. For action2 (target 'action-list') the values'
 * `%` are doubled too (VAR-pct-mask), as for every match value put into an action list.
 */
export function substituteShadow(
  t: MatchTemplate,
  pattern1: MatchValues,
  target: SubstTarget = 'text',
): string {
  return substituteTemplate(t, pattern1, target === 'action-list' ? 'dollar-percent' : 'dollar');
}

/** The `$` doubling SEC applies to pattern1's values before the shadow pass. */
export function maskDollar(value: string): string {
  return value.replaceAll('$', () => '$$');
}
