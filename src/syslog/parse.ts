import { stripTrailing } from './chars.js';
import { type Draft, finish, flag, newDraft } from './draft.js';
import { DEFAULT_FACILITY, DEFAULT_SEVERITY, scanPri } from './pri.js';
import { parse3164 } from './rfc3164.js';
import { looksLike5424, parse5424 } from './rfc5424.js';
import type { ParseOptions, SyslogMessage, SyslogParseReason } from './types.js';

/** Bytes as latin1, one char per byte, as the engine reads every input (HP-bytes). */
export function latin1Text(raw: string | Uint8Array): string {
  if (typeof raw === 'string') return raw;
  // A Buffer converts without the view object a plain Uint8Array needs first.
  if (Buffer.isBuffer(raw)) return raw.toString('latin1');
  return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
}

/** A message kept whole: no PRI and nothing that looks like a syslog header, or empty. */
function rawMessage(s: string, reason: SyslogParseReason, error: string): Draft {
  const d = newDraft('raw', DEFAULT_FACILITY, DEFAULT_SEVERITY);
  flag(d, reason, error);
  d.message = s;
  return d;
}

function parseText(s: string, options: ParseOptions): Draft {
  if (s.length === 0) return rawMessage(s, 'empty', 'empty message');
  const pri = scanPri(s);
  const d = newDraft('rfc3164', pri.facility, pri.severity);
  if (pri.error !== null) flag(d, 'pri', pri.error);
  if (pri.end > 0 && looksLike5424(s, pri.end)) {
    parse5424(s, pri.end, d);
    return d;
  }
  parse3164(s, pri.end, d, options);
  // Without a PRI, only a timestamp shows that this is a syslog line at all.
  if (pri.kind !== 'ok' && d.timestampText === null) return rawMessage(s, 'pri', pri.error ?? 'not syslog');
  return d;
}

/**
 * Parses one received syslog message (one UDP datagram, one TCP frame): RFC 5424 strictly, RFC
 * 3164 leniently with the variants devices send, anything else as a raw message. Trailing CR, LF
 * and NUL are removed. Never throws; malformed input comes back flagged (`valid: false`) with
 * every field that could be recovered.
 */
export function parseSyslog(raw: string | Uint8Array, options: ParseOptions = {}): SyslogMessage {
  const s = stripTrailing(latin1Text(raw));
  try {
    return finish(parseText(s, options));
  } catch (e) {
    // Defence in depth: a scanner bug must cost one message's fields, never the listener.
    return finish(
      rawMessage(s, 'internal', `internal parser error: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
}
