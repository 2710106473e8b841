import { describe, expect, it } from 'vitest';
import { compilePerlRegex } from '../../../src/config/perl-regex/index.js';
import { CONFORMANCE, type ConformanceRow } from './conformance-table.js';

/** What the translated regex gives for a row, in the table's shape (null for undef / no match). */
function run(row: ConformanceRow): { expected: (string | null)[] | null; named: Record<string, string> } {
  const compiled = compilePerlRegex(row.pattern);
  if (!compiled.ok) throw new Error(`${row.pattern}: ${compiled.problem.code} ${compiled.problem.message}`);
  const m = compiled.regex.exec(row.subject);
  if (m === null) return { expected: null, named: {} };
  return { expected: m.groups.slice(1).map((g) => g ?? null), named: { ...m.named } };
}

describe('Perl regex conformance table (HP-re-*, PT-regexp)', () => {
  it('has at least 150 rows and covers every HP-re-* feature row of sec-features.md 10.1', () => {
    expect(CONFORMANCE.length).toBeGreaterThanOrEqual(150);
    const ids = new Set(CONFORMANCE.map((r) => r.id));
    for (const id of [
      'HP-re-dot',
      'HP-re-dollar',
      'HP-re-caret-m',
      'HP-re-AZz',
      'HP-re-inline',
      'HP-re-possessive',
      'HP-re-named',
      'HP-re-posix',
      'HP-re-h-v-R',
      'HP-re-s-w-d',
      'HP-re-escapes',
      'HP-re-misc',
      'HP-re-quotemeta',
      'HP-re-lookbehind',
      'PT-regexp',
      'PT-regexp-nogroup',
      'PT-regexp-named',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it.each(CONFORMANCE.map((row, i) => [i, row.id, row.pattern, row] as const))(
    'row %i [%s] %j',
    (_i, _id, _pattern, row) => {
      const got = run(row);
      expect(got.expected).toEqual(row.expected);
      expect(got.named).toEqual(row.expected === null ? {} : (row.named ?? {}));
    },
  );

  it('test() agrees with exec() and groupCount with the number of $N for every row', () => {
    for (const row of CONFORMANCE) {
      const compiled = compilePerlRegex(row.pattern);
      if (!compiled.ok) throw new Error(row.pattern);
      expect(compiled.regex.test(row.subject), row.pattern).toBe(row.expected !== null);
      if (row.expected !== null) expect(compiled.regex.groupCount, row.pattern).toBe(row.expected.length);
    }
  });

  it('never uses the u, g, y or m flags (byte strings, no lastIndex state, HP-re-caret-m)', () => {
    for (const row of CONFORMANCE) {
      const compiled = compilePerlRegex(row.pattern);
      if (!compiled.ok) throw new Error(row.pattern);
      expect(compiled.regex.js.flags, row.pattern).toMatch(/^i?$/);
    }
  });
});
