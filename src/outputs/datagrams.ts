import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { lookup } from 'node:dns';
import { statSync } from 'node:fs';
import type { Logger } from '../actions/ports.js';
import { errorCode, errorText, hasWideChar } from './errors.js';
import { parsePeer } from './sockets.js';

/** send(2) errors after which SEC keeps the socket (buffer full, message too large). */
const SOFT_ERRORS = new Set(['EAGAIN', 'EWOULDBLOCK', 'EMSGSIZE', 'ENOBUFS']);

interface UdpPeer {
  /** Null while the host name is looked up. */
  socket: UdpSocket | null;
  /** Datagrams waiting for the address lookup and connect; null once connected. */
  queue: string[] | null;
}

/**
 * Connected UDP sockets keyed by the expanded `host:port` string (SEC ACT-udpsock). A hard send
 * error (e.g. ICMP port unreachable reported on the socket) closes the socket; SEC then resends
 * the failed datagram once on a new socket, and so does this class.
 */
export class UdpSockets {
  readonly #logger: Logger;
  readonly #peers = new Map<string, UdpPeer>();

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  send(peer: string, text: string): void {
    this.#logger.log(6, `Sending event '${text}' to UDP peer '${peer}'`);
    this.#deliver(peer, text, true);
  }

  /** SEC ACT-closeudp. */
  close(peer: string): void {
    const entry = this.#peers.get(peer);
    if (entry === undefined) {
      this.#logger.log(6, `No socket for UDP peer '${peer}', can't close`);
      return;
    }
    this.#forget(peer, entry);
  }

  closeAll(): void {
    for (const [peer, entry] of [...this.#peers]) this.#forget(peer, entry);
  }

  peers(): string[] {
    return [...this.#peers.keys()];
  }

  #deliver(peer: string, text: string, retry: boolean): void {
    const entry = this.#peers.get(peer) ?? this.#create(peer, text);
    if (entry === null) return;
    if (entry.queue !== null) entry.queue.push(text);
    else this.#transmit(peer, entry, text, retry);
  }

  /** SEC create_sock_addr + connect: getaddrinfo picks the family (IPv4 or IPv6). */
  #create(peer: string, text: string): UdpPeer | null {
    const parsed = parsePeer(peer);
    if (parsed === null) {
      this.#logger.log(
        3,
        `Can't connect to UDP peer '${peer}' for sending event '${text}' (peer not in host:portnumber format)`,
      );
      return null;
    }
    const where = `${parsed.host}:${parsed.port}/udp`;
    if (parsed.port > 65535) {
      this.#logger.log(3, `Can't create socket for ${where} (Servname not supported)`);
      return null;
    }
    // The socket type (udp4 or udp6) is known only after the lookup.
    const entry: UdpPeer = { socket: null, queue: [] };
    this.#peers.set(peer, entry);
    lookup(parsed.host, (error, address, family) => {
      if (this.#peers.get(peer) !== entry) return;
      if (error !== null) {
        this.#logger.log(3, `Can't create socket for ${where} (${errorText(error)})`);
        this.#peers.delete(peer);
        return;
      }
      this.#connect(peer, entry, family === 6 ? 'udp6' : 'udp4', address, parsed.port);
    });
    return entry;
  }

  #connect(peer: string, entry: UdpPeer, type: 'udp4' | 'udp6', address: string, port: number): void {
    const socket = createSocket(type);
    entry.socket = socket;
    socket.on('error', (error) => {
      if (this.#peers.get(peer) === entry) {
        this.#logger.log(6, `Error when sending to UDP peer '${peer}' (${errorText(error)})`);
      }
      this.#forget(peer, entry);
    });
    socket.connect(port, address, () => {
      const queued = entry.queue ?? [];
      entry.queue = null;
      if (this.#peers.get(peer) !== entry) return;
      for (const text of queued) this.#transmit(peer, entry, text, true);
    });
  }

  #transmit(peer: string, entry: UdpPeer, text: string, retry: boolean): void {
    const dest = `UDP peer '${peer}'`;
    if (hasWideChar(text)) {
      this.#logger.log(6, `Error when sending event '${text}' to ${dest} (Wide character in send)`);
      return;
    }
    entry.socket?.send(Buffer.from(text, 'latin1'), (error) => {
      if (error === null || error === undefined) return;
      this.#logger.log(6, `Error when sending event '${text}' to ${dest} (${errorText(error)})`);
      if (SOFT_ERRORS.has(errorCode(error) ?? '')) return;
      this.#forget(peer, entry);
      if (!retry) return;
      this.#logger.log(6, `Retrying to send event '${text}' to ${dest}`);
      this.#deliver(peer, text, false);
    });
  }

  #forget(peer: string, entry: UdpPeer): void {
    if (this.#peers.get(peer) === entry) this.#peers.delete(peer);
    try {
      entry.socket?.close();
    } catch {
      // Already closed.
    }
  }
}

/**
 * SEC ACT-udgram / ACT-closeudgr need an AF_UNIX SOCK_DGRAM socket, which Node.js 20 cannot
 * create without a native add-on (node's dgram is UDP only; net is stream only). The actions are
 * accepted, the path is checked as SEC does, and the first attempt logs one clear error.
 */
export class UnixDatagrams {
  readonly #logger: Logger;
  #warned = false;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  send(path: string, text: string): void {
    this.#logger.log(6, `Sending event '${text}' to unix datagram socket '${path}'`);
    let isSocket = false;
    try {
      isSocket = statSync(Buffer.from(path, 'latin1')).isSocket();
    } catch {
      isSocket = false;
    }
    if (!isSocket) {
      this.#logger.log(6, `Can't send event '${text}' to socket '${path}' (socket does not exist)`);
      return;
    }
    const reason = 'UNIX datagram sockets are not supported by the Node.js runtime';
    if (!this.#warned) {
      this.#warned = true;
      this.#logger.log(2, `udgram: can't send to socket '${path}' (${reason}); udgram events are dropped`);
      return;
    }
    this.#logger.log(6, `Can't send event '${text}' to socket '${path}' (${reason})`);
  }

  close(path: string): void {
    this.#logger.log(6, `Socket '${path}' is not open, can't close`);
  }
}
