import { UTC_ZONE } from '../engine/variables/index.js';
import { digitRunEnd, isAlpha, isDigit, SP, skipSpaces, tokenEnd } from './chars.js';
import { type Draft, flag } from './draft.js';
import { isUtcName, type LegacyTime, legacyTimeAt } from './legacy-time.js';
import { scanTag } from './tag.js';
import type { ParseOptions } from './types.js';
import { wallTimeError, wallToEpochMs } from './wall-time.js';

/**
 * Cisco sequence numbers before the timestamp: `123: ` (IOS `service sequence-numbers`, once or
 * twice), or the VPN 3000 concentrator's `4725 ` before its `MM/DD/YYYY` date.
 */
function skipSequences(s: string, p: number): { end: number; found: boolean } {
  let q = p;
  let found = false;
  for (let i = 0; i < 2; i++) {
    const dEnd = digitRunEnd(s, q, 10);
    if (dEnd === q) break;
    if (s.charCodeAt(dEnd) === 0x3a && s.charCodeAt(dEnd + 1) === SP) {
      q = dEnd + 2;
      found = true;
    } else if (s.charCodeAt(dEnd) === SP && s[dEnd + 3] === '/' && legacyTimeAt(s, dEnd + 1) !== null) {
      return { end: dEnd + 1, found: true };
    } else {
      break;
    }
  }
  return { end: q, found };
}

/** A zone name after the time (Cisco IOS `00:00:12.345 UTC:`): 1 to 5 upper-case letters closed by ':'. */
function zoneNameEnd(s: string, p: number): number {
  if (s.charCodeAt(p) !== SP) return p;
  let q = p + 1;
  while (q < s.length && q - p <= 5 && isUpper(s.charCodeAt(q))) q++;
  return q > p + 1 && s.charCodeAt(q) === 0x3a ? q : p;
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** Records the timestamp; returns where the text after it (and its `:` and spaces) starts. */
function takeTimestamp(s: string, t: LegacyTime, d: Draft, o: ParseOptions): number {
  const zone = o.zone ?? UTC_ZONE;
  const zEnd = zoneNameEnd(s, t.end);
  d.timestampText = s.slice(t.start, zEnd);
  let wall = t.wall;
  if (zEnd > t.end && wall.offset === null && isUtcName(s.slice(t.end + 1, zEnd))) {
    wall = { ...wall, offset: 0 };
  }
  const bad = wallTimeError(wall, 60);
  if (bad !== null) flag(d, 'timestamp', `timestamp ${JSON.stringify(d.timestampText)}: ${bad}`);
  else
    d.timestamp =
      o.times === undefined ? wallToEpochMs(wall, zone, o.now) : o.times.epochMs(wall, zone, o.now);
  let q = zEnd;
  if (s.charCodeAt(q) === 0x3a) q++;
  return skipSpaces(s, q);
}

function isHostChar(c: number): boolean {
  return isAlpha(c) || isDigit(c) || c === 0x2e || c === 0x2d || c === 0x5f || c === 0x3a;
}

/** A HOSTNAME: one word of host characters, not ending with ':' (that is a tag), followed by SP. */
function hostnameEnd(s: string, p: number): number {
  const end = tokenEnd(s, p);
  if (end === p || end === s.length || s.charCodeAt(end - 1) === 0x3a) return p;
  for (let i = p; i < end; i++) if (!isHostChar(s.charCodeAt(i))) return p;
  return end;
}

/** Cisco IOS `seq: host: *Mar  1 …`: a `word:` before the timestamp is the hostname. */
function ciscoHost(s: string, p: number): { host: string; time: LegacyTime } | null {
  const end = tokenEnd(s, p);
  if (end - p < 2 || s.charCodeAt(end - 1) !== 0x3a) return null;
  const time = legacyTimeAt(s, end + 1);
  return time === null ? null : { host: s.slice(p, end - 1), time };
}

/**
 * RFC 3164 leniently, from `p` (after the PRI): [sequence] [TIMESTAMP [HOSTNAME]] [TAG] CONTENT.
 * Every part is optional, as real devices omit them; what is not recognised stays in the message.
 */
export function parse3164(s: string, p: number, d: Draft, o: ParseOptions): void {
  d.format = 'rfc3164';
  const seq = skipSequences(s, p);
  // A syslogd that sees no standard header keeps the whole text (sequence number and device
  // clock included) after its own timestamp and host: rules for /var/log/messages expect that.
  if (seq.found) d.classicContent = s.slice(p);
  let q = seq.end;
  let time = legacyTimeAt(s, q);
  if (time === null && seq.found) {
    const cisco = ciscoHost(s, q);
    if (cisco !== null) {
      d.hostname = cisco.host;
      time = cisco.time;
    }
  }
  if (time !== null) {
    q = takeTimestamp(s, time, d, o);
    if (d.hostname === null) {
      const hEnd = hostnameEnd(s, q);
      if (hEnd > q) {
        d.hostname = s.slice(q, hEnd);
        q = hEnd + 1;
        if (s.charCodeAt(q) === 0x3a && s.charCodeAt(q + 1) === SP) q += 2; // Cisco ASA `host : %ASA-…`
      }
    }
  }
  const tag = scanTag(s, q);
  if (tag !== null) {
    d.appName = tag.tag;
    d.procId = tag.pid;
    q = tag.end;
  }
  d.message = s.slice(q);
}
