import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { perlLocaltime, runtimeZone, UTC_ZONE } from '../../../src/engine/variables/index.js';

// The fallback zone follows the process TZ the way Node does (assigning process.env.TZ resets
// Node's zone cache). Offsets are checked against known tz facts; names against Intl's limits.
const WINTER = Date.UTC(2023, 10, 14, 22, 13, 20) / 1000;
const SUMMER = Date.UTC(2023, 6, 22, 4, 26, 40) / 1000;

describe('HP-localtime: runtimeZone (fallback without zone files)', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.TZ;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  const cases: Array<[string, number, number, string, string]> = [
    ['UTC', 0, 0, 'UTC', 'UTC'],
    ['America/New_York', -5 * 3600, -4 * 3600, 'EST', 'EDT'],
    ['Europe/Istanbul', 3 * 3600, 3 * 3600, '+03', '+03'],
    ['Asia/Kolkata', 19_800, 19_800, '+0530', '+0530'],
  ];
  it.each(cases)(
    'TZ=%s: offsets, DST flag and a tzdata-style name',
    (tz, winterOff, summerOff, wName, sName) => {
      process.env.TZ = tz;
      const z = runtimeZone();
      expect(z.at(WINTER)).toEqual({ gmtoff: winterOff, isdst: false, abbr: wName });
      expect(z.at(SUMMER)).toEqual({ gmtoff: summerOff, isdst: summerOff !== winterOff, abbr: sName });
    },
  );

  it('perlLocaltime without a zone follows TZ', () => {
    process.env.TZ = 'Asia/Kolkata';
    expect(perlLocaltime(1_700_000_000)).toBe('Wed Nov 15 03:43:20 2023');
    process.env.TZ = 'America/New_York';
    expect(perlLocaltime(1_700_000_000)).toBe('Tue Nov 14 17:13:20 2023');
    expect(perlLocaltime(1_700_000_000, UTC_ZONE)).toBe('Tue Nov 14 22:13:20 2023');
  });
});
