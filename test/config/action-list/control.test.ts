import { describe, expect, it } from 'vitest';
import { parseActionList } from '../../../src/config/action-list/index.js';
import { all, one, problems, theProblem } from './helpers.js';

describe('control actions (ACT-none, ACT-break, ACT-continue, ACT-if, ACT-while)', () => {
  it('ACT-none, ACT-break, ACT-continue take no arguments', () => {
    expect(all('none; break; continue')).toEqual([
      { kind: 'none', offset: 0 },
      { kind: 'break', offset: 6 },
      { kind: 'continue', offset: 13 },
    ]);
    expect(problems('none x')).toEqual([['SYS0305', 5]]);
    expect(theProblem('continue 1').message).toBe(
      "too many arguments for action 'continue': '1' (usage: continue)",
    );
  });

  it('ACT-if: variable, then-list and else-list (else is case-insensitive)', () => {
    expect(one('if %ok (write - yes) ElSe (write - no; break)')).toEqual({
      kind: 'if',
      offset: 0,
      variable: 'ok',
      thenList: { actions: [{ kind: 'write', offset: 8, file: '-', text: 'yes' }] },
      elseList: {
        actions: [
          { kind: 'write', offset: 27, file: '-', text: 'no' },
          { kind: 'break', offset: 39 },
        ],
      },
    });
  });

  it('ACT-if: without else the else-list is empty; one empty list is fine', () => {
    expect(one('if %v (none)')).toMatchObject({
      thenList: { actions: [{ kind: 'none' }] },
      elseList: { actions: [] },
    });
    expect(one('if %v () else (none)')).toMatchObject({ thenList: { actions: [] } });
  });

  it('ACT-if: both lists empty is SYS0309 (a list of only ; is empty too)', () => {
    expect(theProblem('none; if %v ( ) else ()')).toMatchObject({ code: 'SYS0309', offset: 6 });
    expect(problems('if %v (;)')).toEqual([['SYS0309', 0]]);
  });

  it('ACT-if: the bodies must be parenthesised whole words (SYS0308 at the keyword)', () => {
    const p = theProblem('none; if %v none');
    expect(p).toMatchObject({ code: 'SYS0308', offset: 6 });
    expect(p.message).toBe(
      "action 'if' needs a parenthesised action list (usage: if %VAR (LIST) [else (LIST2)])",
    );
    for (const bad of ['if', 'if %v', 'if %v (a) else(b)', 'if %v (a) (b)', 'if %v (a) else (b) x']) {
      expect(problems(bad)).toEqual([['SYS0308', 0]]);
    }
  });

  it('ACT-if: a group glued to the variable makes it an invalid variable (SYS0306 at it)', () => {
    const p = theProblem('if %v(x) (none)');
    expect(p).toMatchObject({ code: 'SYS0306', offset: 3 });
    expect(p.message).toBe("'%v(x)' is not a valid variable name (must be %[A-Za-z]\\w*)");
    expect(problems('if v (none)')).toEqual([['SYS0306', 3]]);
  });

  it('ACT-while: variable and a non-blank body; a body of only ; is accepted (as SEC)', () => {
    expect(one('while %n (pop C %n; write - %n)')).toEqual({
      kind: 'while',
      offset: 0,
      variable: 'n',
      body: {
        actions: [
          { kind: 'pop', offset: 10, context: 'C', variable: 'n' },
          { kind: 'write', offset: 20, file: '-', text: '%n' },
        ],
      },
    });
    expect(one('while %v (;)')).toMatchObject({ body: { actions: [] } });
    expect(problems('while %v ( )')).toEqual([['SYS0309', 0]]);
    expect(problems('while %v')).toEqual([['SYS0308', 0]]);
    expect(problems('while %v (a) (b)')).toEqual([['SYS0308', 0]]);
  });

  it('AL-control: break inside if inside while parses to the nested structure', () => {
    expect(one('while %v (if %w (break) else (continue))')).toEqual({
      kind: 'while',
      offset: 0,
      variable: 'v',
      body: {
        actions: [
          {
            kind: 'if',
            offset: 10,
            variable: 'w',
            thenList: { actions: [{ kind: 'break', offset: 17 }] },
            elseList: { actions: [{ kind: 'continue', offset: 30 }] },
          },
        ],
      },
    });
  });
});

describe('nested lists: problems point into the outer text', () => {
  it('an unknown action three levels deep', () => {
    const text = 'set X 1 (create Y 2 (if %v (bogus arg)))';
    expect(theProblem(text)).toMatchObject({ code: 'SYS0303', offset: text.indexOf('bogus') });
  });

  it('unbalanced parentheses inside an expiry list', () => {
    const text = 'create X 10 (write - a) (b)';
    expect(theProblem(text)).toMatchObject({ code: 'SYS0301', offset: 22 });
  });

  it('an escaped parenthesis inside a nested list is unescaped once (AL-paren-strip)', () => {
    expect(one('create X 1 (write - \\(x\\))')).toMatchObject({
      actions: { actions: [{ kind: 'write', offset: 12, text: '(x)' }] },
    });
    expect(one('if %v (write - \\) x)')).toMatchObject({
      thenList: { actions: [{ kind: 'write', offset: 7, text: ') x' }] },
    });
  });

  it('problems in both branches of an if are all reported, nothing for the if itself', () => {
    const text = 'if %v (writ x) else (free v)';
    expect(problems(text)).toEqual([
      ['SYS0303', 7],
      ['SYS0306', 26],
    ]);
  });

  it('reset inside a nested list resolves against the same rule number', () => {
    const { list } = parseActionList('create X 1 (reset -1 y)', { ruleNumber: 4 });
    expect(list.actions[0]).toMatchObject({ actions: { actions: [{ kind: 'reset', rule: 3, text: 'y' }] } });
  });
});
