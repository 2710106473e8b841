import { describe, expect, it } from 'vitest';
import { parseSyslog, SYSLOG_PARSE_REASONS } from '../../src/syslog/index.js';
import { ALL_VECTORS, DEFAULT_NOW } from './vectors/index.js';

/** Issue 6: each malformed message carries one bounded reason next to its human error text. */
describe('parseSyslog errorReason', () => {
  const NOW = Date.parse('2024-06-15T12:00:00Z') / 1000;
  const cases: [string, string, string | null][] = [
    ['valid RFC 5424', '<34>1 2024-06-15T10:00:00Z host app 12 ID47 - hello', null],
    ['valid RFC 3164', '<34>Jun 15 10:00:00 host sshd[1]: hello', null],
    ['empty', '\r\n', 'empty'],
    ['no PRI, no header', 'just some text', 'pri'],
    ['PRI out of range', '<999>Jun 15 10:00:00 host app: x', 'pri'],
    ['unsupported VERSION', '<34>2 2024-06-15T10:00:00Z host app - - - x', 'header'],
    ['5424 header cut short', '<34>1 2024-06-15T10:00:00Z host', 'header'],
    ['bad 5424 timestamp', '<34>1 2024-13-45T10:00:00Z host app - - - x', 'timestamp'],
    ['bad 3164 timestamp', '<34>Feb 30 10:00:00 host app: x', 'timestamp'],
    ['bad structured data', '<34>1 2024-06-15T10:00:00Z host app - - [id x] msg', 'structured_data'],
    ['HOSTNAME outside PRINTUSASCII', '<34>1 2024-06-15T10:00:00Z h\u00e9st app - - - x', 'encoding'],
  ];
  for (const [name, text, reason] of cases) {
    it(`${name} → ${reason ?? 'valid'}`, () => {
      const msg = parseSyslog(text, { now: NOW });
      expect(msg.errorReason).toBe(reason);
      expect(msg.valid).toBe(reason === null);
      // The human text is still there for the log.
      expect(msg.error === null).toBe(reason === null);
    });
  }

  it('names the first problem when there are several', () => {
    const msg = parseSyslog('<999>1 2024-13-45T10:00:00Z host app - - - x', { now: NOW });
    expect(msg.error).toContain('PRI');
    expect(msg.errorReason).toBe('pri');
  });

  it('every vector: a reason exactly when invalid, from the bounded set, never the internal fallback', () => {
    for (const v of ALL_VECTORS) {
      const msg = parseSyslog(v.raw, { now: v.now ?? DEFAULT_NOW });
      expect(msg.valid, v.name).toBe(msg.errorReason === null);
      if (msg.errorReason !== null) expect(SYSLOG_PARSE_REASONS, v.name).toContain(msg.errorReason);
      expect(msg.errorReason, v.name).not.toBe('internal');
    }
  });
});
