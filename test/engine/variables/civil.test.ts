import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakDown, civilFromDays, daysFromCivil } from '../../../src/engine/variables/index.js';

// The oracle is the JavaScript Date's UTC getters, which share no code with civil.ts.
describe('HP-localtime: calendar arithmetic', () => {
  it('breakDown agrees with Date UTC getters for any instant and offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -8_000_000_000, max: 8_000_000_000 }),
        fc.integer({ min: -14 * 3600, max: 14 * 3600 }),
        (epoch, off) => {
          const d = new Date((epoch + off) * 1000);
          const t = breakDown(epoch, off, false, 'X');
          expect([t.year, t.mon, t.mday, t.hour, t.min, t.sec, t.wday]).toEqual([
            d.getUTCFullYear(),
            d.getUTCMonth(),
            d.getUTCDate(),
            d.getUTCHours(),
            d.getUTCMinutes(),
            d.getUTCSeconds(),
            d.getUTCDay(),
          ]);
          const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
          expect(t.yday).toBe(Math.round((Date.UTC(t.year, t.mon, t.mday) - jan1) / 86_400_000));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('daysFromCivil and civilFromDays are inverse and match Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (days) => {
        const c = civilFromDays(days);
        expect(daysFromCivil(c.year, c.mon, c.mday)).toBe(days);
        expect(Date.UTC(c.year, c.mon, c.mday) / 86_400_000).toBe(days);
      }),
    );
  });

  it('known dates: the epoch, a leap day, before 1970', () => {
    expect(civilFromDays(0)).toEqual({ year: 1970, mon: 0, mday: 1 });
    expect(daysFromCivil(2000, 1, 29)).toBe(11_016);
    expect(breakDown(-1, 0, false, '')).toMatchObject({ year: 1969, mon: 11, mday: 31, hour: 23, wday: 3 });
    expect(breakDown(0, 7200, true, 'EEST')).toMatchObject({
      hour: 2,
      isdst: true,
      zone: 'EEST',
      gmtoff: 7200,
    });
  });
});
