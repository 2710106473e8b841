import { describe, expect, it } from 'vitest';
import {
  loadZone,
  parsePosixTz,
  parseTzif,
  type ReadZoneFile,
  type TimeZone,
} from '../../../src/engine/variables/index.js';
import { buildTzif } from './tzif-builder.js';

const at = (z: TimeZone | null, epoch: number) => {
  if (z === null) throw new Error('no zone');
  const i = z.at(epoch);
  return `${i.abbr} ${i.gmtoff} ${i.isdst ? 'dst' : 'std'}`;
};

// EU rules: summer time from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
const EU_2024_START = Date.UTC(2024, 2, 31, 1) / 1000;
const EU_2024_END = Date.UTC(2024, 9, 27, 1) / 1000;

describe('HP-localtime: POSIX TZ strings', () => {
  it('Mm.w.d rules switch at the right second (start in std time, end in dst time)', () => {
    const z = parsePosixTz('EET-2EEST,M3.5.0/3,M10.5.0/4');
    expect(at(z, EU_2024_START - 1)).toBe('EET 7200 std');
    expect(at(z, EU_2024_START)).toBe('EEST 10800 dst');
    expect(at(z, EU_2024_END - 1)).toBe('EEST 10800 dst');
    expect(at(z, EU_2024_END)).toBe('EET 7200 std');
  });

  it('southern hemisphere: DST spans the new year', () => {
    const z = parsePosixTz('AEST-10AEDT,M10.1.0,M4.1.0/3');
    expect(at(z, Date.UTC(2024, 0, 15) / 1000)).toBe('AEDT 39600 dst');
    expect(at(z, Date.UTC(2024, 6, 15) / 1000)).toBe('AEST 36000 std');
  });

  it('quoted names, minutes in offsets, Jn and n dates, default dst offset', () => {
    expect(at(parsePosixTz('<+0530>-5:30'), 0)).toBe('+0530 19800 std');
    expect(at(parsePosixTz('NST3:30NDT,M3.2.0,M11.1.0'), Date.UTC(2024, 6, 1) / 1000)).toBe('NDT -9000 dst');
    // J60 is March 1 in every year; 59 (zero-based) is Feb 29 in a leap year.
    const j = parsePosixTz('AAA0BBB,J60/0,J300/0');
    expect(at(j, Date.UTC(2024, 2, 1) / 1000 - 1)).toBe('AAA 0 std');
    expect(at(j, Date.UTC(2024, 2, 1) / 1000)).toBe('BBB 3600 dst');
    const n = parsePosixTz('AAA0BBB,59/0,300/0');
    expect(at(n, Date.UTC(2024, 1, 29) / 1000)).toBe('BBB 3600 dst');
    expect(at(n, Date.UTC(2023, 2, 1) / 1000 - 1)).toBe('AAA 0 std');
  });

  it('glibc leniency: a missing offset is 0, text after the std part is ignored, junk is null', () => {
    expect(at(parsePosixTz('Nowhere/Foo'), 0)).toBe('Nowhere 0 std');
    expect(at(parsePosixTz('ABC+5'), 0)).toBe('ABC -18000 std');
    expect(parsePosixTz('12')).toBeNull();
    expect(parsePosixTz('AB')).toBeNull();
  });

  it('rules do not switch in years up to 1970 (glibc compute_change)', () => {
    const z = parsePosixTz('CET-1CEST,M3.5.0,M10.5.0/3');
    expect(at(z, Date.UTC(1906, 7, 16) / 1000)).toBe('CET 3600 std');
    expect(at(z, Date.UTC(1971, 7, 16) / 1000)).toBe('CEST 7200 dst');
  });
});

describe('HP-localtime: TZif files', () => {
  const types = [
    [5400, false, 'LMT'],
    [7200, false, 'EET'],
    [10800, true, 'EEST'],
  ] as const;
  const transitions = [
    [-1_000_000_000, 1],
    [1_000_000_000, 2],
    [1_100_000_000, 1],
  ] as const;

  it('version 2: 64-bit block, transitions, and the footer after the last one', () => {
    const z = parseTzif(
      buildTzif({ version: 2, transitions, types, footer: 'EET-2EEST,M3.5.0/3,M10.5.0/4' }),
    );
    expect(at(z, -2_000_000_000)).toBe('LMT 5400 std');
    expect(at(z, 0)).toBe('EET 7200 std');
    expect(at(z, 1_000_000_000)).toBe('EEST 10800 dst');
    expect(at(z, 1_099_999_999)).toBe('EEST 10800 dst');
    expect(at(z, EU_2024_START)).toBe('EEST 10800 dst');
    expect(at(z, EU_2024_END)).toBe('EET 7200 std');
  });

  it('version 1 and no footer: the last type stays in force', () => {
    const z = parseTzif(buildTzif({ version: 1, transitions, types }));
    expect(at(z, 0)).toBe('EET 7200 std');
    expect(at(z, EU_2024_START)).toBe('EET 7200 std');
  });

  it('no transitions: the footer rules everything (slim files)', () => {
    const z = parseTzif(
      buildTzif({ version: 2, transitions: [], types: [[0, false, 'UTC']], footer: 'JST-9' }),
    );
    expect(at(z, 0)).toBe('JST 32400 std');
  });

  it('not a TZif file, or truncated: null', () => {
    expect(parseTzif(new TextEncoder().encode('EET-2EEST'))).toBeNull();
    const full = buildTzif({ version: 2, transitions, types, footer: 'EET-2' });
    expect(parseTzif(full.subarray(0, full.length - 40))).toBeNull();
  });
});

describe('HP-localtime: choosing the zone like glibc tzset', () => {
  const files = new Map<string, Uint8Array>([
    [
      '/etc/localtime',
      buildTzif({ version: 2, transitions: [], types: [[3600, false, 'CET']], footer: 'CET-1' }),
    ],
    [
      '/usr/share/zoneinfo/Asia/Tokyo',
      buildTzif({ version: 2, transitions: [], types: [[32400, false, 'JST']], footer: 'JST-9' }),
    ],
    ['/tz/Asia/Tokyo', buildTzif({ version: 2, transitions: [], types: [[1, false, 'TZD']], footer: '' })],
  ]);
  const read: ReadZoneFile = (p) => files.get(p);
  const zoneOf = (tz: string | undefined, tzdir?: string) => at(loadZone({ tz, tzdir, read }), 0);

  it('TZ unset reads /etc/localtime; TZ="" is UTC', () => {
    expect(zoneOf(undefined)).toBe('CET 3600 std');
    expect(at(loadZone({ tz: undefined, read: () => undefined }), 0)).toBe('UTC 0 std');
    expect(zoneOf('')).toBe('UTC 0 std');
  });

  it('names, :names, absolute paths and TZDIR', () => {
    expect(zoneOf('Asia/Tokyo')).toBe('JST 32400 std');
    expect(zoneOf(':Asia/Tokyo')).toBe('JST 32400 std');
    expect(zoneOf('/usr/share/zoneinfo/Asia/Tokyo')).toBe('JST 32400 std');
    expect(zoneOf('Asia/Tokyo', '/tz')).toBe('TZD 1 std');
  });

  it('an unknown file is read as a POSIX string, and junk is UTC without a name', () => {
    expect(zoneOf('EST5EDT')).toBe('EST -18000 std');
    expect(zoneOf('12')).toBe(' 0 std');
  });
});
