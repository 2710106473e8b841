/**
 * Small pure helpers shared by the action families: Perl truth, Perl's `split(/\n/, ...)`, the
 * run-time number checks and shell quoting.
 */

/** SEC AL-truth: defined, not "" and not "0" ("0.0", "00" and " " are true). */
export function perlTrue(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0';
}

/**
 * Perl `split(/\n/, $text)` (SEC ACT-event, CTX-store-split, ACT-rewrite): leading and middle empty
 * pieces are kept, trailing empty pieces are dropped, so "" and "\n" give no lines.
 */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// Perl's \s on byte strings is ASCII whitespace only; JS \s would also accept U+00A0 and others.
const UNSIGNED = /^[\t\n\v\f\r ]*0*([0-9]+)[\t\n\v\f\r ]*$/;
const UNSIGNED_OR_DASH = /^[\t\n\v\f\r ]*(?:0*([0-9]+)|-)[\t\n\v\f\r ]*$/;
const INPUT_OFFSET = /^[\t\n\v\f\r ]*(-|[0-9]+)[\t\n\v\f\r ]*$/;
const TRIM_TIME = /^[\t\n\v\f\r ]*([+-]?)0*([0-9]+)[\t\n\v\f\r ]*$/;

/** SEC AL-run-time: `^\s*0*([0-9]+)\s*$`, else null (the caller warns and skips the action). */
export function parseUnsigned(text: string): number | null {
  const m = UNSIGNED.exec(text);
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** SEC ACT-set: an unsigned lifetime, or `-` (keep the lifetime) as 'keep'; null if invalid. */
export function parseLifetimeOrKeep(text: string): number | 'keep' | null {
  const m = UNSIGNED_OR_DASH.exec(text);
  if (m === null) return null;
  return m[1] === undefined ? 'keep' : Number(m[1]);
}

/** SEC ACT-addinput: `^\s*(-|[0-9]+)\s*$`, the trimmed offset text, or null. */
export function parseInputOffset(text: string): string | null {
  return INPUT_OFFSET.exec(text)?.[1] ?? null;
}

/** SEC ACT-trim TIME: an epoch, `-T` (now - T) or `+T` (the context's ctime + T). */
export type TrimTime =
  | { readonly kind: 'epoch'; readonly time: number }
  | { readonly kind: 'ago'; readonly seconds: number }
  | { readonly kind: 'after-ctime'; readonly seconds: number };

export function parseTrimTime(text: string): TrimTime | null {
  const m = TRIM_TIME.exec(text);
  if (m?.[2] === undefined) return null;
  const n = Number(m[2]);
  if (m[1] === '-') return { kind: 'ago', seconds: n };
  if (m[1] === '+') return { kind: 'after-ctime', seconds: n };
  return { kind: 'epoch', time: n };
}

/** SEC ACT-assignsq and OPT-quoting: wrap in single quotes, `'` becomes `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}
