import type { InputSpec, ListenAddress } from './types.js';

/**
 * SEC OPT-input: `^(.+)=(\S+)$`, so the split is at the last `=` that is followed by non-space
 * characters up to the end. Perl's `.` stops at a newline and `$` also matches before a final
 * newline; Perl's `\S` (on bytes) excludes only the ASCII white space.
 */
const PATTERN_AND_CONTEXT = /^([^\n]+)=([^ \t\n\r\f\v]+)\n?$/;

/** syscorr: network listeners given as inputs. They are never globbed. */
const LISTENER_URL = /^(udp|tcp|tls):\/\/(.*)$/is;

/** `HOST:PORT` or `[IPV6]:PORT`; the host may not be empty. */
const HOST_PORT = /^(?:\[([0-9A-Fa-f:.]+(?:%[\w.-]+)?)\]|([^\s:/@[\]]+)):(\d{1,5})$/;

/**
 * syscorr: in a listener URL with settings (`udp://h:p?a=1&b=2=CTX`) every `name=value` pair has
 * one `=`, so a second `=` in the last pair starts the context (values spell `=` as %3D).
 */
function splitListenerContext(value: string): { pattern: string; context: string | null } | null {
  const q = value.indexOf('?');
  if (q < 0 || listenerKind(value) === null) return null;
  const lastPair = value.slice(value.lastIndexOf('&') > q ? value.lastIndexOf('&') + 1 : q + 1);
  const first = lastPair.indexOf('=');
  const last = lastPair.lastIndexOf('=');
  if (first < 0 || first === last) return { pattern: value, context: null };
  const m = PATTERN_AND_CONTEXT.exec(value);
  return m === null ? { pattern: value, context: null } : { pattern: m[1] ?? value, context: m[2] ?? null };
}

/** Splits `PATTERN=CTX` like SEC; a value without a valid `=CTX` tail is all pattern. */
export function splitInputContext(value: string): { pattern: string; context: string | null } {
  const listener = splitListenerContext(value);
  if (listener !== null) return listener;
  const m = PATTERN_AND_CONTEXT.exec(value);
  if (m === null) return { pattern: value, context: null };
  return { pattern: m[1] ?? value, context: m[2] ?? null };
}

/** The listener kind of an input pattern, or null for a file pattern. */
export function listenerKind(pattern: string): 'udp' | 'tcp' | 'tls' | null {
  const m = LISTENER_URL.exec(pattern);
  if (m === null) return null;
  return (m[1] ?? '').toLowerCase() as 'udp' | 'tcp' | 'tls';
}

/**
 * `host:port`, with brackets around an IPv6 host (how errors and logs name an address; the
 * inverse of parseHostPort). A host already in brackets keeps them.
 */
export function formatHostPort(host: string, port: number): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Parses `HOST:PORT` or `[IPV6]:PORT` (port 0..65535); null when malformed. */
export function parseHostPort(text: string): ListenAddress | null {
  const m = HOST_PORT.exec(text);
  if (m === null) return null;
  const port = Number(m[3]);
  if (port > 65535) return null;
  return { host: m[1] ?? m[2] ?? '', port };
}

/**
 * The listen address of a `udp|tcp|tls://HOST:PORT[?SETTINGS]` pattern and the settings text
 * after `?` ('' when none), or null when it is not one.
 */
export function parseListenerUrl(pattern: string): (ListenAddress & { readonly query: string }) | null {
  const m = LISTENER_URL.exec(pattern);
  if (m === null) return null;
  const rest = m[2] ?? '';
  const q = rest.indexOf('?');
  const address = parseHostPort(q < 0 ? rest : rest.slice(0, q));
  return address === null ? null : { ...address, query: q < 0 ? '' : rest.slice(q + 1) };
}

/**
 * One `--input` value as an InputSpec. A listener URL that does not parse is reported by the
 * revalidation (SYS0711) and never reaches here; if it does, it is treated as a file pattern.
 */
export function parseInputSpec(value: string): InputSpec {
  const { pattern, context } = splitInputContext(value);
  const kind = listenerKind(pattern);
  const listen = kind === null ? null : parseListenerUrl(pattern);
  if (kind === null || listen === null) return { pattern, context, kind: 'file' };
  return { pattern, context, kind, listen: { host: listen.host, port: listen.port }, query: listen.query };
}

/** syscorr `--smtp`: an `smtp://` or `smtps://` URL with a host. */
export function isSmtpUrl(text: string): boolean {
  if (!/^smtps?:\/\//i.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}
