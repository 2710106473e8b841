import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
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
 * A syslog UDP listener (RFC 5426, issue 5): one message per datagram. The order of checks is
 * ACL (before anything else), rate limit, size (cut to maxFrame and flagged), queue space
 * (a full queue drops and counts: a UDP receiver must never block).
 */
export class UdpListener implements Listener {
  readonly #ctx: ListenerContext;
  #socket: Socket | null = null;
  #bound: BoundAddress | null = null;

  constructor(ctx: ListenerContext) {
    this.#ctx = ctx;
  }

  async start(): Promise<void> {
    const { spec, opts } = this.#ctx;
    let socket: Socket | null = null;
    try {
      const { address, family } = await resolveBindHost(spec.host);
      socket = createSocket({ type: family === 6 ? 'udp6' : 'udp4', ipv6Only: false });
      await bindSocket(socket, address, spec.port);
    } catch (error) {
      socket?.close();
      throw bindError(spec, error);
    }
    this.#socket = socket;
    socket.on('error', (error) => this.#ctx.logger.log(3, `${spec.url}: ${error.message}`));
    socket.on('message', (msg, rinfo) => this.#receive(msg, rinfo));
    const recvBuffer = this.#applyRecvBuffer(socket, opts.udpRecvBuffer);
    const local = socket.address();
    this.#bound = {
      spec,
      address: local.address,
      port: local.port,
      ...(recvBuffer === null ? {} : { recvBuffer }),
    };
  }

  bound(): BoundAddress | null {
    return this.#bound;
  }

  close(): Promise<void> {
    const socket = this.#socket;
    this.#socket = null;
    if (socket === null) return Promise.resolve();
    return new Promise((resolve) => socket.close(() => resolve()));
  }

  /** Sets SO_RCVBUF when asked and returns the size the kernel granted (null if unknown). */
  #applyRecvBuffer(socket: Socket, wanted: number | null): number | null {
    const { spec, logger } = this.#ctx;
    try {
      if (wanted !== null) socket.setRecvBufferSize(wanted);
      const granted = socket.getRecvBufferSize();
      if (wanted !== null) logger.log(5, `${spec.url}: receive buffer ${granted} bytes (asked ${wanted})`);
      return granted;
    } catch (error) {
      logger.log(3, `${spec.url}: cannot set the receive buffer to ${wanted}: ${(error as Error).message}`);
      return null;
    }
  }

  #receive(msg: Buffer, rinfo: RemoteInfo): void {
    const ctx = this.#ctx;
    const peer = normalizePeer(rinfo.address);
    if (!ctx.acl.allows(peer)) {
      count(ctx, 'denied');
      return;
    }
    if (!withinRate(ctx, peer)) return;
    const max = ctx.opts.maxFrame;
    const truncated = msg.length > max;
    // Node gives every datagram a buffer of its own (sized to it), so it is kept without a copy,
    // however long the engine holds the message.
    const bytes = truncated ? msg.subarray(0, max) : msg;
    if (truncated) {
      count(ctx, 'oversize');
      logSparsely(
        ctx,
        'oversize',
        `${ctx.spec.url}: datagram of ${msg.length} bytes from ${peer} cut to ${max}`,
      );
    }
    const raw = rawMessage(ctx, bytes, peer, rinfo.port, truncated);
    countOffered(ctx, raw, ctx.intake.offerDatagram(raw));
  }
}

function bindSocket(socket: Socket, address: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    socket.once('error', onError);
    socket.bind({ address, port, exclusive: true }, () => {
      socket.off('error', onError);
      resolve();
    });
  });
}
