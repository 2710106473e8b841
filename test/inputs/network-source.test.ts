import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UTC_ZONE } from '../../src/engine/variables/index.js';
import { escapeControls, renderMessage } from '../../src/inputs/network-source.js';
import type { RawMessage } from '../../src/inputs/syslog/index.js';
import { parseSyslog, renderLine, TimeMemo } from '../../src/syslog/index.js';

const NOW = 1_764_324_000;

function raw(text: string, peer = '192.0.2.7'): RawMessage {
  return {
    bytes: Buffer.from(text, 'latin1'),
    peer,
    peerPort: 514,
    transport: 'udp',
    listener: 'udp://0.0.0.0:514',
    index: 0,
    context: null,
    truncated: false,
    receivedAt: 0,
  };
}

describe('renderMessage: one message is one line', () => {
  it('writes control characters inside the message as #ooo octal, keeps TAB, drops trailing CR LF NUL', () => {
    const r = renderMessage(raw('<13>Nov 28 10:00:00 host app: a\nb\x00c\td\x7f\r\n'), NOW, {
      format: 'classic',
      zone: UTC_ZONE,
    });
    expect(r.line).toBe('Nov 28 10:00:00 host app: a#012b#000c\td#177');
  });

  it('renders any bytes as the parse and render of the text, escaped, and never with a control character but TAB', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<13>',
        '<165>1 ',
        'Nov 28 10:00:00 ',
        '2026-11-28T10:00:00Z ',
        'host ',
        'app[12]: ',
        '- ',
        ' ',
      ),
      fc.string({ unit: 'binary-ascii', maxLength: 12 }),
      fc.constantFrom('\n', '\r', '\x00', '\t', '\x1b', '\x7f', '\xff'),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }),
        fc.constantFrom('classic' as const, 'raw' as const),
        (parts, format) => {
          const text = parts.join('');
          const opts = { format, zone: UTC_ZONE, times: new TimeMemo() };
          const got = renderMessage(raw(text), NOW, opts).line;
          const msg = parseSyslog(Buffer.from(text, 'latin1'), { zone: UTC_ZONE, now: NOW });
          const expected = escapeControls(
            renderLine(msg, { format, zone: UTC_ZONE, now: NOW, peer: '192.0.2.7' }),
          );
          expect(got).toBe(expected);
          expect(/[\x00-\x08\x0a-\x1f\x7f]/.test(got)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
