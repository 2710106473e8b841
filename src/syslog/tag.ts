import { isDigit, isPrintUsAscii, SP } from './chars.js';

export interface TagScan {
  readonly tag: string;
  readonly pid: string | null;
  /** Where the message starts (after `tag:`, `tag[pid]:` and one space). */
  readonly end: number;
}

/** Longer than any real tag (RFC 3164 says 32; `postfix/submission/smtpd` and Cisco mnemonics exceed it). */
const MAX_TAG = 64;
const MAX_PID = 128;

/** Characters a tag may have: printable, but not the delimiters and not `=`/`"`, which mark key=value content. */
function isTagChar(c: number): boolean {
  return isPrintUsAscii(c) && c !== 0x3a && c !== 0x5b && c !== 0x5d && c !== 0x3d && c !== 0x22;
}

/** `[pid]` at `p` (which is '['): the pid and the index after ']', or null. */
function pidAt(s: string, p: number): { pid: string; end: number } | null {
  let q = p + 1;
  while (q < s.length && q - p <= MAX_PID && s.charCodeAt(q) !== 0x5d) {
    if (!isPrintUsAscii(s.charCodeAt(q))) return null;
    q++;
  }
  if (s.charCodeAt(q) !== 0x5d || q === p + 1) return null;
  return { pid: s.slice(p + 1, q), end: q + 1 };
}

/**
 * The RFC 3164 TAG at `p`: `tag:`, `tag[pid]:` or `tag[pid]` followed by a space, as syslog(3)
 * writes it; also `%ASA-6-302013:` and `postfix/smtpd[1]:`. A first word that is not closed by
 * ':' or '[pid]' (`date=2024-…`, `system,info`, `SEV=1`) is not a tag: it is part of the message.
 */
export function scanTag(s: string, p: number): TagScan | null {
  let q = p;
  let allDigits = true;
  while (q < s.length && q - p < MAX_TAG) {
    const c = s.charCodeAt(q);
    if (c === 0x3a || c === 0x5b || c === SP) break;
    if (!isTagChar(c)) return null;
    if (!isDigit(c)) allDigits = false;
    q++;
  }
  if (q === p || allDigits) return null;
  const tag = s.slice(p, q);
  const stop = s.charCodeAt(q);
  if (stop === 0x3a) return { tag, pid: null, end: s.charCodeAt(q + 1) === SP ? q + 2 : q + 1 };
  if (stop !== 0x5b) return null;
  const pid = pidAt(s, q);
  if (pid === null) return null;
  let end = pid.end;
  const colon = s.charCodeAt(end) === 0x3a;
  if (colon) end++;
  if (s.charCodeAt(end) === SP) end++;
  else if (!colon && end < s.length) return null;
  return { tag, pid: pid.pid, end };
}
