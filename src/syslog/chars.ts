/**
 * Character-class helpers for the hand-written scanners. Nothing in src/syslog runs a regular
 * expression over received bytes: every scanner moves forward only, so hostile input costs time
 * linear in its length.
 */

export const SP = 0x20;

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** RFC 5424 PRINTUSASCII: %d33-126. */
export function isPrintUsAscii(c: number): boolean {
  return c >= 33 && c <= 126;
}

/** The value of exactly `n` digits at `p`, or -1. */
export function digitsAt(s: string, p: number, n: number): number {
  if (p + n > s.length) return -1;
  let v = 0;
  for (let i = p; i < p + n; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    v = v * 10 + (c - 0x30);
  }
  return v;
}

/** The end of the run of digits starting at `p` (p itself when there is none), reading at most `max`. */
export function digitRunEnd(s: string, p: number, max: number): number {
  let q = p;
  while (q < s.length && q - p < max && isDigit(s.charCodeAt(q))) q++;
  return q;
}

/** The index of the first space at or after `p`, or the length. */
export function tokenEnd(s: string, p: number): number {
  const i = s.indexOf(' ', p);
  return i < 0 ? s.length : i;
}

/** Skips spaces from `p`. */
export function skipSpaces(s: string, p: number): number {
  let q = p;
  while (q < s.length && s.charCodeAt(q) === SP) q++;
  return q;
}

/** Removes trailing CR, LF and NUL (left by LF framing, Windows senders and C-string senders). */
export function stripTrailing(s: string): string {
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c !== 0x0d && c !== 0x0a && c !== 0x00) break;
    end--;
  }
  return end === s.length ? s : s.slice(0, end);
}
