import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedZone } from '../../src/engine/variables/index.js';
import { parseSyslog } from '../../src/syslog/index.js';

const NOW = Date.parse('2024-06-15T12:00:00Z') / 1000;

describe('parseSyslog options and guarantees (issue 5)', () => {
  it('reads a zone-less RFC 3164 time in the given zone', () => {
    const msg = parseSyslog('<13>Jan 15 10:00:00 h a: m', { now: NOW, zone: fixedZone(3600, 'CET') });
    expect(msg.timestamp).toBe(Date.parse('2024-01-15T09:00:00Z'));
  });

  it('an explicit offset wins over the zone', () => {
    const msg = parseSyslog('<13>2024-01-15T10:00:00Z h a: m', { zone: fixedZone(3600, 'CET') });
    expect(msg.timestamp).toBe(Date.parse('2024-01-15T10:00:00Z'));
  });

  it('infers the year closest to now: a December message read on New Year belongs to last year', () => {
    const newYear = Date.parse('2025-01-01T00:10:00Z') / 1000;
    expect(parseSyslog('<13>Dec 31 23:59:00 h a: m', { now: newYear }).timestamp).toBe(
      Date.parse('2024-12-31T23:59:00Z'),
    );
    const newYearsEve = Date.parse('2024-12-31T23:59:00Z') / 1000;
    expect(parseSyslog('<13>Jan  1 00:00:30 h a: m', { now: newYearsEve }).timestamp).toBe(
      Date.parse('2025-01-01T00:00:30Z'),
    );
  });

  it('without now, a year-less time is kept as text only (the parser never reads the clock)', () => {
    const msg = parseSyslog('<13>Jan 15 10:00:00 h a: m');
    expect([msg.timestamp, msg.timestampText, msg.valid]).toEqual([null, 'Jan 15 10:00:00', true]);
  });

  it('bytes and their latin1 string parse alike', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const asString = Buffer.from(bytes).toString('latin1');
        expect(parseSyslog(bytes, { now: NOW })).toEqual(parseSyslog(asString, { now: NOW }));
      }),
    );
  });

  it('never throws, and valid is false exactly when error is set, on any input', () => {
    const syslogish = fc
      .array(
        fc.constantFrom(
          '<',
          '>',
          '1',
          '13',
          '[',
          ']',
          '"',
          '\\',
          '=',
          ' ',
          ':',
          '-',
          'T',
          'Z',
          'Jan',
          '2024-01-15',
          '10:00:00',
          '.5',
          '@',
          'x',
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), syslogish), (raw) => {
        const msg = parseSyslog(raw, { now: NOW });
        expect(msg.valid).toBe(msg.error === null);
        expect(typeof msg.message).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('parses 1 MiB and 2 MiB hostile lines (no backtracking: both simply finish)', () => {
    const hostile = (n: number) => [
      `<14>1 2024-01-15T10:00:00Z h a - - [x@1 a="${'\\'.repeat(n)}`,
      `<13>Jan 15 10:00:00 ${'['.repeat(n)}`,
      '<'.repeat(n),
      `<189>${'1: '.repeat(Math.floor(n / 3))}`,
      `<13>${'Jan 1 '.repeat(Math.floor(n / 6))}`,
    ];
    for (const size of [1 << 20, 2 << 20]) {
      for (const raw of hostile(size)) {
        const msg = parseSyslog(raw, { now: NOW });
        expect(msg.message.length).toBeGreaterThan(0);
      }
    }
  });

  it('a structured-data id named __proto__ does not touch Object.prototype', () => {
    const msg = parseSyslog('<14>1 2024-01-15T10:00:00Z h a - - [__proto__ polluted="yes"] m');
    expect(JSON.parse(JSON.stringify(Object.entries(msg.structuredData ?? {})))).toEqual([
      ['__proto__', { polluted: 'yes' }],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the parser source has no regular expressions over received text', () => {
  it('src/syslog uses hand-written scanners only', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../src/syslog/', import.meta.url);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && n !== 'framing.ts')) {
      const src = readFileSync(new URL(name, dir), 'utf8');
      expect({
        name,
        regex: /new RegExp|\.match\(|\.replace\(\/|\.test\(|\/[^/\n*]+\/[gimsuy]*\.(exec|test)/.test(src),
      }).toEqual({
        name,
        regex: false,
      });
    }
  });
});
