import { classicTime, type TimeZone } from '../engine/variables/index.js';
import type { TimeMemo } from './time-memo.js';
import { FACILITY_NAMES, SEVERITY_NAMES, type SyslogMessage } from './types.js';

export interface RenderOptions {
  /** 'classic': `Mmm dd hh:mm:ss host tag[pid]: message`; 'raw': the message only. */
  readonly format: 'classic' | 'raw';
  /** The zone the line's time is written in. */
  readonly zone: TimeZone;
  /** Epoch seconds: the time written when the message carries none. */
  readonly now: number;
  /** The sender's address, written as the host when the message names none. */
  readonly peer: string;
  /** The last rendered time, kept by the caller (a listener). */
  readonly times?: TimeMemo | undefined;
}

function timeText(seconds: number, opts: RenderOptions): string {
  return opts.times === undefined ? classicTime(seconds, opts.zone) : opts.times.classic(seconds, opts.zone);
}

/**
 * The engine's event line for a message: the classic syslog file format, so that rulesets written
 * for /var/log/messages match unchanged. RFC 5424 STRUCTURED-DATA is not in the line (it is in
 * matchFields), as rsyslog's traditional file format leaves it out.
 */
export function renderLine(msg: SyslogMessage, opts: RenderOptions): string {
  if (opts.format === 'raw') return msg.message;
  if (msg.classicContent !== null) {
    // What a classic syslogd writes for a message without a standard header: its receive time,
    // the sender, then the text as received (see SyslogMessage.classicContent).
    return `${timeText(opts.now, opts)} ${opts.peer} ${msg.classicContent}`;
  }
  const seconds = msg.timestamp === null ? opts.now : Math.floor(msg.timestamp / 1000);
  let line = `${timeText(seconds, opts)} ${msg.hostname ?? opts.peer}`;
  if (msg.appName !== null) {
    line += msg.procId === null ? ` ${msg.appName}:` : ` ${msg.appName}[${msg.procId}]:`;
  }
  return msg.message === '' ? line : `${line} ${msg.message}`;
}

/** `exampleSDID@32473` → `exampleSDID_32473`: a name Perl accepts in `$+{…}`. */
function wordName(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    out += word ? name[i] : '_';
  }
  return out;
}

/**
 * The reserved match variables of a message ($+{_host}, $+{_severity}, …): _host (hostname or
 * peer), _facility and _severity as syslog.conf keywords, _app, _procid and _msgid when present,
 * _peer, _format, and `_sd_<sdid>_<param>` per structured-data parameter.
 */
export function matchFields(msg: SyslogMessage, peer: string): Record<string, string> {
  // A plain literal keeps one hidden class for the common fields (a null-prototype object is a
  // slow dictionary); readers look names up with Object.hasOwn, so the prototype is never seen.
  const fields: Record<string, string> = {
    _host: msg.hostname ?? peer,
    _facility: FACILITY_NAMES[msg.facility] ?? String(msg.facility),
    _severity: SEVERITY_NAMES[msg.severity] ?? String(msg.severity),
    _peer: peer,
    _format: msg.format,
  };
  if (msg.appName !== null) fields._app = msg.appName;
  if (msg.procId !== null) fields._procid = msg.procId;
  if (msg.msgId !== null) fields._msgid = msg.msgId;
  if (msg.structuredData !== null) {
    for (const [id, params] of Object.entries(msg.structuredData)) {
      for (const [name, value] of Object.entries(params))
        fields[`_sd_${wordName(id)}_${wordName(name)}`] = value;
    }
  }
  return fields;
}
