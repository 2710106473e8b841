import { digitRunEnd, digitsAt } from './chars.js';
import { fractionMs, type WallTime, wallTimeError } from './wall-time.js';

export type Timestamp5424 = { readonly wall: WallTime } | { readonly error: string };

/**
 * RFC 5424 §6.2.3 TIMESTAMP, strictly: FULL-DATE "T" PARTIAL-TIME TIME-OFFSET with upper-case
 * `T` and `Z`, 1 to 6 fraction digits, a mandatory offset, no leap second.
 */
export function parseTimestamp5424(tok: string): Timestamp5424 {
  const year = digitsAt(tok, 0, 4);
  const mon = digitsAt(tok, 5, 2);
  const mday = digitsAt(tok, 8, 2);
  if (year < 0 || mon < 0 || mday < 0 || tok[4] !== '-' || tok[7] !== '-') {
    return { error: 'TIMESTAMP: bad FULL-DATE' };
  }
  if (tok[10] !== 'T') return { error: "TIMESTAMP: expected upper-case 'T' after the date" };
  const hour = digitsAt(tok, 11, 2);
  const min = digitsAt(tok, 14, 2);
  const sec = digitsAt(tok, 17, 2);
  if (hour < 0 || min < 0 || sec < 0 || tok[13] !== ':' || tok[16] !== ':') {
    return { error: 'TIMESTAMP: bad PARTIAL-TIME' };
  }
  let p = 19;
  let frac = '';
  if (tok[p] === '.') {
    const end = digitRunEnd(tok, p + 1, 7);
    frac = tok.slice(p + 1, end);
    if (frac.length === 0 || frac.length > 6)
      return { error: 'TIMESTAMP: TIME-SECFRAC must have 1 to 6 digits' };
    p = end;
  }
  const offset = parseOffset(tok, p);
  if (offset === null) return { error: "TIMESTAMP: TIME-OFFSET must be 'Z' or +hh:mm / -hh:mm" };
  const wall: WallTime = { year, mon: mon - 1, mday, hour, min, sec, fracMs: fractionMs(frac), offset };
  const bad = wallTimeError(wall, 59);
  return bad === null ? { wall } : { error: `TIMESTAMP: ${bad}` };
}

/** `Z` or `±hh:mm` ending the token, in seconds east; null if anything else. */
function parseOffset(tok: string, p: number): number | null {
  if (tok[p] === 'Z') return p + 1 === tok.length ? 0 : null;
  const sign = tok[p] === '+' ? 1 : tok[p] === '-' ? -1 : 0;
  if (sign === 0 || p + 6 !== tok.length || tok[p + 3] !== ':') return null;
  const hh = digitsAt(tok, p + 1, 2);
  const mm = digitsAt(tok, p + 4, 2);
  if (hh < 0 || mm < 0 || hh > 23 || mm > 59) return null;
  return sign * (hh * 3600 + mm * 60);
}
