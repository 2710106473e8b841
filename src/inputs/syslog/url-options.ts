import { compileAcl } from './acl.js';
import type { ListenerOptions, TlsOptions, Transport } from './types.js';

/**
 * A listener's own settings, given in its --input URL after `?` as `name=value` pairs joined by
 * `&` (issue 5: per-listener TLS files, ACLs, rate limit, buffers, line format and time zone):
 *
 *   --input='udp://0.0.0.0:5514?rcvbuf=4M&allow=10.0.0.0/8&rate=500=ROUTERS'
 *   --input='tls://[::]:6514?cert=/etc/syscorr/tls.crt&key=/etc/syscorr/tls.key&ca=/etc/syscorr/ca.crt&subject=rtr1.example.net'
 *
 * Values are percent-decoded, so a value may carry `&` (%26) or `=` (%3D). Names that take a
 * list (allow, deny, subject) may repeat or hold a comma-separated list. This module is pure: it
 * checks the text; files are opened and zones loaded when the listener starts.
 */
export interface ListenerUrlSettings {
  readonly options: Partial<ListenerOptions>;
  /** How the event line is rendered: the classic syslog file line, or the message as received. */
  readonly format: 'classic' | 'raw';
  /** A zone name (`Europe/Berlin`, `UTC`, a POSIX TZ string) for zone-less timestamps; null = the process's. */
  readonly tz: string | null;
}

export type ListenerUrlResult =
  | { readonly ok: true; readonly settings: ListenerUrlSettings }
  | { readonly ok: false; readonly error: string };

/** Every name a listener URL accepts, with the transports it applies to. */
const NAMES: Readonly<Record<string, readonly Transport[]>> = {
  format: ['udp', 'tcp', 'tls'],
  tz: ['udp', 'tcp', 'tls'],
  maxframe: ['udp', 'tcp', 'tls'],
  allow: ['udp', 'tcp', 'tls'],
  deny: ['udp', 'tcp', 'tls'],
  rate: ['udp', 'tcp', 'tls'],
  burst: ['udp', 'tcp', 'tls'],
  sources: ['udp', 'tcp', 'tls'],
  rcvbuf: ['udp'],
  maxconn: ['tcp', 'tls'],
  cert: ['tls'],
  key: ['tls'],
  ca: ['tls'],
  subject: ['tls'],
};

/** Listener option names, for messages and docs. */
export const LISTENER_URL_NAMES: readonly string[] = Object.keys(NAMES);

const SIZE = /^(\d+)([kmg]?)$/i;
const UNIT: Readonly<Record<string, number>> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `65536`, `64k`, `4M` (binary units); null when not a positive size. */
export function parseSize(text: string): number | null {
  const m = SIZE.exec(text);
  if (m === null) return null;
  const n = Number(m[1]) * (UNIT[(m[2] ?? '').toLowerCase()] ?? 1);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function positiveInt(text: string): number | null {
  return /^\d+$/.test(text) && Number(text) > 0 && Number.isSafeInteger(Number(text)) ? Number(text) : null;
}

/** Splits `a=1&b=2` into decoded pairs; an error names the first malformed pair. */
function pairs(query: string): { name: string; value: string }[] | string {
  const out: { name: string; value: string }[] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return `'${part}' is not name=value`;
    try {
      out.push({
        name: decodeURIComponent(part.slice(0, eq)).toLowerCase(),
        value: decodeURIComponent(part.slice(eq + 1)),
      });
    } catch {
      return `'${part}' has a malformed %-escape`;
    }
  }
  return out;
}

/** Accumulates the settings as the pairs are read. */
interface Draft {
  options: { -readonly [K in keyof ListenerOptions]?: ListenerOptions[K] };
  format: 'classic' | 'raw';
  tz: string | null;
  allow: string[];
  deny: string[];
  subjects: string[];
  tls: { cert?: string; key?: string; ca?: string };
}

/** Applies one pair; returns an error text or null. */
function apply(d: Draft, name: string, value: string): string | null {
  const list = (): string[] =>
    value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
  const size = (field: 'maxFrame' | 'udpRecvBuffer'): string | null => {
    const n = parseSize(value);
    if (n === null) return `${name} needs a size in bytes (e.g. 65536, 64k, 4M), not '${value}'`;
    d.options[field] = n;
    return null;
  };
  const count = (field: 'maxConnections' | 'ratePerSec' | 'rateBurst' | 'rateSources'): string | null => {
    const n = positiveInt(value);
    if (n === null) return `${name} needs a positive integer, not '${value}'`;
    d.options[field] = n;
    return null;
  };
  switch (name) {
    case 'format':
      if (value !== 'classic' && value !== 'raw') return `format is 'classic' or 'raw', not '${value}'`;
      d.format = value;
      return null;
    case 'tz':
      if (value === '') return 'tz needs a zone name such as Europe/Berlin or UTC';
      d.tz = value;
      return null;
    case 'maxframe':
      return size('maxFrame');
    case 'rcvbuf':
      return size('udpRecvBuffer');
    case 'maxconn':
      return count('maxConnections');
    case 'rate':
      return count('ratePerSec');
    case 'burst':
      return count('rateBurst');
    case 'sources':
      return count('rateSources');
    case 'allow':
      d.allow.push(...list());
      return null;
    case 'deny':
      d.deny.push(...list());
      return null;
    case 'subject':
      d.subjects.push(...list());
      return null;
    case 'cert':
    case 'key':
    case 'ca':
      if (value === '') return `${name} needs a file name`;
      d.tls[name] = value;
      return null;
    default:
      return `unknown listener option '${name}' (known: ${LISTENER_URL_NAMES.join(', ')})`;
  }
}

/** The TLS settings once every pair is read: cert and key are required, subject needs ca. */
function tlsOptions(d: Draft): TlsOptions | string {
  const { cert, key, ca } = d.tls;
  if (cert === undefined || key === undefined) return 'a tls:// listener needs cert=FILE and key=FILE';
  if (d.subjects.length > 0 && ca === undefined)
    return 'subject= needs ca=FILE (client certificates are verified against it)';
  return {
    cert,
    key,
    ...(ca === undefined ? {} : { ca }),
    ...(d.subjects.length > 0 ? { allowSubjects: d.subjects } : {}),
  };
}

/** Reads the text after `?` of a listener URL of `transport`. */
export function parseListenerQuery(transport: Transport, query: string): ListenerUrlResult {
  const list = pairs(query);
  if (typeof list === 'string') return { ok: false, error: list };
  const d: Draft = { options: {}, format: 'classic', tz: null, allow: [], deny: [], subjects: [], tls: {} };
  for (const { name, value } of list) {
    const applies = NAMES[name];
    if (applies !== undefined && !applies.includes(transport))
      return { ok: false, error: `${name} does not apply to a ${transport}:// listener` };
    const error = apply(d, name, value);
    if (error !== null) return { ok: false, error };
  }
  const acl = compileAcl(d.allow, d.deny);
  if (acl.errors.length > 0) return { ok: false, error: acl.errors.join('; ') };
  if (d.allow.length > 0) d.options.allow = d.allow;
  if (d.deny.length > 0) d.options.deny = d.deny;
  if (transport === 'tls') {
    const tls = tlsOptions(d);
    if (typeof tls === 'string') return { ok: false, error: tls };
    d.options.tls = tls;
  }
  return { ok: true, settings: { options: d.options, format: d.format, tz: d.tz } };
}
