import { describe, expect, it } from 'vitest';
import { ActionVariables, fixedZone, type TimeZone, UTC_ZONE } from '../../../src/engine/variables/index.js';

// 2015-11-05T10:58:51Z, a Thursday.
const T = 1_446_721_131;

/** A zone that counts how often it is consulted, to observe the once-a-second refresh. */
function countingZone(inner: TimeZone): { zone: TimeZone; calls: () => number } {
  let n = 0;
  return {
    zone: {
      at(epoch: number) {
        n += 1;
        return inner.at(epoch);
      },
    },
    calls: () => n,
  };
}

describe('ALV-time: built-in parts of the local time', () => {
  it('every built-in for a UTC instant', () => {
    const v = new ActionVariables({ zone: UTC_ZONE });
    const got = Object.fromEntries(
      [
        '.sec',
        '.min',
        '.hour',
        '.hmsstr',
        '.mday',
        '.mdaystr',
        '.mon',
        '.monstr',
        '.year',
        '.wday',
        '.wdaystr',
      ].map((n) => [n, v.get(n, T)]),
    );
    expect(got).toEqual({
      '.sec': '51',
      '.min': '58',
      '.hour': '10',
      '.hmsstr': '10:58:51',
      '.mday': '05',
      '.mdaystr': ' 5',
      '.mon': '11',
      '.monstr': 'Nov',
      '.year': '2015',
      '.wday': '4',
      '.wdaystr': 'Thu',
    });
    expect([v.get('.tzname', T), v.get('.tzoff', T), v.get('.tzoff2', T)]).toEqual([
      'UTC',
      '+0000',
      '+00:00',
    ]);
  });

  it('zero padding below 10, none at 10 and above; Sunday is 0', () => {
    // 2024-03-03T04:05:06Z, a Sunday.
    const v = new ActionVariables({ zone: UTC_ZONE });
    const t = Date.UTC(2024, 2, 3, 4, 5, 6) / 1000;
    expect(
      ['.sec', '.min', '.hour', '.mday', '.mdaystr', '.mon', '.wday', '.wdaystr'].map((n) => v.get(n, t)),
    ).toEqual(['06', '05', '04', '03', ' 3', '03', '0', 'Sun']);
    const u = Date.UTC(2024, 11, 31, 23, 59, 59) / 1000;
    expect(['.mday', '.mdaystr', '.mon', '.hmsstr'].map((n) => v.get(n, u))).toEqual([
      '31',
      '31',
      '12',
      '23:59:59',
    ]);
  });

  it('zone name and offsets: negative and half-hour offsets, %z with seconds dropped', () => {
    const kolkata = new ActionVariables({ zone: fixedZone(19_800, 'IST') });
    expect(['.hour', '.min', '.tzname', '.tzoff', '.tzoff2'].map((n) => kolkata.get(n, T))).toEqual([
      '16',
      '28',
      'IST',
      '+0530',
      '+05:30',
    ]);
    const stjohns = new ActionVariables({ zone: fixedZone(-(3 * 3600 + 1800), 'NST') });
    expect([stjohns.get('.tzoff', T), stjohns.get('.tzoff2', T)]).toEqual(['-0330', '-03:30']);
    // A local-mean-time offset of -0:19:32: strftime %z prints -0019.
    const lmt = new ActionVariables({ zone: fixedZone(-1172, 'LMT') });
    expect([lmt.get('.tzoff', T), lmt.get('.tzoff2', T)]).toEqual(['-0019', '-00:19']);
  });

  it('recomputed at most once per second; a stored value lasts until the next second', () => {
    const { zone, calls } = countingZone(UTC_ZONE);
    const v = new ActionVariables({ zone, now: T });
    const afterStart = calls();
    v.get('.sec', T);
    v.get('.min', T);
    expect(calls()).toBe(afterStart);
    v.set('.year', 'x');
    expect(v.get('.year', T)).toBe('x');
    expect(v.get('.sec', T + 1)).toBe('52');
    expect(v.get('.year', T + 1)).toBe('2015');
    expect(calls()).toBe(afterStart + 1);
  });

  it('the first lookup computes them when no start time was given; time may go backwards', () => {
    const v = new ActionVariables({ zone: UTC_ZONE });
    expect(v.get('.sec', T)).toBe('51');
    expect(v.get('.sec', T - 60)).toBe('51');
    expect(v.get('.min', T - 60)).toBe('57');
  });
});

describe('ALV-t-u: %t and %u', () => {
  it('are computed for every lookup and ignore stored values', () => {
    const v = new ActionVariables({ zone: UTC_ZONE, now: T });
    v.set('t', 'mine');
    v.set('u', 'mine');
    expect(v.get('t', T)).toBe('Thu Nov  5 10:58:51 2015');
    expect(v.get('u', T)).toBe(String(T));
    expect(v.get('u', T + 0.7)).toBe(String(T));
    expect(v.get('t', T + 3600)).toBe('Thu Nov  5 11:58:51 2015');
  });
});

describe('ALV-chars', () => {
  it('%.nl %.cr %.tab %.sp and %.chr0 .. %.chr255', () => {
    const v = new ActionVariables();
    expect([v.get('.nl', T), v.get('.cr', T), v.get('.tab', T), v.get('.sp', T)]).toEqual([
      '\n',
      '\r',
      '\t',
      ' ',
    ]);
    expect(v.get('.chr0', T)).toBe('\0');
    expect(v.get('.chr31', T)).toBe('\x1f');
    expect(v.get('.chr65', T)).toBe('A');
    expect(v.get('.chr256', T)).toBeUndefined();
    expect(v.get('.chr01', T)).toBeUndefined();
  });

  it('%.chr195%.chr132 written as latin1 bytes is UTF-8 "Ä"', () => {
    const v = new ActionVariables();
    const text = `${v.get('.chr195', T)}${v.get('.chr132', T)}`;
    expect(text).toHaveLength(2);
    expect(Buffer.from(text, 'latin1').toString('utf8')).toBe('Ä');
  });

  it('SEC 2.9.1 has only %.chr0 .. %.chr31', () => {
    const v = new ActionVariables({ maxChr: 31 });
    expect(v.get('.chr31', T)).toBe('\x1f');
    expect(v.get('.chr32', T)).toBeUndefined();
  });
});

describe('ALV-scope, ALV-unset: user variables', () => {
  it('are global, freed with free, and unset ones are undefined', () => {
    const v = new ActionVariables({ zone: UTC_ZONE });
    expect(v.get('user', T)).toBeUndefined();
    v.set('user', 'risto');
    expect(v.get('user', T + 100)).toBe('risto');
    v.free('user');
    expect(v.get('user', T)).toBeUndefined();
    v.set('user', 'a');
    v.set('user', undefined);
    expect(v.get('user', T)).toBeUndefined();
  });

  it('freeing a character built-in lasts until SIGHUP; a time built-in until the next second', () => {
    const v = new ActionVariables({ zone: UTC_ZONE, now: T });
    v.free('.nl');
    v.free('.sec');
    expect(v.get('.sec', T)).toBeUndefined();
    expect(v.get('.nl', T + 5)).toBeUndefined();
    expect(v.get('.sec', T + 5)).toBe('56');
    v.clearUser(T + 6);
    expect(v.get('.nl', T + 6)).toBe('\n');
  });

  it('clearUser (SIGHUP) drops user variables and recreates the built-ins', () => {
    const v = new ActionVariables({ zone: UTC_ZONE, now: T });
    v.set('user', 'x');
    v.set('.year', 'y');
    v.clearUser(T);
    expect(v.get('user', T)).toBeUndefined();
    expect(v.get('.year', T)).toBe('2015');
    expect(v.get('%', T)).toBe('%');
    v.set('.year', 'y');
    v.clearUser();
    expect(v.get('.year', T)).toBe('2015');
  });

  it('snapshot lists user variables and built-ins with %t and %u for now', () => {
    const v = new ActionVariables({ zone: UTC_ZONE });
    v.set('user', 'x');
    const s = v.snapshot(T);
    expect(s.get('user')).toBe('x');
    expect(s.get('u')).toBe(String(T));
    expect(s.get('.hmsstr')).toBe('10:58:51');
    s.set('user', 'changed');
    expect(v.get('user', T)).toBe('x');
  });
});
