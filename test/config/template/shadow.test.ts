import { describe, expect, it } from 'vitest';
import {
  type MatchValues,
  maskDollar,
  parseActionVarTemplate,
  parseMatchTemplate,
  parseShadowTemplate,
  substituteActionVars,
  substituteMatch,
  substituteShadow,
} from '../../../src/config/template/index.js';

const pattern1: MatchValues = { numbered: ['P1 line', 'alice', 'cost $5', '50%'], named: { host: 'h$1' } };
const pattern2: MatchValues = { numbered: ['P2 line', 'bob'], named: {} };
const actionVars = (name: string): string | undefined => ({ t: 'TIME', s: 'DESC' })[name];

describe('VAR-shadow: %-forms take pattern1 values', () => {
  it('%N, %{N}, %+{name}, %+{N}, %% and %:{entry:name}', () => {
    const v = { ...pattern1, cache: (e: string, n: string) => `${e}.${n}` };
    const t = parseShadowTemplate('%1 %{1}0 %+{host} %+{1} %% %:{E:x} $1');
    expect(substituteShadow(t, v)).toBe('alice alice0 h$$1 alice % E.x $1');
  });

  it('doubles $ in the values, so the later $ pass gives it back as one $', () => {
    const afterShadow = substituteShadow(parseShadowTemplate('%2 / $1'), pattern1);
    expect(afterShadow).toBe('cost $$5 / $1');
    expect(substituteMatch(parseMatchTemplate(afterShadow), pattern2)).toBe('cost $5 / bob');
  });

  it('for action2 also doubles % in the values (VAR-pct-mask)', () => {
    const t = parseShadowTemplate('%3 %2');
    expect(substituteShadow(t, pattern1, 'action-list')).toBe('50%% cost $$5');
    expect(substituteShadow(t, pattern1)).toBe('50% cost $$5');
  });

  it('leaves other % forms alone', () => {
    const t = parseShadowTemplate('%t %{t} %x %+{} %');
    expect(substituteShadow(t, pattern1)).toBe('%t %{t} %x %+{} %');
  });

  it('maskDollar doubles every $', () => {
    expect(maskDollar('$1 $$ a')).toBe('$$1 $$$$ a');
  });
});

describe('VAR-pct3: two % passes in Pair action2', () => {
  /** action2 of a Pair: shadow pass at creation, $ pass on pattern2's match, then action vars. */
  function action2(text: string): string {
    const created = substituteShadow(parseShadowTemplate(text), pattern1, 'action-list');
    const matched = substituteMatch(parseMatchTemplate(created), pattern2, 'action-list');
    return substituteActionVars(parseActionVarTemplate(matched), actionVars);
  }

  it('s%%%t gives the literal text s%t; s%%t and s%t give the time; s%%%%%t gives % and the time', () => {
    expect(action2('s%%%t')).toBe('s%t');
    expect(action2('s%%t')).toBe('sTIME');
    expect(action2('s%t')).toBe('sTIME');
    expect(action2('s%%%%%t')).toBe('s%TIME');
  });

  it('pattern1 and pattern2 values arrive verbatim through all three passes', () => {
    expect(action2('%1 %2 %3 $1 %+{host}')).toBe('alice cost $5 50% bob h$1');
  });

  it('in desc2 (no action-variable pass) %%1 ends up as %1', () => {
    const desc2 = substituteShadow(parseShadowTemplate('%%1 %1'), pattern1);
    expect(substituteMatch(parseMatchTemplate(desc2), pattern2)).toBe('%1 alice');
  });
});
