import { perlRegex } from './perl-text.js';
import type { Arg } from './reader.js';
import { type ActionSpec, rest, word } from './spec.js';

/**
 * Actions on the operations a rule of this file started: reset, getwpos, setwpos. The rule
 * reference is resolved at load to an absolute 0-based rule number (AL-parse-time, ACT-reset).
 */

/**
 * SEC ACT-reset: `0` is the current rule, `K` the K-th rule (1-based), `+K`/`-K` relative to the
 * current rule. The result may be out of range; SEC does not check it (no operation then matches).
 */
export function resolveRuleOffset(sign: string, digits: string, ruleNumber: number): number {
  const k = Number(digits);
  if (sign === '+') return ruleNumber + k;
  if (sign === '-') return ruleNumber - k;
  return k === 0 ? ruleNumber : k - 1;
}

function ruleOf(sign: Arg | undefined, digits: Arg | undefined, ruleNumber: number): number {
  return resolveRuleOffset(sign?.text ?? '', digits?.text ?? '0', ruleNumber);
}

const RESET = perlRegex('^reset(?:\\s+([+-]?)0*([0-9]+))?(?:\\s+(.*\\S))?$');

// SEC ACT-reset: `reset [N] [str]`; without N every rule of this file. `reset 2nd` is text "2nd".
const reset: ActionSpec = {
  keyword: 'reset',
  args: [{ name: 'N', kind: 'offset', optional: true }, rest('STRING', true)],
  parse: (r) => {
    const m = r.match(RESET);
    if (m === null) return r.mismatch();
    const rule = m[1] === undefined ? null : ruleOf(m[0], m[1], r.ruleNumber);
    return r.done({ kind: 'reset', offset: r.offset, rule, text: r.orDefault(m[2], '%s') });
  },
};

const GETWPOS = perlRegex('^getwpos\\s+(\\S+)\\s+([+-]?)0*([0-9]+)(?:\\s+(.*\\S))?$');

// SEC ACT-getwpos: `getwpos %v N [str]`; N is required here.
const getwpos: ActionSpec = {
  keyword: 'getwpos',
  args: [word('%VAR'), { name: 'N', kind: 'offset' }, rest('STRING', true)],
  parse: (r) => {
    const m = r.match(GETWPOS);
    if (m === null) return r.mismatch();
    const variable = r.variable(m[0]);
    const rule = ruleOf(m[1], m[2], r.ruleNumber);
    return r.done({ kind: 'getwpos', offset: r.offset, variable, rule, text: r.orDefault(m[3], '%s') });
  },
};

const SETWPOS = perlRegex('^setwpos\\s+(\\S+)\\s+([+-]?)0*([0-9]+)(?:\\s+(.*\\S))?$');

// SEC ACT-setwpos: `setwpos TIME N [str]`; TIME is checked at run time.
const setwpos: ActionSpec = {
  keyword: 'setwpos',
  args: [word('TIME'), { name: 'N', kind: 'offset' }, rest('STRING', true)],
  parse: (r) => {
    const m = r.match(SETWPOS);
    if (m === null) return r.mismatch();
    const time = r.required(m[0], 'timestamp');
    const rule = ruleOf(m[1], m[2], r.ruleNumber);
    return r.done({ kind: 'setwpos', offset: r.offset, time, rule, text: r.orDefault(m[3], '%s') });
  },
};

export const OPERATION_ACTIONS: readonly ActionSpec[] = [reset, getwpos, setwpos];
