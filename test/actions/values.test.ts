import { describe, expect, it } from 'vitest';
import { perlTrue } from '../../src/actions/index.js';
import {
  parseInputOffset,
  parseLifetimeOrKeep,
  parseTrimTime,
  parseUnsigned,
  shellQuote,
  splitLines,
} from '../../src/actions/values.js';

describe('AL-truth perlTrue', () => {
  it('is false only for undef, "" and "0"', () => {
    expect([undefined, '', '0'].map(perlTrue)).toEqual([false, false, false]);
    expect(['0.0', '00', ' ', '1', 'a', '0\n'].map(perlTrue)).toEqual([true, true, true, true, true, true]);
  });
});

describe('Perl split(/\\n/) for events and stores (ACT-event, CTX-store-split)', () => {
  it('drops trailing empty pieces and keeps leading and middle ones', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\n\n')).toEqual([]);
    expect(splitLines('a\n\nb\n\n')).toEqual(['a', '', 'b']);
    expect(splitLines('\na')).toEqual(['', 'a']);
  });
});

describe('AL-run-time numbers', () => {
  it('accepts ^\\s*0*[0-9]+\\s*$ with whitespace and leading zeros', () => {
    expect(parseUnsigned(' 007 ')).toBe(7);
    expect(parseUnsigned('000')).toBe(0);
    expect(parseUnsigned('\t12\n')).toBe(12);
  });
  it('rejects signs, fractions, empty text and non-ASCII spaces', () => {
    for (const bad of ['', ' ', '-1', '+1', '1.5', '1e3', 'x', '\u00a01'])
      expect(parseUnsigned(bad)).toBeNull();
  });
  it('ACT-set also accepts - (keep the lifetime)', () => {
    expect(parseLifetimeOrKeep(' - ')).toBe('keep');
    expect(parseLifetimeOrKeep('30')).toBe(30);
    expect(parseLifetimeOrKeep('--')).toBeNull();
  });
  it('ACT-addinput offsets are - or digits, kept as text', () => {
    expect(parseInputOffset(' - ')).toBe('-');
    expect(parseInputOffset('0012')).toBe('0012');
    expect(parseInputOffset('-5')).toBeNull();
  });
  it('ACT-trim TIME forms', () => {
    expect(parseTrimTime('1700000000')).toEqual({ kind: 'epoch', time: 1700000000 });
    expect(parseTrimTime(' -60')).toEqual({ kind: 'ago', seconds: 60 });
    expect(parseTrimTime('+05')).toEqual({ kind: 'after-ctime', seconds: 5 });
    expect(parseTrimTime('+-5')).toBeNull();
  });
});

describe('shell quoting (ACT-assignsq, OPT-quoting)', () => {
  it("wraps in ' and turns ' into '\\''", () => {
    expect(shellQuote("abc'123'xyz")).toBe("'abc'\\''123'\\''xyz'");
    expect(shellQuote('')).toBe("''");
  });
});
