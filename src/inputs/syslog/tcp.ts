import { createServer, type Server, type Socket } from 'node:net';
import { createDeframer, type Frame } from '../../syslog/framing.js';
import {
  bindError,
  count,
  countOffered,
  type Listener,
  type ListenerContext,
  logSparsely,
  normalizePeer,
  rawMessage,
  resolveBindHost,
  withinRate,
} from './listener-context.js';
import type { BoundAddress } from './types.js';

/**
 * Turns an accepted, admitted TCP connection into the stream syslog is read from: the socket
 * itself for TCP, a TLS session once its handshake and checks passed (tls.ts). `accept` is not
 * called for a connection that must be dropped (the upgrade closes it and counts why).
 */
export type Upgrade = (raw: Socket, peer: string, accept: (stream: Socket) => void) => void;

/** Per-connection state for logging a peer's problems once per connection. */
interface Conn {
  readonly peer: string;
  readonly port: number;
  loggedOversize: boolean;
  loggedFraming: boolean;
}

/**
 * A syslog TCP listener (RFC 6587), also the transport under TLS (RFC 5425). Per connection:
 * ACL first (a denied peer is closed before any byte is read), then the connection limit (extra
 * connections are accepted and closed at once, counted), then frames from createDeframer. Nothing
 * here waits on a peer: all work is per received chunk, so a slow or silent peer costs only its
 * socket, and flow control (pause/resume) is the intake's.
 */
export class TcpListener implements Listener {
  readonly #ctx: ListenerContext;
  readonly #upgrade: Upgrade | null;
  readonly #open = new Set<Socket>();
  #server: Server | null = null;
  #bound: BoundAddress | null = null;

  constructor(ctx: ListenerContext, upgrade: Upgrade | null = null) {
    this.#ctx = ctx;
    this.#upgrade = upgrade;
  }

  async start(): Promise<void> {
    const { spec } = this.#ctx;
    // A gauge: shared counters of a network thread that died still show its connections.
    this.#ctx.counters.set('connectionsOpen', 0);
    const server = createServer({ noDelay: true });
    server.on('connection', (raw) => this.#admit(raw));
    try {
      const { address } = await resolveBindHost(spec.host);
      await listen(server, address, spec.port);
    } catch (error) {
      server.close();
      throw bindError(spec, error);
    }
    server.on('error', (error) => this.#ctx.logger.log(3, `${spec.url}: ${error.message}`));
    this.#server = server;
    const local = server.address();
    if (local !== null && typeof local === 'object') {
      this.#bound = { spec, address: local.address, port: local.port };
    }
  }

  bound(): BoundAddress | null {
    return this.#bound;
  }

  close(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const s of this.#open) s.destroy();
    if (server === null) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  #admit(raw: Socket): void {
    const ctx = this.#ctx;
    const { acl, opts, spec } = ctx;
    raw.on('error', () => undefined); // resets by peers are normal; close follows
    // A connection reset before Node handed it over has no address left (getpeername fails), yet
    // the bytes it sent before the reset can still be read: they keep a stand-in host. An ACL
    // cannot place it, so any allow or deny list refuses it (Acl.allows fails closed).
    const peer = raw.remoteAddress === undefined ? 'unknown' : normalizePeer(raw.remoteAddress);
    if (!acl.allows(peer)) {
      count(ctx, 'denied');
      count(ctx, 'connectionsDenied');
      raw.destroy();
      return;
    }
    if (this.#open.size >= opts.maxConnections) {
      count(ctx, 'connectionsRejected');
      logSparsely(ctx, 'connectionsRejected', `${spec.url}: connection limit ${opts.maxConnections} reached`);
      raw.destroy();
      return;
    }
    this.#open.add(raw);
    count(ctx, 'connectionsAccepted');
    ctx.counters.set('connectionsOpen', this.#open.size);
    raw.once('close', () => {
      this.#open.delete(raw);
      ctx.counters.set('connectionsOpen', this.#open.size);
    });
    raw.setKeepAlive(true, 60_000);
    const conn: Conn = { peer, port: raw.remotePort ?? 0, loggedOversize: false, loggedFraming: false };
    if (this.#upgrade === null) this.#read(raw, conn);
    else this.#upgrade(raw, peer, (stream) => this.#read(stream, conn));
  }

  #read(stream: Socket, conn: Conn): void {
    const { intake, opts } = this.#ctx;
    const deframer = createDeframer({ maxFrame: opts.maxFrame });
    intake.addStream(stream);
    stream.on('error', () => undefined);
    stream.on('data', (chunk: Buffer) => this.#frames(deframer.push(chunk), conn, false));
    stream.once('close', () => {
      intake.removeStream(stream);
      this.#frames(deframer.end(), conn, true);
    });
  }

  /**
   * `atEnd`: the frames the deframer still held when the connection closed; a truncated one
   * there was cut short by the peer (an octet count it did not keep), which is a framing error,
   * not an oversize frame (those are emitted as soon as maxFrame bytes are held).
   */
  #frames(frames: readonly Frame[], conn: Conn, atEnd: boolean): void {
    const ctx = this.#ctx;
    const from = `${conn.peer}:${conn.port}`;
    for (const frame of frames) {
      if (frame.truncated && atEnd) {
        this.#problem(conn, 'framingErrors', `connection from ${from} closed inside a frame`);
      } else if (frame.truncated) {
        this.#problem(conn, 'oversize', `frame from ${from} cut to ${ctx.opts.maxFrame} bytes`);
      }
      if (frame.badOctetCount) {
        this.#problem(conn, 'framingErrors', `bad octet count from ${from}, reading LF frames`);
      }
      if (!withinRate(ctx, conn.peer)) continue;
      const raw = rawMessage(ctx, frame.bytes, conn.peer, conn.port, frame.truncated);
      ctx.intake.offerFrame(raw);
      countOffered(ctx, raw, true);
    }
  }

  /** Counts a peer's framing problem; logs the first of each kind per connection. */
  #problem(conn: Conn, counter: 'oversize' | 'framingErrors', text: string): void {
    count(this.#ctx, counter);
    const flag = counter === 'oversize' ? 'loggedOversize' : 'loggedFraming';
    if (conn[flag]) return;
    conn[flag] = true;
    this.#ctx.logger.log(4, `${this.#ctx.spec.url}: ${text}`);
  }
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen({ host, port, ipv6Only: false, exclusive: true, backlog: 511 }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
