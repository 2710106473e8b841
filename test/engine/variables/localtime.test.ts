import { describe, expect, it } from 'vitest';
import {
  fixedZone,
  formatPerlLocaltime,
  localTime,
  perlLocaltime,
  UTC_ZONE,
} from '../../../src/engine/variables/index.js';

describe('ALV-t-u: perlLocaltime (scalar localtime)', () => {
  it('the day of the month is space-padded, the rest zero-padded', () => {
    // 2015-11-05T10:58:51Z was a Thursday.
    expect(perlLocaltime(1_446_721_131, UTC_ZONE)).toBe('Thu Nov  5 10:58:51 2015');
    expect(perlLocaltime(1_447_758_000, UTC_ZONE)).toBe('Tue Nov 17 11:00:00 2015');
    expect(perlLocaltime(0, UTC_ZONE)).toBe('Thu Jan  1 00:00:00 1970');
  });

  it('applies the zone offset, crossing the date line', () => {
    const ist = fixedZone(19_800, 'IST');
    expect(perlLocaltime(1_700_000_000, ist)).toBe('Wed Nov 15 03:43:20 2023');
    expect(perlLocaltime(1_700_000_000, fixedZone(-5 * 3600, 'EST'))).toBe('Tue Nov 14 17:13:20 2023');
  });

  it('fractional seconds are dropped like Perl does', () => {
    expect(perlLocaltime(1_446_721_131.9, UTC_ZONE)).toBe('Thu Nov  5 10:58:51 2015');
  });

  it('without a zone it follows the runtime TZ (here the Date getters)', () => {
    const epoch = 1_690_000_000;
    const d = new Date(epoch * 1000);
    const expected = formatPerlLocaltime(localTime(epoch, fixedZone(-d.getTimezoneOffset() * 60, '')));
    expect(perlLocaltime(epoch)).toBe(expected);
    expect(perlLocaltime(epoch)).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
  });
});
