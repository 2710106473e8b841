import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classicTime, findZone, type TimeZone, UTC_ZONE } from '../../src/engine/variables/index.js';
import { TimeMemo } from '../../src/syslog/index.js';
import { type WallTime, wallToEpochMs } from '../../src/syslog/wall-time.js';

// The memo answers from its last entry only when that entry was asked with the same inputs:
// over any sequence of questions (repeats included, so that it does answer from memory) its
// answers are those of the functions it stands for.

const CEST = findZone('CET-1CEST,M3.5.0,M10.5.0/3');
const ZONES: readonly TimeZone[] = CEST === null ? [UTC_ZONE] : [UTC_ZONE, CEST];

const wall: fc.Arbitrary<WallTime> = fc.record({
  year: fc.option(fc.constantFrom(2024, 2025, 2026), { nil: null }),
  mon: fc.constantFrom(0, 1, 2, 11),
  mday: fc.constantFrom(1, 28, 29, 31),
  hour: fc.constantFrom(0, 2, 23),
  min: fc.constantFrom(0, 30),
  sec: fc.constantFrom(0, 59, 60),
  fracMs: fc.constantFrom(0, 0.5),
  offset: fc.option(fc.constantFrom(0, 3600), { nil: null }),
});
// Around new year, when the year of a year-less time depends on now.
const now = fc.option(fc.constantFrom(1_735_689_600, 1_735_689_600.25, 1_751_328_000, 1_767_225_599), {
  nil: undefined,
});
const zone = fc.constantFrom(...ZONES);

describe('TimeMemo', () => {
  it('epochMs answers as wallToEpochMs over any sequence of questions', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(wall, zone, now), { minLength: 1, maxLength: 40 }), (questions) => {
        const memo = new TimeMemo();
        for (const [w, z, n] of questions) {
          expect(memo.epochMs(w, z, n)).toBe(wallToEpochMs(w, z, n));
          // The same question again is answered from memory, with the same answer.
          expect(memo.epochMs({ ...w }, z, n)).toBe(wallToEpochMs(w, z, n));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('classic answers as classicTime over any sequence of questions', () => {
    const seconds = fc.constantFrom(0, 1, 1_735_689_599, 1_735_689_600, 1_743_296_400, 1_761_440_400);
    fc.assert(
      fc.property(fc.array(fc.tuple(seconds, zone), { minLength: 1, maxLength: 40 }), (questions) => {
        const memo = new TimeMemo();
        for (const [s, z] of questions) expect(memo.classic(s, z)).toBe(classicTime(s, z));
      }),
      { numRuns: 300 },
    );
  });

  it('tells zones apart: the same second is written in each zone', () => {
    if (CEST === null) throw new Error('the CET/CEST zone rule must parse');
    const memo = new TimeMemo();
    expect(memo.classic(1_735_689_600, UTC_ZONE)).toBe('Jan  1 00:00:00');
    expect(memo.classic(1_735_689_600, CEST)).toBe('Jan  1 01:00:00');
  });
});
