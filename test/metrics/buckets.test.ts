import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Buckets, LATENCY_BUCKETS } from '../../src/metrics/index.js';

describe('Buckets', () => {
  it('counts each observation in the first bucket whose bound is at or above it (le is inclusive)', () => {
    const b = new Buckets([0.1, 1, 10]);
    for (const v of [0.05, 0.1, 0.2, 1, 5, 50]) b.observe(v);
    expect(b.cumulative()).toEqual([
      { le: 0.1, count: 2 },
      { le: 1, count: 4 },
      { le: 10, count: 5 },
    ]);
    expect(b.count).toBe(6);
    expect(b.sum).toBeCloseTo(56.35, 10);
  });

  it('ignores NaN and negative values (a clock step must not poison the sum)', () => {
    const b = new Buckets([1]);
    b.observe(Number.NaN);
    b.observe(-0.5);
    expect([b.count, b.sum]).toEqual([0, 0]);
  });

  it('rejects bounds that are not finite and increasing', () => {
    expect(() => new Buckets([1, 1])).toThrow(RangeError);
    expect(() => new Buckets([2, 1])).toThrow(RangeError);
    expect(() => new Buckets([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });

  it('latency buckets span 50 µs to 1 s', () => {
    expect(LATENCY_BUCKETS[0]).toBe(0.00005);
    expect(LATENCY_BUCKETS[LATENCY_BUCKETS.length - 1]).toBe(1);
  });

  it('cumulative counts never decrease and the last one counts every value at or below the top bound', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 2, noNaN: true })), (values) => {
        const b = new Buckets(LATENCY_BUCKETS);
        for (const v of values) b.observe(v);
        const c = b.cumulative();
        for (let i = 1; i < c.length; i++) expect(c[i]?.count).toBeGreaterThanOrEqual(c[i - 1]?.count ?? 0);
        expect(c[c.length - 1]?.count).toBe(values.filter((v) => v <= 1).length);
        expect(b.count).toBe(values.length);
      }),
    );
  });
});
