import { describe, expect, it } from 'vitest';
import { compilePerlRegex, type PerlRegex } from '../../../src/config/perl-regex/index.js';

function compiled(pattern: string): PerlRegex {
  const result = compilePerlRegex(pattern);
  if (!result.ok) throw new Error(`${pattern}: ${result.problem.message}`);
  return result.regex;
}

describe('compilePerlRegex: the PerlRegex object (PT-regexp)', () => {
  it('keeps the source, counts Perl groups and lists names once, in order of first appearance', () => {
    const re = compiled('(?<b>x)(y)(?<a>z)|(?<b>w)(?:v)');
    expect(re.source).toBe('(?<b>x)(y)(?<a>z)|(?<b>w)(?:v)');
    expect(re.groupCount).toBe(4);
    expect(re.names).toEqual(['b', 'a']);
  });

  it('PT-regexp-nogroup: a pattern without groups has groupCount 0 and no $1 (the engine sets "1")', () => {
    const re = compiled('foo');
    expect(re.groupCount).toBe(0);
    expect(re.exec('a foo b')?.groups).toEqual(['foo']);
  });

  it('groups[0] is the matched text and unset groups are undefined', () => {
    expect(compiled('(a)|(b)').exec('xb')?.groups).toEqual(['b', undefined, 'b']);
  });

  it('HP-re-possessive: emulation groups do not shift Perl numbering, also for back-references', () => {
    const re = compiled('(a)++(?>(b)|c)(c)\\3\\2\\1');
    expect(re.js.source).toContain('(?=(');
    expect(re.exec('aabccba')?.groups.slice(1)).toEqual(['a', 'b', 'c']);
  });

  it('PT-regexp-named: %+ holds only participating names; a name like __proto__ is an ordinary key', () => {
    const m = compiled('(?<__proto__>a)|(?<other>b)').exec('a');
    const key = '__proto__';
    expect(m?.named[key]).toBe('a');
    expect(Object.keys(m?.named ?? {})).toEqual(['__proto__']);
  });

  it('has no g or y flag: exec and test keep no state between subjects', () => {
    const re = compiled('(\\d+)');
    expect(re.exec('a 1')?.groups[1]).toBe('1');
    expect(re.exec('b 22')?.groups[1]).toBe('22');
    expect([re.test('3'), re.test('3')]).toEqual([true, true]);
  });
});

describe('translation choices (sec-features.md 10.1)', () => {
  it('HP-re-inline: (?i) at the very start becomes the i flag, a later or scoped one does not', () => {
    expect(compiled('(?i)sshd').js.flags).toBe('i');
    expect(compiled('(?i:ssh)d').js.flags).toBe('');
    expect(compiled('x(?i)sshd').js.flags).toBe('');
  });

  it('HP-re-misc: \\p{..} is resolved to bytes, so even it needs no u flag', () => {
    const re = compiled('\\p{L}+');
    expect(re.js.flags).toBe('');
    expect(re.exec('12\xe9t\xe9')?.groups[0]).toBe('\xe9t\xe9');
  });

  it('HP-re-dot / HP-re-dollar: `^(.*)$` keeps the \\r of a CRLF line', () => {
    expect(compiled('^(.*)$').exec('abc\r')?.groups[1]).toBe('abc\r');
  });

  it('HP-re-escapes: \\x{100} and above never match a byte string', () => {
    const re = compiled('\\x{263A}');
    expect(re.test('\u263a')).toBe(false);
    expect(re.test('\x3a')).toBe(false);
  });

  it('\\N{3} is \\N with a quantifier, not a named character', () => {
    expect(compiled('^\\N{3}$').test('abc')).toBe(true);
  });

  it('a 1,000-rule file loads fast: 2,000 realistic patterns compile well under a second', () => {
    const patterns: string[] = [];
    for (let i = 0; i < 1000; i++) {
      patterns.push(
        `sshd\\[\\d+\\]: Failed (?:password|publickey) for (?:invalid user )?(?<user>\\S+) from (?<ip>[\\d.]+) port (\\d+) r${i}`,
        `(?i)^(\\S+)\\s+.*error ${i}: ([[:alnum:]: ]+)$`,
      );
    }
    const start = performance.now();
    for (const p of patterns) expect(compilePerlRegex(p).ok).toBe(true);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
