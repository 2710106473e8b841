/**
 * Perl's quotemeta on a byte string (SEC HP-re-quotemeta, PT-pair2-regexp): a backslash before every
 * character outside [A-Za-z0-9_], bytes 0x80-0xFF included. The translator reads a backslash before
 * any non-word character as that character itself, so the result always matches the value exactly.
 */
export function quotemeta(value: string): string {
  return value.replace(/[^A-Za-z0-9_]/g, '\\$&');
}
