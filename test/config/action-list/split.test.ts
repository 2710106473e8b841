import { describe, expect, it } from 'vitest';
import {
  isVariableToken,
  perlRegex,
  splitArgv,
  splitWords,
  stripActionParens,
  unwrapList,
} from '../../../src/config/action-list/perl-text.js';
import { findGroups, maskPart, splitActionList } from '../../../src/config/action-list/split.js';

function texts(list: string): string[] {
  const r = splitActionList(list, 0, list.length);
  if (!r.ok) throw new Error('unexpected unbalanced list');
  return r.parts.map((p) => list.slice(p.start, p.end));
}

describe('AL-split: splitting a list on top-level semicolons', () => {
  it('splits on ; and drops the whitespace around each separator', () => {
    expect(texts('  a 1 ;b;\tc  2 ')).toEqual(['a 1', 'b', 'c  2']);
  });

  it('does not split inside parenthesised groups, however deep', () => {
    expect(texts('create X 1 (a; (b; c)); d')).toEqual(['create X 1 (a; (b; c))', 'd']);
  });

  it('drops trailing empty parts as Perl split does, but keeps leading and inner ones', () => {
    expect(texts('a; ;')).toEqual(['a']);
    expect(texts(';')).toEqual([]);
    expect(texts('')).toEqual([]);
    const r = splitActionList(';a;;b', 0, 5);
    expect(r.ok && r.parts.map((p) => [p.start, p.end])).toEqual([
      [0, 0],
      [1, 2],
      [3, 3],
      [4, 5],
    ]);
  });

  it('works on a range of a larger text and keeps absolute offsets', () => {
    const text = 'xx( a ;b )yy';
    const r = splitActionList(text, 3, 9);
    expect(r.ok && r.parts.map((p) => [p.start, p.end])).toEqual([
      [4, 5],
      [7, 8],
    ]);
  });

  it('records each part’s top-level groups', () => {
    const list = 'if %v (a) else (b (c)); x';
    const r = splitActionList(list, 0, list.length);
    expect(r.ok && r.parts[0]?.groups).toEqual([
      { open: 6, close: 8 },
      { open: 15, close: 21 },
    ]);
    expect(r.ok && r.parts[1]?.groups).toEqual([]);
  });
});

describe('AL-unbalanced: parenthesis balance', () => {
  it('reports an extra ) at its offset', () => {
    expect(findGroups('a) (b', 0, 5)).toBe(1);
  });

  it('reports the outermost unclosed ( at its offset', () => {
    expect(findGroups('x (a (b)', 0, 8)).toBe(2);
    expect(findGroups('(a) (b', 0, 6)).toBe(4);
  });

  it('does not count a parenthesis right after a backslash, even after \\\\ (as SEC)', () => {
    expect(findGroups('a \\( b', 0, 6)).toEqual([]);
    expect(findGroups('(print "\\)";)', 0, 13)).toEqual([{ open: 0, close: 12 }]);
    expect(findGroups('a \\\\( b', 0, 7)).toEqual([]);
  });

  it('fails the whole list with SYS0301', () => {
    const r = splitActionList('none; write - (x', 0, 16);
    expect(r).toEqual({
      ok: false,
      problems: [{ code: 'SYS0301', message: 'unbalanced parentheses in action list', offset: 14 }],
    });
  });
});

describe('AL-paren-strip: process_action_parens', () => {
  it('removes one outer pair around the whole parameter, whitespace allowed', () => {
    expect(stripActionParens('( a b )')).toBe('a b');
    expect(stripActionParens('((a))')).toBe('(a)');
    expect(stripActionParens(' (x) ')).toBe('x');
  });

  it('is anchored at both ends: (a) and (b) becomes a) and (b', () => {
    expect(stripActionParens('(a) and (b)')).toBe('a) and (b');
  });

  it('then unescapes \\( and \\)', () => {
    expect(stripActionParens('\\(x\\) y')).toBe('(x) y');
    expect(stripActionParens('(\\(x\\))')).toBe('(x)');
  });

  it('leaves unwrapped text alone', () => {
    expect(stripActionParens('a (b)')).toBe('a (b)');
    expect(stripActionParens('')).toBe('');
  });

  it('unwrapList strips the pair but keeps escapes, returning absolute offsets', () => {
    expect(unwrapList({ text: '( a; \\(b )', offset: 10 })).toEqual({ from: 12, to: 18 });
    expect(unwrapList({ text: 'a; b', offset: 3 })).toEqual({ from: 3, to: 7 });
  });
});

describe('Perl text primitives', () => {
  it('perlRegex gives \\s and \\S the ASCII meaning and . excludes only newline', () => {
    expect(perlRegex('^a\\sb$').test('a\u00a0b')).toBe(false);
    expect(perlRegex('^a\\sb$').test('a\vb')).toBe(true);
    expect(perlRegex('^\\S+$').test('x\u00a0y')).toBe(true);
    expect(perlRegex('^a.b$').test('a\rb')).toBe(true);
    expect(perlRegex('^a.b$').test('a\nb')).toBe(false);
    expect(perlRegex('^[\\s]$').test('\t')).toBe(true);
    expect(perlRegex('^WRITE$').test('write')).toBe(true);
  });

  it('splitWords is split(" ") with offsets; splitArgv drops the offsets (AL-parse-time)', () => {
    expect(splitWords('  ab \t c ', 5)).toEqual([
      { text: 'ab', offset: 7 },
      { text: 'c', offset: 12 },
    ]);
    expect(splitArgv('/bin/mail -s SEC%{.sp}alert $2')).toEqual(['/bin/mail', '-s', 'SEC%{.sp}alert', '$2']);
    expect(splitArgv('')).toEqual([]);
  });

  it('AL-var-check: %[A-Za-z]\\w* only', () => {
    expect(isVariableToken('%a_1')).toBe(true);
    expect(isVariableToken('%A')).toBe(true);
    for (const bad of ['%1x', '%.x', '%{x}', 'x', '%', '%a-b', '%é'])
      expect(isVariableToken(bad)).toBe(false);
  });
});

describe('maskPart: the EXPRSYMBOL view of if/while', () => {
  it('replaces each top-level group with one NUL and maps back to source ranges', () => {
    const text = 'x; if %v(a) (b (c)) else (d)';
    const r = splitActionList(text, 0, text.length);
    if (!r.ok) throw new Error('unbalanced');
    const part = r.parts[1]!;
    const { masked, sourceRange } = maskPart(text, part);
    expect(masked).toBe('if %v\0 \0 else \0');
    expect(sourceRange(3, 6)).toEqual({ start: 6, end: 11 });
    expect(text.slice(6, 11)).toBe('%v(a)');
  });
});
