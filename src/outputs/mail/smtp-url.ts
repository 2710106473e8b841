/**
 * `--smtp` / SYSCORR_SMTP_URL (docs/mail.md "Configuration"): `smtp://[user[:pass]@]host[:port]`
 * (port 25 by default; STARTTLS when the server offers it) or `smtps://…` (implicit TLS, port 465
 * by default). User and password are percent-decoded. A few query parameters tune TLS:
 * `requireTLS=true` (refuse to send without STARTTLS), `tls.rejectUnauthorized=false` (accept a
 * self-signed certificate) and `tls.servername=NAME`.
 */
import { formatHostPort } from '../../cli/input-spec.js';
export interface SmtpConfig {
  readonly secure: boolean;
  readonly host: string;
  readonly port: number;
  readonly user: string | null;
  readonly pass: string | null;
  readonly requireTLS: boolean;
  readonly rejectUnauthorized: boolean;
  readonly servername: string | null;
}

export type SmtpUrlResult =
  | { readonly ok: true; readonly config: SmtpConfig }
  | { readonly ok: false; readonly error: string };

const BOOLEAN: Readonly<Record<string, boolean>> = { true: true, false: false, '1': true, '0': false };

function bad(error: string): SmtpUrlResult {
  return { ok: false, error };
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Parses the URL; the error never repeats the URL itself, as it may hold a password. */
export function parseSmtpUrl(text: string): SmtpUrlResult {
  const scheme = /^(smtps?):\/\//i.exec(text.trim());
  if (scheme === null) return bad('it must start with smtp:// or smtps://');
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return bad('it is not a valid URL');
  }
  const secure = (scheme[1] as string).toLowerCase() === 'smtps';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') return bad('it names no host');
  if (url.pathname !== '' && url.pathname !== '/') return bad('it must not have a path');
  const user = url.username === '' ? null : decode(url.username);
  const pass = url.password === '' ? null : decode(url.password);
  if ((url.username !== '' && user === null) || (url.password !== '' && pass === null))
    return bad('its user or password is not valid percent-encoding');
  if (user === null && pass !== null) return bad('it has a password but no user');
  let requireTLS = false;
  let rejectUnauthorized = true;
  let servername: string | null = null;
  for (const [key, value] of url.searchParams) {
    if (key === 'tls.servername' && value !== '') {
      servername = value;
      continue;
    }
    const flag = BOOLEAN[value.toLowerCase()];
    if (key === 'requireTLS' && flag !== undefined) requireTLS = flag;
    else if (key === 'tls.rejectUnauthorized' && flag !== undefined) rejectUnauthorized = flag;
    else return bad(`unknown or malformed parameter '${key}'`);
  }
  const port = url.port === '' ? (secure ? 465 : 25) : Number(url.port);
  return {
    ok: true,
    config: { secure, host, port, user, pass, requireTLS, rejectUnauthorized, servername },
  };
}

/** The server as log lines show it: scheme, user, host and port, never the password. */
export function smtpAddress(config: SmtpConfig): string {
  const scheme = config.secure ? 'smtps' : 'smtp';
  const user = config.user === null ? '' : `${encodeURIComponent(config.user)}@`;
  return `${scheme}://${user}${formatHostPort(config.host, config.port)}`;
}
