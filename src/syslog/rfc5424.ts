import { UTC_ZONE } from '../engine/variables/index.js';
import { digitRunEnd, isDigit, isPrintUsAscii, SP, tokenEnd } from './chars.js';
import { type Draft, flag } from './draft.js';
import { scanStructuredData } from './structured-data.js';
import { parseTimestamp5424 } from './timestamp5424.js';
import { wallToEpochMs } from './wall-time.js';

/**
 * Whether the text after the PRI starts an RFC 5424 HEADER: VERSION (NONZERO-DIGIT 0*2DIGIT) and
 * SP. VERSION "1" always does; another version only when a TIMESTAMP or NILVALUE follows, so that
 * legacy lines like `<189>47 02/11/2005 …` (a sequence number) stay RFC 3164.
 */
export function looksLike5424(s: string, p: number): boolean {
  const c = s.charCodeAt(p);
  if (!isDigit(c) || c === 0x30) return false;
  const end = digitRunEnd(s, p, 4);
  if (end - p > 3 || s.charCodeAt(end) !== SP) return false;
  if (end - p === 1 && c === 0x31) return true;
  const t = end + 1;
  if (s[t] === '-' && (t + 1 === s.length || s.charCodeAt(t + 1) === SP)) return true;
  return digitRunEnd(s, t, 4) === t + 4 && s[t + 4] === '-';
}

const FIELDS = [
  { name: 'HOSTNAME', max: 255 },
  { name: 'APP-NAME', max: 48 },
  { name: 'PROCID', max: 128 },
  { name: 'MSGID', max: 32 },
] as const;

/** NILVALUE → null; otherwise 1*max PRINTUSASCII (flagged, and kept, when it is not). */
function headerField(tok: string, name: string, max: number, d: Draft): string | null {
  if (tok === '-') return null;
  if (tok === '') {
    flag(d, 'header', `${name} is empty (two spaces in the HEADER?)`);
    return null;
  }
  if (tok.length > max) flag(d, 'header', `${name} longer than ${max} characters`);
  for (let i = 0; i < tok.length; i++) {
    if (!isPrintUsAscii(tok.charCodeAt(i))) {
      flag(d, 'encoding', `${name} has a character outside PRINTUSASCII`);
      break;
    }
  }
  return tok;
}

function timestampField(tok: string, d: Draft): void {
  if (tok === '-') return;
  d.timestampText = tok;
  const ts = parseTimestamp5424(tok);
  if ('error' in ts) flag(d, 'timestamp', ts.error);
  else d.timestamp = wallToEpochMs(ts.wall, UTC_ZONE, undefined); // always has its offset;
}

/** Reads one SP-terminated token; null (and an error) when the message ends first. */
function token(s: string, cur: { p: number }, name: string, d: Draft): string | null {
  if (cur.p > s.length) {
    flag(d, 'header', `message ends before ${name}`);
    return null;
  }
  const end = tokenEnd(s, cur.p);
  const tok = s.slice(cur.p, end);
  cur.p = end + 1;
  return tok;
}

/**
 * RFC 5424 §6: HEADER SP STRUCTURED-DATA [SP MSG], strictly by its grammar, from `p` (the VERSION).
 * Fields are SP-separated, so a bad field is flagged and the next ones are still read.
 */
export function parse5424(s: string, p: number, d: Draft): void {
  d.format = 'rfc5424';
  const cur = { p };
  const version = token(s, cur, 'VERSION', d);
  if (version !== '1') flag(d, 'header', `unsupported VERSION ${version}`);
  const ts = token(s, cur, 'TIMESTAMP', d);
  if (ts === null) return;
  timestampField(ts, d);
  // Each field is stored as soon as it is read: a header that ends early keeps what it had.
  for (let i = 0; i < FIELDS.length; i++) {
    const f = FIELDS[i] as (typeof FIELDS)[number];
    const tok = token(s, cur, f.name, d);
    if (tok === null) return;
    setField(d, i, headerField(tok, f.name, f.max, d));
  }
  if (cur.p > s.length) {
    flag(d, 'structured_data', 'message ends before STRUCTURED-DATA');
    return;
  }
  bodyAfterHeader(s, cur.p, d);
}

function setField(d: Draft, i: number, value: string | null): void {
  if (i === 0) d.hostname = value;
  else if (i === 1) d.appName = value;
  else if (i === 2) d.procId = value;
  else d.msgId = value;
}

/** STRUCTURED-DATA [SP MSG]; on a malformed element the rest from it is kept as the message. */
function bodyAfterHeader(s: string, p: number, d: Draft): void {
  let end: number;
  if (s[p] === '-') {
    end = p + 1;
  } else if (s[p] === '[') {
    const sd = scanStructuredData(s, p);
    d.structuredData = sd.data;
    flag(d, 'structured_data', ...sd.errors);
    if (sd.failed) {
      d.message = s.slice(sd.end);
      return;
    }
    end = sd.end;
  } else {
    flag(d, 'structured_data', "STRUCTURED-DATA must be '-' or start with '['");
    d.message = s.slice(p);
    return;
  }
  if (end === s.length) return;
  if (s.charCodeAt(end) !== SP) {
    flag(d, 'structured_data', 'expected SP after STRUCTURED-DATA');
    d.message = s.slice(end);
    return;
  }
  d.message = stripBom(s.slice(end + 1));
}

/** MSG-UTF8 starts with a BOM (§6.4): as latin1 bytes EF BB BF, or U+FEFF in an already-decoded string. */
function stripBom(msg: string): string {
  if (msg.startsWith('\u00ef\u00bb\u00bf')) return msg.slice(3);
  if (msg.charCodeAt(0) === 0xfeff) return msg.slice(1);
  return msg;
}
