import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteSet } from '../../../src/config/perl-regex/byte-set.js';
import { casePartner } from '../../../src/config/perl-regex/char-sets.js';
import { compilePerlRegex, quotemeta } from '../../../src/config/perl-regex/index.js';

/** A byte string: SEC reads every input as latin1, one char per byte (HP-bytes). */
const byteString = (maxLength = 24) =>
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength }).map((codes) => String.fromCharCode(...codes));

function compiled(pattern: string) {
  const result = compilePerlRegex(pattern);
  if (!result.ok) throw new Error(`${pattern}: ${result.problem.message}`);
  return result.regex;
}

const swapAsciiCase = (s: string) =>
  s.replace(/[A-Za-z]/g, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()));

describe('HP-re-quotemeta: quotemeta output always matches the value itself, and only it', () => {
  it('quotemeta escapes every byte outside [A-Za-z0-9_], bytes >= 0x80 included (perl quotemeta)', () => {
    expect(quotemeta('a.b_C9 \xe9\n')).toBe('a\\.b_C9\\ \\\xe9\\\n');
  });

  it('\\A + quotemeta(s) + \\z matches exactly s (also under (?x))', () => {
    fc.assert(
      fc.property(byteString(), byteString(4), fc.boolean(), (s, extra, x) => {
        const re = compiled(`${x ? '(?x)' : ''}\\A${quotemeta(s)}\\z`);
        expect(re.test(s)).toBe(true);
        if (extra !== '') expect(re.test(s + extra)).toBe(false);
        expect(re.groupCount).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a quoted value used as a capture comes back unchanged (Pair pattern2, PT-pair2-regexp)', () => {
    fc.assert(
      fc.property(byteString(), (s) => {
        const m = compiled(`^user=(${quotemeta(s)})\\z`).exec(`user=${s}`);
        expect(m?.groups[1]).toBe(s);
      }),
      { numRuns: 200 },
    );
  });
});

describe('HP-re-inline: (?i) is ASCII folding on bytes, whole-pattern or scoped', () => {
  const ascii = fc.string({ unit: fc.constantFrom(...'abcXYZ019_-. '.split('')), maxLength: 16 });

  it('(?i) at the start uses the JS i flag and matches any ASCII case variant', () => {
    fc.assert(
      fc.property(ascii, (s) => {
        const re = compiled(`(?i)\\A${quotemeta(s)}\\z`);
        expect(re.js.flags).toBe(/[A-Za-z]/.test(s) ? 'i' : '');
        expect(re.test(swapAsciiCase(s))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a scoped (?i:...) folds only inside the group', () => {
    fc.assert(
      fc.property(ascii, ascii, (inner, outer) => {
        const re = compiled(`\\A(?i:${quotemeta(inner)})${quotemeta(outer)}\\z`);
        // The flag is only avoided when something outside the group must stay case-sensitive.
        if (/[A-Za-z]/.test(outer)) expect(re.js.flags).toBe('');
        expect(re.test(swapAsciiCase(inner) + outer)).toBe(true);
        if (/[A-Za-z]/.test(outer)) expect(re.test(inner + swapAsciiCase(outer))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('Latin-1 letters never fold under the default /d rules, even under (?i)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0xc0, max: 0xfe }), (code) => {
        const partner = casePartner(code, true);
        fc.pre(partner >= 0);
        const re = compiled(`(?i)\\A\\x${code.toString(16)}\\z`);
        expect(re.test(String.fromCharCode(code))).toBe(true);
        expect(re.test(String.fromCharCode(partner))).toBe(false);
      }),
    );
  });
});

describe('ByteSet (the byte-exact class model)', () => {
  const codes = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 });

  it('union, intersect, complement and runs agree with a plain Set', () => {
    fc.assert(
      fc.property(codes, codes, (a, b) => {
        const sa = ByteSet.of(...a);
        const sb = ByteSet.of(...b);
        const members = (s: ByteSet) =>
          s.runs().flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));
        expect(members(sa.union(sb))).toEqual([...new Set([...a, ...b])].sort((x, y) => x - y));
        expect(members(sa.intersect(sb))).toEqual(
          [...new Set(a.filter((c) => b.includes(c)))].sort((x, y) => x - y),
        );
        expect(sa.complement().size).toBe(256 - new Set(a).size);
      }),
    );
  });

  it('foldCase adds exactly the case partners (ASCII, and Latin-1 when asked)', () => {
    fc.assert(
      fc.property(codes, fc.boolean(), (a, latin1) => {
        const expected = new Set(a);
        for (const c of a) if (casePartner(c, latin1) >= 0) expected.add(casePartner(c, latin1));
        expect(
          ByteSet.of(...a)
            .foldCase(latin1)
            .equals(ByteSet.of(...expected)),
        ).toBe(true);
      }),
    );
  });

  it('JS non-u i folding among bytes is exactly ASCII + Latin-1 letter pairs (what case-mode.ts relies on)', () => {
    const allBytes = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i));
    for (let c = 0; c < 256; c++) {
      const re = new RegExp(`\\x${c.toString(16).padStart(2, '0')}`, 'gi');
      const matched = [...allBytes.matchAll(re)].map((m) => m.index);
      const partner = casePartner(c, true);
      expect(matched, String(c)).toEqual(partner < 0 ? [c] : [c, partner].sort((x, y) => x - y));
    }
  });
});
