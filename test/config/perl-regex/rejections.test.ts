import { describe, expect, it } from 'vitest';
import { compilePerlRegex } from '../../../src/config/perl-regex/index.js';
import { CODES } from '../../../src/config/registry.js';
import { INVALID, type RejectionRow, UNTRANSLATABLE, WARNED } from './rejection-table.js';

function check(row: RejectionRow): void {
  const result = compilePerlRegex(row.pattern);
  expect(result.ok, row.pattern).toBe(false);
  if (result.ok) return;
  expect(result.problem.code).toBe(row.code);
  expect(result.problem.offset).toBe(row.offset);
  expect(result.problem.message).toContain(row.mentions);
}

describe('patterns Perl rejects give a LocalProblem (PT-regexp: the rule is invalid)', () => {
  it.each(INVALID.map((r) => [r.pattern, r] as const))('%j', (_p, row) => check(row));
});

describe('valid Perl with no faithful translation is rejected at load (HP-re-misc, HP-re-escapes)', () => {
  it.each(UNTRANSLATABLE.map((r) => [r.pattern, r] as const))('%j', (_p, row) => check(row));
});

describe('SYS0515: escapes Perl passes through as letters compile, with a warning (HP-re-escapes)', () => {
  it.each(WARNED.map((r) => [r.pattern, r] as const))('%j', (_p, row) => {
    const result = compilePerlRegex(row.pattern);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => [w.code, w.offset])).toContainEqual([row.code, row.offset]);
    expect(result.warnings.map((w) => w.message).join('\n')).toContain(row.mentions);
  });

  it('reports nothing for an ordinary pattern', () => {
    const result = compilePerlRegex('sshd\\[(\\d+)\\]: \\w+ \\e');
    expect(result.ok && result.warnings).toEqual([]);
  });
});

describe('SYS05xx codes', () => {
  it('every code used above is registered: rejections as errors, SYS0515 as a warning', () => {
    const severity = (code: string) =>
      (CODES as Record<string, { severity: string } | undefined>)[code]?.severity;
    for (const row of [...INVALID, ...UNTRANSLATABLE]) expect(severity(row.code), row.code).toBe('error');
    for (const row of WARNED) expect(severity(row.code), row.code).toBe('warning');
  });

  it('never throws, even on arbitrary garbage', () => {
    for (const p of [
      '(?',
      '(*',
      '[',
      '\\',
      '(?<',
      "(?'",
      '(?P',
      '{',
      '}',
      ']',
      '(?#',
      '\\x{',
      '\\N{',
      '\\k<',
    ]) {
      expect(() => compilePerlRegex(p)).not.toThrow();
    }
  });
});
