import type { RuleType } from './types.js';

/** R = required, O = optional; a keyword absent from the schema is illegal for the type (SEC field matrix 1.1). */
export type Need = 'R' | 'O';
export type Schema = Readonly<Record<string, Need>>;

const MATCH: Schema = { type: 'R', continue: 'O', ptype: 'R', pattern: 'R', varmap: 'O', context: 'O' };
const SECOND: Schema = {
  continue2: 'O',
  ptype2: 'R',
  pattern2: 'R',
  varmap2: 'O',
  context2: 'O',
  desc2: 'R',
  action2: 'R',
};

/** Field matrix for every rule type except EventGroupN, whose schema depends on N. */
export const RULE_SCHEMAS: Readonly<Record<Exclude<RuleType, 'EventGroup'>, Schema>> = {
  Single: { ...MATCH, desc: 'R', action: 'R' },
  SingleWithScript: { ...MATCH, script: 'R', shell: 'O', desc: 'R', action: 'R', action2: 'O' },
  SingleWithSuppress: { ...MATCH, desc: 'R', action: 'R', window: 'R' },
  Pair: { ...MATCH, desc: 'R', action: 'R', ...SECOND, window: 'O' },
  PairWithWindow: { ...MATCH, desc: 'R', action: 'R', ...SECOND, window: 'R' },
  SingleWithThreshold: { ...MATCH, desc: 'R', action: 'R', action2: 'O', window: 'R', thresh: 'R' },
  SingleWith2Thresholds: {
    ...MATCH,
    desc: 'R',
    action: 'R',
    window: 'R',
    thresh: 'R',
    desc2: 'R',
    action2: 'R',
    window2: 'R',
    thresh2: 'R',
  },
  Suppress: { type: 'R', ptype: 'R', pattern: 'R', varmap: 'O', context: 'O', desc: 'O' },
  Calendar: { type: 'R', time: 'R', context: 'O', desc: 'R', action: 'R' },
  Jump: { ...MATCH, cfset: 'O', constset: 'O', desc: 'O' },
  Options: { type: 'R', joincfset: 'O', procallin: 'O' },
};

/** The keyword suffix of EventGroup member i (0-based): "" for the first, then "2".."N" (RT-eg-match). */
export function memberSuffix(i: number): string {
  return i === 0 ? '' : String(i + 1);
}

export function eventGroupSchema(n: number): Schema {
  const schema: Record<string, Need> = {
    type: 'R',
    desc: 'R',
    action: 'R',
    multact: 'O',
    init: 'O',
    slide: 'O',
    end: 'O',
    window: 'R',
    egptype: 'O',
    egpattern: 'O',
  };
  for (let i = 0; i < n; i++) {
    const j = memberSuffix(i);
    Object.assign(schema, {
      [`continue${j}`]: 'O',
      [`ptype${j}`]: 'R',
      [`pattern${j}`]: 'R',
      [`varmap${j}`]: 'O',
      [`context${j}`]: 'O',
      [`count${j}`]: 'O',
      [`thresh${j}`]: 'O',
      [`egtoken${j}`]: 'O',
    });
  }
  return schema;
}

const TYPE_NAMES: ReadonlyMap<string, Exclude<RuleType, 'EventGroup'>> = new Map(
  (Object.keys(RULE_SCHEMAS) as Exclude<RuleType, 'EventGroup'>[]).map((t) => [t.toUpperCase(), t]),
);

/**
 * The `type=` value, case-insensitive (CF-case). EventGroup takes an optional N with leading
 * zeros (SEC: /^EVENTGROUP(?:0*\B)?([0-9]*)$/); N = 0 is reported by the caller (SYS0212).
 */
export function parseRuleType(
  value: string,
): { type: Exclude<RuleType, 'EventGroup'> } | { type: 'EventGroup'; members: number } | null {
  const upper = value.toUpperCase();
  const named = TYPE_NAMES.get(upper);
  if (named !== undefined) return { type: named };
  const m = /^EVENTGROUP([0-9]*)$/.exec(upper);
  if (m === null) return null;
  const digits = m[1] ?? '';
  return { type: 'EventGroup', members: digits === '' ? 1 : Number.parseInt(digits, 10) };
}
