/**
 * The byte folding the prefilter matches under: ASCII capitals and the Latin-1 capitals
 * À-Þ (without ×) map to their small letters, every other byte to itself. Literals are stored
 * folded and each line is folded as it is scanned, so one automaton serves case-sensitive and
 * (?i) patterns alike. A fold only merges bytes, so a text present before folding is present after
 * it (soundness); a case-sensitive literal may then report a line its regex rejects, which only
 * costs the regex run the prefilter would have saved.
 */
export function foldByte(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code >= 0xc0 && code <= 0xde && code !== 0xd7) return code + 0x20;
  return code;
}

/** A string of bytes (latin1, one char per byte) in folded form; null if a char is above 0xFF. */
export function foldText(text: string): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return null;
    out += String.fromCharCode(foldByte(c));
  }
  return out;
}
