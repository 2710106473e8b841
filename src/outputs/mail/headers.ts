/**
 * The header block sendmail reads at the start of its input (RFC 5322 §2.2): `Name: value`
 * lines, folded lines starting with a blank, up to an empty line. Used for the `sendmail` idiom
 * (docs/mail.md): Subject, From, To, Cc and Bcc are taken from it, other headers are dropped.
 */

export interface Message {
  /** Header names lower-cased, values unfolded; a repeated header keeps every value. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly body: string;
}

/** A header field name is printable ASCII except `:` (RFC 5322 ftext). */
const FIELD = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:(.*)$/;

/**
 * Splits piped text into headers and body. Text that does not start with a header line is all
 * body (as sendmail treats it); the header block ends at the first line that is neither a
 * header nor a folded continuation, and an empty line ending it is not part of the body.
 */
export function splitMessage(text: string): Message {
  const headers = new Map<string, string[]>();
  let pos = 0;
  let last: { name: string; index: number } | null = null;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(pos, end).replace(/\r$/, '');
    const next = nl < 0 ? text.length : nl + 1;
    if (line === '') return { headers, body: text.slice(next) };
    if ((line.startsWith(' ') || line.startsWith('\t')) && last !== null) {
      const values = headers.get(last.name) as string[];
      values[last.index] = `${values[last.index] ?? ''} ${line.trim()}`;
      pos = next;
      continue;
    }
    const m = FIELD.exec(line);
    if (m === null) break;
    const name = (m[1] as string).toLowerCase();
    const values = headers.get(name) ?? [];
    values.push((m[2] as string).trim());
    headers.set(name, values);
    last = { name, index: values.length - 1 };
    pos = next;
  }
  return { headers, body: text.slice(pos) };
}

/**
 * The addresses of an address-list header value (`Ops <ops@x>, "Doe, J" <j@x>, root`): commas
 * inside quotes, angle brackets or comments do not separate; a display name gives way to the
 * `<address>` it names.
 */
export function headerAddresses(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  const take = (end: number): void => {
    // Quoted display names may hold `<`, `,` or `(`: they go before the address is looked for.
    const item = value
      .slice(start, end)
      .replace(/"(?:[^"\\]|\\.)*"/g, '')
      .trim();
    const angle = /<([^<>]*)>/.exec(item);
    const address = (angle === null ? item.replace(/\([^)]*\)/g, '') : (angle[1] as string)).trim();
    if (address !== '') out.push(address);
  };
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\') i++;
    else if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '<' || ch === '(')) depth++;
    else if (!quoted && (ch === '>' || ch === ')')) depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && ch === ',') {
      take(i);
      start = i + 1;
    }
  }
  take(value.length);
  return out;
}
