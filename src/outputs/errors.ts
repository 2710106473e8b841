/** Shared helpers of the outputs: error texts for the logs (SEC logs `$!`) and byte strings. */

/** The text of a thrown or emitted error, like Perl's `$!` in SEC's messages. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The errno code of a Node system error (`EAGAIN`, `ENXIO`...), or undefined. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

const WIDE = /[^\u0000-\u00ff]/;
const HIGH = /[\u0080-\u00ff]/;

/**
 * Perl's syswrite/send die on a character above 0xFF ("Wide character"); SEC logs that at debug
 * level and sends nothing. Our text is latin1 (one char per byte), so such a char cannot be sent.
 */
export function hasWideChar(text: string): boolean {
  return WIDE.test(text);
}

/**
 * Node encodes every string it passes to the system (argv, socket paths) as UTF-8, while our
 * strings hold one byte per char (latin1). A byte string that is valid UTF-8, the usual case,
 * is handed over as the string whose UTF-8 form is exactly those bytes; other bytes above 0x7F
 * cannot be passed through these APIs and come out as U+FFFD (reported by `exact: false`).
 */
export function toNativeString(text: string): { value: string; exact: boolean } {
  if (!HIGH.test(text)) return { value: text, exact: true };
  const bytes = Buffer.from(text, 'latin1');
  const value = bytes.toString('utf8');
  return { value, exact: Buffer.from(value, 'utf8').equals(bytes) };
}
