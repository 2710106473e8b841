/**
 * The text SEC's log messages show for `$!`: Node's error message without the code prefix and
 * the syscall suffix, capitalised like strerror (`ENOENT: no such file or directory, open 'x'`
 * becomes `No such file or directory`).
 */
export function osErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const m = /^[A-Z0-9_]+: ([^,]+)(?:,|$)/.exec(message);
  const text = m?.[1] ?? message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The errno code of a Node system error, or null. */
export function osErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}
