import { describe, expect, it } from 'vitest';
import { parseSyslog } from '../../src/syslog/index.js';
import { ALL_VECTORS, type Category, DEFAULT_NOW, mismatches } from './vectors/index.js';

const CATEGORIES: readonly Category[] = ['rfc5424', 'rfc3164', 'device', 'malformed'];

describe('syslog conformance vectors (issue 5)', () => {
  it('has at least 250 vectors with unique names, in every category', () => {
    expect(ALL_VECTORS.length).toBeGreaterThanOrEqual(250);
    expect(new Set(ALL_VECTORS.map((v) => v.name)).size).toBe(ALL_VECTORS.length);
    for (const c of CATEGORIES)
      expect(ALL_VECTORS.filter((v) => v.category === c).length).toBeGreaterThan(20);
  });

  it.each(ALL_VECTORS.map((v) => [`${v.category}: ${v.name}`, v] as const))('%s', (_, v) => {
    const msg = parseSyslog(v.raw, { now: v.now ?? DEFAULT_NOW });
    expect(mismatches(msg, v.expect), JSON.stringify(msg).slice(0, 400)).toEqual([]);
    // Invariants of every result: flagged iff an error is given; a priority always recovered.
    expect(msg.valid).toBe(msg.error === null);
    expect(msg.facility).toBeGreaterThanOrEqual(0);
    expect(msg.facility).toBeLessThanOrEqual(23);
    expect(msg.severity).toBeGreaterThanOrEqual(0);
    expect(msg.severity).toBeLessThanOrEqual(7);
  });

  it('every malformed vector is flagged or kept whole, never lost', () => {
    for (const v of ALL_VECTORS.filter((x) => x.category === 'malformed')) {
      const msg = parseSyslog(v.raw, { now: DEFAULT_NOW });
      expect(typeof msg.message).toBe('string');
      if (msg.format === 'raw') expect(msg.valid).toBe(false);
    }
  });
});
