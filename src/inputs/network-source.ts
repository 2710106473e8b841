import type { EngineEvent } from '../engine/event.js';
import type { TimeZone } from '../engine/variables/index.js';
import type { SyslogTelemetry } from '../metrics/telemetry.js';
import {
  latin1Text,
  matchFields,
  parseSyslog,
  renderLine,
  type SyslogFormat,
  type SyslogParseReason,
  stripTrailing,
  type TimeMemo,
} from '../syslog/index.js';
import type { RawMessage } from './syslog/index.js';

export interface NetworkSourceOptions {
  /** 'classic': `Mmm dd hh:mm:ss host tag[pid]: message`; 'raw': the message as received. */
  readonly format: 'classic' | 'raw';
  /** The zone of zone-less RFC 3164 timestamps and of the rendered line. */
  readonly zone: TimeZone;
  /** The listener's last time conversions (TimeMemo): one per listener. */
  readonly times?: TimeMemo;
}

/** What one received message becomes: the event's line and fields, and how it parsed. */
export interface RenderedMessage {
  readonly line: string;
  readonly fields: Record<string, string>;
  readonly format: SyslogFormat;
  readonly error: SyslogParseReason | null;
}

/**
 * One syslog message → the line in the classic syslog file format (so rulesets written for
 * /var/log/messages match unchanged) and the parsed fields as reserved match variables.
 * `now` (epoch seconds) is the time written for messages that carry none.
 */
export function renderMessage(raw: RawMessage, now: number, opts: NetworkSourceOptions): RenderedMessage {
  const text = stripTrailing(latin1Text(raw.bytes));
  const msg = parseSyslog(text, { zone: opts.zone, now, times: opts.times });
  const rendered = renderLine(msg, {
    format: opts.format,
    zone: opts.zone,
    now,
    peer: raw.peer,
    times: opts.times,
  });
  // The line is made of parts of the text, the time and the peer's address: when the text has no
  // control character, neither has the line (and the test reads a flat string, not the joined line).
  const line = HAS_CONTROL.test(text) ? escapeControls(rendered) : rendered;
  return { line, fields: matchFields(msg, raw.peer), format: msg.format, error: msg.errorReason };
}

/**
 * One syslog message → one engine event (issue 5), `$+{_inputsrc}` = the listener as given to
 * --input, counted by format and parse-error reason (issue 6).
 */
export function toEvent(
  raw: RawMessage,
  now: number,
  opts: NetworkSourceOptions,
  telemetry?: SyslogTelemetry,
): EngineEvent {
  const r = renderMessage(raw, now, opts);
  telemetry?.syslogParsed(r.format, r.error);
  return { line: r.line, source: raw.listener, context: raw.context, fields: r.fields };
}

const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/g;
const HAS_CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/**
 * One message must stay one line: control characters (an LF inside an octet-counted frame, NUL,
 * CR) are written as #ooo octal, as rsyslog does on receipt; TAB is kept.
 */
export function escapeControls(line: string): string {
  // Most lines have none: a test is cheaper than a global replace.
  if (!HAS_CONTROL.test(line)) return line;
  return line.replace(CONTROL, (x) => `#${x.charCodeAt(0).toString(8).padStart(3, '0')}`);
}
