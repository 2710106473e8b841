import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { lookup } from 'node:dns';
import type { Logger } from '../actions/ports.js';
import { errorCode, errorText, hasWideChar } from './errors.js';
import { parsePeer } from './sockets.js';
import { encodeFrame, type HelperReply } from './udgram-helper.js';
import { UdgramProcess, type UdgramProcessOptions } from './udgram-process.js';

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
    this.#logger.log(6, `Closing socket for UDP peer '${peer}'`);
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
 * UNIX datagram sockets keyed by the expanded path (SEC ACT-udgram, ACT-closeudgr). Node.js 20
 * cannot create them (dgram is UDP only, net is stream only), so a long-lived perl helper owns the
 * sockets (udgram-process.ts): each event becomes one frame to it and one datagram from it, byte
 * for byte, without an added newline. The helper follows SEC's steps and sends back SEC's log
 * messages; only the first debug line of each action is logged here, at once, as SEC does (the
 * helper's lines follow asynchronously, possibly after lines of later actions).
 */
export class UnixDatagrams {
  readonly #logger: Logger;
  readonly #helper: UdgramProcess;
  /** The paths the current helper holds a socket for, as it reports them. */
  readonly #open = new Set<string>();

  constructor(logger: Logger, options: UdgramProcessOptions = {}) {
    this.#logger = logger;
    this.#helper = new UdgramProcess(
      logger,
      { reply: (reply, current) => this.#onReply(reply, current), died: () => this.#open.clear() },
      options,
    );
  }

  send(path: string, text: string): void {
    this.#logger.log(6, `Sending event '${text}' to unix datagram socket '${path}'`);
    // SEC send_to_socket: send() dies on a wide char; the helper logs that where SEC would.
    const frame = hasWideChar(text) ? encodeFrame('W', path, text) : encodeFrame('S', path, text);
    const result = this.#helper.write(frame);
    if (result === 'full') {
      this.#logger.log(
        6,
        `Error when sending event '${text}' to socket '${path}' (udgram helper queue is full)`,
      );
    } else if (result === 'unavailable') {
      this.#logger.log(6, `Can't send event '${text}' to socket '${path}' (udgram helper is not running)`);
    }
  }

  /** SEC ACT-closeudgr. */
  close(path: string): void {
    this.#logger.log(6, `Closing unix datagram socket '${path}'`);
    // No helper, no socket: don't start one just to hear that.
    if (!this.#helper.running()) {
      this.#logger.log(6, `Socket '${path}' is not open, can't close`);
      return;
    }
    this.#helper.write(encodeFrame('C', path, ''), true);
  }

  /** SEC close_outputs (SIG-HUP, SIG-ABRT, SIG-USR2, exit): the helper exits and its sockets close. */
  closeAll(): void {
    this.#open.clear();
    this.#helper.stop();
  }

  /** The paths with an open socket, for the dump and metrics (as last reported by the helper). */
  paths(): string[] {
    return [...this.#open];
  }

  /** The helper's pid, or undefined when it is not running. */
  helperPid(): number | undefined {
    return this.#helper.pid();
  }

  #onReply(reply: HelperReply, current: boolean): void {
    if (reply.kind === 'log') this.#logger.log(reply.level, reply.message);
    else if (!current) return;
    else if (reply.kind === 'open') this.#open.add(reply.path);
    else this.#open.delete(reply.path);
  }
}
