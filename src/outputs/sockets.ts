import { statSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import type { Logger } from '../actions/ports.js';
import { errorText, hasWideChar, toNativeString } from './errors.js';

/** SEC ACT-udpsock / ACT-tcpsock: the peer must match `^(.+):([0-9]+)$` (so `::1:514` works). */
export function parsePeer(peer: string): { host: string; port: number } | null {
  // Perl's `$` also matches before a final newline, and `.` never matches a newline.
  const m = /^([^\n]+):([0-9]+)\n?$/.exec(peer);
  if (m === null || m[1] === undefined || m[2] === undefined) return null;
  return { host: m[1], port: Number(m[2]) };
}

/**
 * Once connected, SEC sends with a non-blocking send(2): data the kernel cannot take at once is
 * logged and lost, never queued. Node queues instead, so past this many unsent bytes a new event
 * is logged and dropped, as SEC's EAGAIN would be.
 */
const SEND_QUEUE_LIMIT = 256 * 1024;

interface Connection {
  readonly socket: Socket;
  /** Events waiting for the connect to complete; null once established. */
  pending: string[] | null;
  /** When the connect started (SEC check_new_conn: dropped after --socket-timeout). */
  readonly since: number;
}

/** How one kind of stream socket is named in logs and how it is connected. */
export interface StreamKind {
  /** `TCP peer` or `socket` (SEC's $peertype). */
  readonly peerType: string;
  /** `TCP peer` or `unix stream socket`, for the debug line of every send. */
  readonly sendType: string;
  /** SEC's debug lines of a close, and when it finds nothing open. */
  closing(peer: string): string;
  notOpen(peer: string): string;
  /** Starts a connect, or logs why it cannot and returns null. */
  connect(peer: string, text: string, logger: Logger): Socket | null;
}

/**
 * Persistent stream connections keyed by the expanded peer string (SEC ACT-tcpsock and
 * ACT-ustream): non-blocking connect, events buffered while it is pending and flushed once it
 * completes, the attempt and its buffer dropped after --socket-timeout, received data discarded.
 */
export class StreamSockets {
  readonly #kind: StreamKind;
  readonly #logger: Logger;
  readonly #timeout: number;
  readonly #conns = new Map<string, Connection>();

  constructor(kind: StreamKind, logger: Logger, socketTimeout: number) {
    this.#kind = kind;
    this.#logger = logger;
    this.#timeout = socketTimeout;
  }

  send(peer: string, text: string, now: number): void {
    this.#logger.log(6, `Sending event '${text}' to ${this.#kind.sendType} '${peer}'`);
    const conn = this.#conns.get(peer);
    if (conn?.pending === null) {
      this.#transmit(conn.socket, peer, text);
      return;
    }
    if (conn !== undefined && conn.pending !== null) {
      conn.pending.push(text);
      this.#checkPending(peer, conn, now);
      return;
    }
    const socket = this.#kind.connect(peer, text, this.#logger);
    if (socket === null) return;
    const created: Connection = { socket, pending: [text], since: now };
    this.#conns.set(peer, created);
    this.#watch(peer, created);
  }

  /** SEC ACT-closetcp / ACT-closeustr: closes a pending or established connection. */
  close(peer: string): void {
    this.#logger.log(6, this.#kind.closing(peer));
    const conn = this.#conns.get(peer);
    if (conn === undefined) {
      this.#logger.log(6, this.#kind.notOpen(peer));
      return;
    }
    this.#conns.delete(peer);
    // Data already handed to an established socket is still delivered, as after close(2).
    if (conn.pending === null) conn.socket.end();
    else conn.socket.destroy();
  }

  /** SEC TM-cleanup step 3: pending connects past --socket-timeout are abandoned. */
  check(now: number): void {
    for (const [peer, conn] of [...this.#conns])
      if (conn.pending !== null) this.#checkPending(peer, conn, now);
  }

  closeAll(): void {
    for (const conn of this.#conns.values()) conn.socket.destroy();
    this.#conns.clear();
  }

  /** Peer strings with a connection, and whether it is established (for the dump). */
  peers(): { peer: string; established: boolean }[] {
    return [...this.#conns].map(([peer, conn]) => ({ peer, established: conn.pending === null }));
  }

  #checkPending(peer: string, conn: Connection, now: number): void {
    if (now - conn.since <= this.#timeout) return;
    this.#logger.log(
      6,
      `Can't connect to ${this.#kind.peerType} '${peer}' (connection establishment timeout)`,
    );
    this.#forget(peer, conn);
  }

  #watch(peer: string, conn: Connection): void {
    const { socket } = conn;
    socket.on('connect', () => {
      if (this.#conns.get(peer) !== conn || conn.pending === null) return;
      const buffered = conn.pending;
      conn.pending = null;
      for (const text of buffered) this.#transmit(socket, peer, text);
    });
    // SEC check_established_conns: whatever the peer sends is read and discarded.
    socket.on('data', () => undefined);
    socket.on('end', () => {
      if (this.#conns.get(peer) === conn) {
        this.#logger.log(6, `Connection to ${this.#kind.peerType} '${peer}' closed by peer`);
      }
      this.#forget(peer, conn);
    });
    socket.on('error', (error) => {
      if (this.#conns.get(peer) !== conn) {
        socket.destroy(); // closed or replaced already: nothing to report
        return;
      }
      const what = conn.pending === null ? 'Connection error to' : "Can't connect to";
      this.#logger.log(6, `${what} ${this.#kind.peerType} '${peer}' (${errorText(error)})`);
      this.#forget(peer, conn);
    });
    socket.on('close', () => {
      if (this.#conns.get(peer) === conn) this.#conns.delete(peer);
    });
  }

  #transmit(socket: Socket, peer: string, text: string): void {
    const dest = `${this.#kind.peerType} '${peer}'`;
    if (hasWideChar(text)) {
      this.#logger.log(6, `Error when sending event '${text}' to ${dest} (Wide character in send)`);
    } else if (socket.writableLength > SEND_QUEUE_LIMIT) {
      this.#logger.log(6, `Error when sending event '${text}' to ${dest} (Resource temporarily unavailable)`);
    } else {
      socket.write(text, 'latin1');
    }
  }

  #forget(peer: string, conn: Connection): void {
    if (this.#conns.get(peer) === conn) this.#conns.delete(peer);
    conn.socket.destroy();
  }
}

/** SEC ACT-tcpsock: `host:port`, resolved by the system resolver (IPv4 and IPv6). */
export const TCP_KIND: StreamKind = {
  peerType: 'TCP peer',
  sendType: 'TCP peer',
  closing: (peer) => `Closing socket for TCP peer '${peer}'`,
  notOpen: (peer) => `No socket for TCP peer '${peer}', can't close`,
  connect(peer, text, logger) {
    const parsed = parsePeer(peer);
    if (parsed === null) {
      logger.log(
        3,
        `Can't connect to TCP peer '${peer}' for sending event '${text}' (peer not in host:portnumber format)`,
      );
      return null;
    }
    if (parsed.port > 65535) {
      logger.log(3, `Can't create socket for ${parsed.host}:${parsed.port}/tcp (Servname not supported)`);
      return null;
    }
    return createConnection({ host: parsed.host, port: parsed.port });
  },
};

/** SEC ACT-ustream: the path must exist and be a socket. */
export const USTREAM_KIND: StreamKind = {
  peerType: 'socket',
  sendType: 'unix stream socket',
  closing: (path) => `Closing unix stream socket '${path}'`,
  notOpen: (path) => `Socket '${path}' is not open, can't close`,
  connect(path, text, logger) {
    let isSocket = false;
    try {
      isSocket = statSync(Buffer.from(path, 'latin1')).isSocket();
    } catch {
      isSocket = false;
    }
    if (!isSocket) {
      logger.log(6, `Can't send event '${text}' to socket '${path}' (socket does not exist)`);
      return null;
    }
    // net takes the path only as a string (sent as UTF-8): see toNativeString.
    return createConnection({ path: toNativeString(path).value });
  },
};
