import type { EngineEvent } from '../engine/event.js';
import type { TimeZone } from '../engine/variables/index.js';
import type { SyslogTelemetry } from '../metrics/telemetry.js';
import { matchFields, parseSyslog, renderLine } from '../syslog/index.js';
import type { RawMessage } from './syslog/index.js';

export interface NetworkSourceOptions {
  /** 'classic': `Mmm dd hh:mm:ss host tag[pid]: message`; 'raw': the message as received. */
  readonly format: 'classic' | 'raw';
  /** The zone of zone-less RFC 3164 timestamps and of the rendered line. */
  readonly zone: TimeZone;
}

/**
 * One syslog message → one engine event (issue 5): the line in the classic syslog file format
 * so rulesets written for /var/log/messages match unchanged, the parsed fields as reserved match
 * variables, `$+{_inputsrc}` = the listener as given to --input.
 */
export function toEvent(
  raw: RawMessage,
  now: number,
  opts: NetworkSourceOptions,
  // Counts each message by format and parse-error reason (issue 6).
  telemetry?: SyslogTelemetry,
): EngineEvent {
  const msg = parseSyslog(raw.bytes, { zone: opts.zone, now });
  telemetry?.syslogParsed(msg.format, msg.errorReason);
  const line = escapeControls(renderLine(msg, { format: opts.format, zone: opts.zone, now, peer: raw.peer }));
  return { line, source: raw.listener, context: raw.context, fields: matchFields(msg, raw.peer) };
}

const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/g;

/**
 * One message must stay one line: control characters (an LF inside an octet-counted frame, NUL,
 * CR) are written as #ooo octal, as rsyslog does on receipt; TAB is kept.
 */
export function escapeControls(line: string): string {
  // Most lines have none: a plain scan is several times cheaper than a global replace.
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) {
      return line.replace(CONTROL, (x) => `#${x.charCodeAt(0).toString(8).padStart(3, '0')}`);
    }
  }
  return line;
}
