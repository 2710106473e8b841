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

/** Splits `PATTERN=CTX` like SEC; a value without a valid `=CTX` tail is all pattern. */
export function splitInputContext(value: string): { pattern: string; context: string | null } {
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

/** Parses `HOST:PORT` or `[IPV6]:PORT` (port 0..65535); null when malformed. */
export function parseHostPort(text: string): ListenAddress | null {
  const m = HOST_PORT.exec(text);
  if (m === null) return null;
  const port = Number(m[3]);
  if (port > 65535) return null;
  return { host: m[1] ?? m[2] ?? '', port };
}

/** The listen address of a `udp|tcp|tls://HOST:PORT` pattern, or null when it is not one. */
export function parseListenerUrl(pattern: string): ListenAddress | null {
  const m = LISTENER_URL.exec(pattern);
  return m === null ? null : parseHostPort(m[2] ?? '');
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
  return { pattern, context, kind, listen };
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
