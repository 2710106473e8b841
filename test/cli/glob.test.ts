import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { expandGlob, expandPatterns, globCompare, splitGlobWords } from '../../src/cli/index.js';
import { makeGlobTree } from './glob-tree.js';

const root = makeGlobTree('syscorr-glob-');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const users = (name: string) => (name === 'alice' ? '/home/alice' : null);
const glob = (pattern: string) => expandGlob(pattern, { cwd: root, home: '/home/me', userHome: users });

describe('OPT-glob: word splitting (csh_glob)', () => {
  it.each([
    ['a b', ['a', 'b']],
    ['  a   b  ', ['a', 'b']],
    ['a\tb\nc', ['a', 'b', 'c']],
    ['"a b" c', ['a b', 'c']],
    ["'a b'", ['a b']],
    ['x"y z"w', ['xy zw']],
    ['a\\ b', ['a\\ b']],
    ['a\\"b c', ['a"b', 'c']],
    ['"a\\"b"', ['a"b']],
    ['"a\\*"', ['a\\*']],
    ['file "x', ['file', 'file "x']],
    ["a'b", ["a'b"]],
    ['""', ['']],
    ['', []],
    ['   ', []],
  ])('%j splits into %j', (pattern, words) => {
    expect(splitGlobWords(pattern)).toEqual(words);
  });
});

describe('OPT-glob / CF-files: expansion on a directory tree', () => {
  it('sorts case-insensitively, ties in byte order (file < FileCheck < fincore)', () => {
    expect(glob('[fF]i*')).toEqual(['file', 'FileCheck', 'fincore']);
    expect(glob('*.rules')).toEqual(['a.rules', 'B.rules', 'b.rules']);
    expect(glob('conf/*.sec')).toEqual(['conf/10-base.sec', 'conf/20-ssh.sec', 'conf/Local.sec']);
  });

  it('puts bytes >= 0x80 first, like bsd_glob signed-char folding', () => {
    expect(glob('*.txt')).toEqual(['é.txt', 'Z.txt']);
    expect(glob('a*')).toEqual(['aé', 'a', 'a-b', 'a.rules']);
    expect(globCompare('_', 'B')).toBeLessThan(0);
  });

  it('returns names without wildcards even when missing; unmatched wildcards give nothing', () => {
    expect(glob('missing.sec')).toEqual(['missing.sec']);
    expect(glob('no/such/dir/x')).toEqual(['no/such/dir/x']);
    expect(glob('*.none')).toEqual([]);
    expect(glob('nodir/*')).toEqual([]);
  });

  it('splits the pattern on white space into several patterns, keeping duplicates', () => {
    expect(glob('a.rules missing *.none file')).toEqual(['a.rules', 'missing', 'file']);
    expect(glob('file file')).toEqual(['file', 'file']);
    expect(glob('"sp ace"')).toEqual(['sp ace']);
    expect(glob('sp ace')).toEqual(['sp', 'ace']);
  });

  it('expands braces in order, each alternative sorted on its own', () => {
    expect(glob('{b,a}.rules')).toEqual(['b.rules', 'a.rules']);
    expect(glob('{[fF]i*,a.*}')).toEqual(['file', 'FileCheck', 'fincore', 'a.rules']);
    expect(glob('{{a,b},c}.rules')).toEqual(['a.rules', 'b.rules', 'c.rules']);
    expect(glob('{a,b}{1,2}')).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(glob('{}')).toEqual(['{}']);
    expect(glob('a{}b')).toEqual(['ab']);
    expect(glob('{a,}')).toEqual(['a', '']);
    expect(glob('x{y')).toEqual(['x']);
    expect(glob('\\{a,b}')).toEqual(['{a,b}']);
  });

  it('expands ~ and ~user; an unknown user stays literal', () => {
    expect(glob('~')).toEqual(['/home/me']);
    expect(glob('~/x.sec')).toEqual(['/home/me/x.sec']);
    expect(glob('~alice/r.sec')).toEqual(['/home/alice/r.sec']);
    expect(glob('~nobody-here/r.sec')).toEqual(['~nobody-here/r.sec']);
    expect(glob('\\~/x')).toEqual(['~/x']);
    expect(glob('~/{a,b}')).toEqual(['/home/me/a', '/home/me/b']);
  });

  it('matches ? and [...] per byte, with ranges, negation and literal ]', () => {
    expect(glob('?.txt')).toEqual(['Z.txt']);
    expect(glob('??.txt')).toEqual(['é.txt']);
    expect(glob('[a-b].rules')).toEqual(['a.rules', 'b.rules']);
    expect(glob('[!a-z]*.rules')).toEqual(['B.rules']);
    expect(glob('[]]')).toEqual([']']);
    expect(glob('a[-]b')).toEqual(['a-b']);
    expect(glob('br[ack')).toEqual(['br[ack']);
    expect(glob('br[ack*')).toEqual(['br[ack']);
  });

  it('hides dot files from wildcards unless the segment starts with a literal dot', () => {
    expect(glob('*').some((n) => n.startsWith('.'))).toBe(false);
    expect(glob('.*')).toEqual(['.', '..', '.hidden']);
    expect(glob('[.]*')).toEqual([]);
    expect(glob('conf/.*.sec')).toEqual(['conf/.swap.sec']);
  });

  it('walks several directory levels and keeps the path as written', () => {
    expect(glob('sub/*/f?')).toEqual(['sub/x/f1', 'sub/y/f2']);
    expect(glob('*/inner')).toEqual(['d1/inner', 'D2/inner']);
    expect(glob('./*.rules')).toEqual(['./a.rules', './B.rules', './b.rules']);
    expect(glob('sub//*')).toEqual(['sub//x', 'sub//y']);
    expect(glob('d*/')).toEqual(['d1/']);
    expect(glob(`${root}/[fF]*`)).toEqual([`${root}/file`, `${root}/FileCheck`, `${root}/fincore`]);
  });

  it('honours backslash quoting and lists dangling symlinks', () => {
    expect(glob('\\*')).toEqual(['*']);
    expect(glob('back\\\\slash')).toEqual(['back\\slash']);
    expect(glob('dang*')).toEqual(['dangling']);
  });
});

describe('CF-files: several patterns', () => {
  it('drops duplicates across and within patterns, keeping the first', () => {
    const opts = { cwd: root };
    expect(expandPatterns(['b.rules', '*.rules', 'file file', '[fF]*'], opts)).toEqual([
      'b.rules',
      'a.rules',
      'B.rules',
      'file',
      'FileCheck',
      'fincore',
    ]);
    expect(expandPatterns([], opts)).toEqual([]);
  });
});

describe('OPT-glob: plain names (property)', () => {
  it('returns a name without glob syntax as it is, existing or not', () => {
    const plain = fc.stringMatching(/^[A-Za-z0-9._\-/é]{1,20}$/).filter((s) => !s.startsWith('~'));
    fc.assert(
      fc.property(plain, (name) => {
        expect(glob(name)).toEqual([name]);
      }),
      { numRuns: 200 },
    );
  });
});
