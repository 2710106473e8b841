/**
 * syscorr-mail: what counts as a mail address wherever one is written (docs/mail.md): the
 * --mail-to/--mail-from settings, recipients in the mail actions (checked at load, SYS0901) and
 * in mail/mailx/sendmail command lines that are sent through SMTP. One definition, so the three
 * never disagree: `user` or `user@domain`, without spaces, brackets, quotes or list separators.
 */
const ADDRESS = /^[^\s@<>(),;:"'\\]+(?:@[^\s@<>(),;:"'\\]+)?$/;

export function isMailAddress(text: string): boolean {
  return ADDRESS.test(text);
}

/** The addresses of `a@x,b@y` lists, trimmed, empty parts skipped; null if one is not an address. */
export function splitAddresses(values: readonly string[]): string[] | null {
  const out: string[] = [];
  for (const value of values) {
    for (const part of value.split(',')) {
      const address = part.trim();
      if (address === '') continue;
      if (!isMailAddress(address)) return null;
      out.push(address);
    }
  }
  return out;
}
