import { describe, expect, it } from 'vitest';
import { ACTION_KEYWORDS, parseActionList } from '../../../src/config/action-list/index.js';
import { VALID_FORMS } from './forms.js';
import { all, one, problems, theProblem } from './helpers.js';

const PERL_ACTIONS = new Set(['eval', 'call', 'lcall']);

describe('parseActionList', () => {
  it('knows all 66 actions, each once, in lower case', () => {
    expect(ACTION_KEYWORDS).toHaveLength(66);
    expect(new Set(ACTION_KEYWORDS).size).toBe(66);
    expect([...ACTION_KEYWORDS].sort()).toEqual(Object.keys(VALID_FORMS).sort());
  });

  it.each(Object.entries(VALID_FORMS))('ACT-%s: a valid form parses to its kind', (keyword, text) => {
    const { list, problems: found } = parseActionList(`none; ${text}`, { ruleNumber: 0 });
    expect(list.actions.map((a) => [a.kind, a.offset])).toEqual([
      ['none', 0],
      [keyword, 6],
    ]);
    expect(found.map((p) => p.code)).toEqual(PERL_ACTIONS.has(keyword) ? ['SYS0803'] : []);
  });

  it.each(Object.entries(VALID_FORMS))('AL-tokens: %s is case-insensitive', (keyword, text) => {
    const upper = keyword.toUpperCase() + text.slice(keyword.length);
    const { list } = parseActionList(upper, { ruleNumber: 0 });
    expect(list.actions[0]?.kind).toBe(keyword);
  });

  it('an empty or blank list is an empty list', () => {
    expect(all('')).toEqual([]);
    expect(all('  \t ')).toEqual([]);
    expect(all(' ; ')).toEqual([]);
  });

  it('unknown actions are SYS0303 at the keyword, and the rest of the list is still read', () => {
    const p = theProblem('write - a; wirte - b; none');
    expect(p).toEqual({ code: 'SYS0303', message: "unknown action 'wirte'", offset: 11 });
    const { list } = parseActionList('write - a; wirte - b; none', { ruleNumber: 0 });
    expect(list.actions.map((a) => a.kind)).toEqual(['write', 'none']);
  });

  it('a keyword glued to its argument is not a keyword (SEC needs whitespace)', () => {
    expect(theProblem('write(x)').message).toBe("unknown action 'write(x)'");
    expect(problems('(none)')).toEqual([['SYS0303', 0]]);
  });

  it('an empty action (leading ; or ;;) is SYS0302 at the ; that ends it', () => {
    expect(problems(';none')).toEqual([['SYS0302', 0]]);
    expect(problems('none ; ; none')).toEqual([['SYS0302', 7]]);
    expect(problems('none;;')).toEqual([]);
  });

  it('AL-unbalanced makes the whole list invalid, with no actions', () => {
    const { list, problems: found } = parseActionList('none; eval %o (print ")";)', { ruleNumber: 0 });
    expect(list.actions).toEqual([]);
    expect(found).toEqual([
      { code: 'SYS0301', message: 'unbalanced parentheses in action list', offset: 25 },
    ]);
  });

  it('reports every bad action of a list', () => {
    expect(problems('write; closef a b; copy C v; none')).toEqual([
      ['SYS0304', 0],
      ['SYS0305', 16],
      ['SYS0306', 26],
    ]);
  });

  it('offsets count from the start of the given text, leading whitespace included', () => {
    expect(one('   none')).toEqual({ kind: 'none', offset: 3 });
    expect(problems('  \t nonee')).toEqual([['SYS0303', 4]]);
  });

  it('AL-tokens: keywords fold ASCII case only, as Perl /i on bytes', () => {
    expect(problems('brea\u212a')).toEqual([['SYS0303', 0]]);
  });

  it('AL-tokens: any ASCII whitespace separates words, a non-breaking space does not', () => {
    expect(one('write\t-\vx')).toEqual({ kind: 'write', offset: 0, file: '-', text: 'x' });
    expect(problems('write\u00a0- x')).toEqual([['SYS0303', 0]]);
  });
});
