import { digitRunEnd } from './chars.js';

/** User-level (1), as RFC 3164 §4.3.3 assigns to a message without a valid PRI. */
export const DEFAULT_FACILITY = 1;
/** Notice (5), as RFC 3164 §4.3.3 assigns to a message without a valid PRI. */
export const DEFAULT_SEVERITY = 5;
/** The largest PRIVAL: local7 (23) * 8 + debug (7). */
export const MAX_PRIVAL = 191;

export interface PriScan {
  /** 'missing': no `<` at the start; 'invalid': a bracketed PRI that is not 0..191. */
  readonly kind: 'ok' | 'missing' | 'invalid';
  readonly facility: number;
  readonly severity: number;
  /** Where the rest of the message starts. */
  readonly end: number;
  readonly error: string | null;
}

/**
 * `<PRIVAL>` at the start of a message (RFC 5424 §6.2.1, RFC 3164 §4.1.1): 1 to 3 digits, 0..191.
 * A missing or invalid PRI is recovered as user.notice; an invalid one that is closed by `>`
 * within 5 characters is skipped so the rest still parses.
 */
export function scanPri(s: string): PriScan {
  if (s.charCodeAt(0) !== 0x3c) {
    return fallback('missing', 0, 'missing PRI');
  }
  const digitsEnd = digitRunEnd(s, 1, 4);
  const n = digitsEnd - 1;
  if (n >= 1 && n <= 3 && s.charCodeAt(digitsEnd) === 0x3e) {
    const prival = Number(s.slice(1, digitsEnd));
    if (prival <= MAX_PRIVAL) {
      return { kind: 'ok', facility: prival >> 3, severity: prival & 7, end: digitsEnd + 1, error: null };
    }
    return fallback('invalid', digitsEnd + 1, `PRI ${prival} out of range 0..${MAX_PRIVAL}`);
  }
  const close = s.indexOf('>', 1);
  const end = close > 0 && close <= 5 ? close + 1 : 0;
  const what = end > 0 ? JSON.stringify(s.slice(0, end)) : 'unterminated';
  return fallback('invalid', end, `invalid PRI ${what}`);
}

function fallback(kind: 'missing' | 'invalid', end: number, error: string): PriScan {
  return { kind, facility: DEFAULT_FACILITY, severity: DEFAULT_SEVERITY, end, error };
}
