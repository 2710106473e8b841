import { readFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { createSecureContext, createServer, type PeerCertificate } from 'node:tls';
import {
  count,
  type Listener,
  type ListenerContext,
  logSparsely,
  normalizePeer,
} from './listener-context.js';
import { TcpListener, type Upgrade } from './tcp.js';
import type { BoundAddress, TlsOptions } from './types.js';

/**
 * A syslog TLS listener (RFC 5425): the TCP listener (ACL, connection limit, framing, flow
 * control) with each admitted connection wrapped in a server-side TLS session. Admission runs on
 * the raw socket, before any handshake work is spent on a denied peer.
 *
 * Client certificates: when `ca` is set, a client must present a certificate that verifies
 * against it; when `allowSubjects` is also set, the certificate's subject CN or one of its DNS
 * subjectAltNames must be in the list. A failed handshake, a missing or unverified certificate,
 * a subject not allowed and a handshake not finished within tlsHandshakeTimeout all close the
 * connection and count tlsHandshakeFailures (the subject case also counts tlsSubjectRejected).
 */
export class TlsListener implements Listener {
  readonly #ctx: ListenerContext;
  readonly #tls: TlsOptions;
  #tcp: TcpListener | null = null;

  constructor(ctx: ListenerContext, tls: TlsOptions | undefined) {
    if (tls === undefined) throw new Error(`${ctx.spec.url}: a TLS listener needs a certificate and a key`);
    this.#ctx = ctx;
    this.#tls = tls;
  }

  async start(): Promise<void> {
    const files = await loadTlsFiles(this.#ctx, this.#tls);
    const tcp = new TcpListener(this.#ctx, tlsUpgrade(this.#ctx, this.#tls, files));
    await tcp.start();
    this.#tcp = tcp;
  }

  bound(): BoundAddress | null {
    return this.#tcp?.bound() ?? null;
  }

  close(): Promise<void> {
    return this.#tcp?.close() ?? Promise.resolve();
  }
}

interface TlsFiles {
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly ca?: Buffer;
}

/** Reads the PEM files and checks them now, so a bad file is a start-up error naming it. */
async function loadTlsFiles(ctx: ListenerContext, tls: TlsOptions): Promise<TlsFiles> {
  const read = async (what: string, path: string): Promise<Buffer> => {
    try {
      return await readFile(path);
    } catch (error) {
      throw new Error(`${ctx.spec.url}: cannot read the TLS ${what} ${path}: ${(error as Error).message}`);
    }
  };
  const cert = await read('certificate', tls.cert);
  const key = await read('key', tls.key);
  const ca = tls.ca === undefined ? undefined : await read('CA', tls.ca);
  const files = { cert, key, ...(ca === undefined ? {} : { ca }) };
  try {
    createSecureContext(files);
    return files;
  } catch (error) {
    throw new Error(`${ctx.spec.url}: bad TLS certificate or key: ${(error as Error).message}`);
  }
}

/** The subject names a client certificate is known by: its CN and its DNS subjectAltNames. */
export function certificateNames(cert: PeerCertificate): string[] {
  const names: string[] = [];
  const cn = cert.subject?.CN;
  if (typeof cn === 'string') names.push(cn);
  else if (Array.isArray(cn)) names.push(...(cn as string[]));
  for (const part of (cert.subjectaltname ?? '').split(',')) {
    const entry = part.trim();
    if (entry.startsWith('DNS:')) names.push(entry.slice(4));
  }
  return names;
}

/**
 * The TLS side is a tls.Server that never listens: admitted raw sockets are handed to it as
 * 'connection' events, so Node's own server-side handshake, client verification (`authorized`)
 * and handshake timeout apply. rejectUnauthorized stays off so that refusals are seen and counted
 * here rather than closed silently.
 */
function tlsUpgrade(ctx: ListenerContext, tls: TlsOptions, files: TlsFiles): Upgrade {
  const verify = tls.ca !== undefined;
  const allowed = tls.allowSubjects === undefined ? null : new Set(tls.allowSubjects);
  const pending = new Map<string, (stream: Socket) => void>();
  const keyOf = (s: Socket): string => `${s.remoteAddress}|${s.remotePort}`;
  const fail = (s: Socket, why: string): void => {
    count(ctx, 'tlsHandshakeFailures');
    logSparsely(
      ctx,
      'tlsHandshakeFailures',
      `${ctx.spec.url}: TLS session with ${normalizePeer(s.remoteAddress)} refused: ${why}`,
    );
    s.destroy();
  };
  const engine = createServer({
    ...files,
    requestCert: verify,
    rejectUnauthorized: false,
    handshakeTimeout: ctx.opts.tlsHandshakeTimeout,
  });
  engine.on('tlsClientError', (error, session) => {
    pending.delete(keyOf(session));
    fail(
      session,
      (error as NodeJS.ErrnoException).code === 'ERR_TLS_HANDSHAKE_TIMEOUT'
        ? 'handshake timeout'
        : error.message,
    );
  });
  engine.on('secureConnection', (session) => {
    const accept = pending.get(keyOf(session));
    pending.delete(keyOf(session));
    if (accept === undefined) return void session.destroy();
    if (verify && !session.authorized) {
      return fail(session, `client certificate not verified (${String(session.authorizationError)})`);
    }
    if (allowed !== null && !certificateNames(session.getPeerCertificate()).some((n) => allowed.has(n))) {
      count(ctx, 'tlsSubjectRejected');
      return fail(session, 'client certificate subject not allowed');
    }
    accept(session);
  });
  return (raw, _peer, accept) => {
    const key = keyOf(raw);
    pending.set(key, accept);
    raw.once('close', () => pending.delete(key));
    engine.emit('connection', raw);
  };
}
