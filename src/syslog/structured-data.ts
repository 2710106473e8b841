import { isPrintUsAscii, SP } from './chars.js';
import type { StructuredData } from './types.js';

export interface SdScan {
  /** The complete SD-ELEMENTs read (null when none). */
  readonly data: StructuredData | null;
  /** Where the element that failed starts, or where STRUCTURED-DATA ends. */
  readonly end: number;
  /** Hard errors stop the scan at `end`; soft ones (an unescaped `]`, a repeated SD-ID) do not. */
  readonly errors: readonly string[];
  readonly failed: boolean;
}

const MAX_SD_NAME = 32;

/** SD-NAME (RFC 5424 §6.3): 1*32 PRINTUSASCII except '=', SP, ']', '"'. Returns its end. */
function sdNameEnd(s: string, p: number): number {
  let q = p;
  while (q < s.length) {
    const c = s.charCodeAt(q);
    if (!isPrintUsAscii(c) || c === 0x3d || c === 0x5d || c === 0x22) break;
    q++;
  }
  return q;
}

interface Cursor {
  p: number;
  readonly errors: string[];
}

/**
 * PARAM-VALUE after its opening quote: `\"`, `\\` and `\]` unescape; a backslash before any other
 * character stays with it (RFC 5424 §6.3.3). Returns the value, or null if the quote never closes.
 */
function paramValue(s: string, cur: Cursor): string | null {
  let out = '';
  let chunk = cur.p;
  let q = cur.p;
  while (q < s.length) {
    const c = s.charCodeAt(q);
    if (c === 0x22) {
      cur.p = q + 1;
      return out + s.slice(chunk, q);
    }
    if (c === 0x5c) {
      const next = s.charCodeAt(q + 1);
      if (next === 0x22 || next === 0x5c || next === 0x5d) {
        out += s.slice(chunk, q);
        chunk = q + 1;
        q += 2;
        continue;
      }
    } else if (c === 0x5d && !cur.errors.includes("unescaped ']' in PARAM-VALUE")) {
      cur.errors.push("unescaped ']' in PARAM-VALUE");
    }
    q++;
  }
  return null;
}

type Element = { id: string; params: Record<string, string> } | { error: string };

/** One SD-ELEMENT at cur.p (which is '['): "[" SD-ID *(SP SD-PARAM) "]". */
function element(s: string, cur: Cursor): Element {
  const idEnd = sdNameEnd(s, cur.p + 1);
  const id = s.slice(cur.p + 1, idEnd);
  if (id.length === 0 || id.length > MAX_SD_NAME)
    return { error: 'SD-ID must be 1 to 32 printable characters' };
  const params: Record<string, string> = Object.create(null);
  cur.p = idEnd;
  for (;;) {
    const c = s.charCodeAt(cur.p);
    if (c === 0x5d) {
      cur.p++;
      return { id, params };
    }
    if (c !== SP) return { error: `SD-ELEMENT ${id}: expected SP or ']'` };
    const nameEnd = sdNameEnd(s, cur.p + 1);
    const name = s.slice(cur.p + 1, nameEnd);
    if (name.length === 0 || name.length > MAX_SD_NAME) {
      return { error: `SD-ELEMENT ${id}: PARAM-NAME must be 1 to 32 printable characters` };
    }
    if (s.charCodeAt(nameEnd) !== 0x3d || s.charCodeAt(nameEnd + 1) !== 0x22) {
      return { error: `SD-PARAM ${id} ${name}: expected '="'` };
    }
    cur.p = nameEnd + 2;
    const value = paramValue(s, cur);
    if (value === null) return { error: `SD-PARAM ${id} ${name}: unterminated PARAM-VALUE` };
    params[name] = value; // a repeated PARAM-NAME is allowed (§6.3.3); the last value is kept
  }
}

/**
 * 1*SD-ELEMENT starting at `p` (which is '['), elements back to back with no space between.
 * Stops at the first character after the last ']' or at the first element that is malformed.
 */
export function scanStructuredData(s: string, p: number): SdScan {
  const cur: Cursor = { p, errors: [] };
  let data: StructuredData | null = null;
  while (s.charCodeAt(cur.p) === 0x5b) {
    const start = cur.p;
    const el = element(s, cur);
    if ('error' in el) {
      return { data, end: start, errors: [...cur.errors, el.error], failed: true };
    }
    data ??= Object.create(null) as StructuredData;
    const seen = data[el.id];
    if (seen === undefined) {
      data[el.id] = el.params;
    } else {
      cur.errors.push(`SD-ID ${el.id} repeated`);
      Object.assign(seen, el.params);
    }
  }
  return { data, end: cur.p, errors: cur.errors, failed: false };
}
