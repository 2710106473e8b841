import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect, type Socket } from 'node:net';

/**
 * Plain socket clients for the syslog end-to-end tests: datagrams and TCP byte streams exactly as
 * given (no framing added), and how a stream ends (FIN or RST). Loopback IPv4 only, except
 * sendUdp, which takes the host (::1 too).
 */

/**
 * Sends datagrams in order from one socket bound to `host`, then closes it; resolves with the
 * sender's port (what the receiver sees as the peer). A send error rejects.
 */
export async function sendUdp(
  host: string,
  port: number,
  payloads: readonly (string | Uint8Array)[],
): Promise<number> {
  const sock = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      sock.once('error', reject);
      sock.bind(0, host, () => {
        sock.off('error', reject);
        resolve();
      });
    });
    for (const p of payloads) {
      await new Promise<void>((resolve, reject) =>
        sock.send(typeof p === 'string' ? Buffer.from(p, 'latin1') : p, port, host, (e) =>
          e ? reject(e) : resolve(),
        ),
      );
    }
    return sock.address().port;
  } finally {
    await new Promise<void>((r) => sock.close(() => r()));
  }
}

export class UdpSender {
  readonly #socket: UdpSocket = createSocket('udp4');
  readonly #port: number;
  #sent = 0;

  constructor(port: number) {
    this.#port = port;
    this.#socket.on('error', () => undefined); // ECONNREFUSED from ICMP after the receiver exits
  }

  get sent(): number {
    return this.#sent;
  }

  /** Sends one datagram (empty ones too); resolves once the kernel took it. */
  send(bytes: Uint8Array): Promise<void> {
    this.#sent += 1;
    return new Promise((resolve, reject) => {
      this.#socket.send(bytes, this.#port, '127.0.0.1', (error) => (error ? reject(error) : resolve()));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#socket.close(() => resolve()));
  }
}

/** A connected TCP client to 127.0.0.1:port. */
export function tcpConnect(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port, noDelay: true });
    s.once('connect', () => {
      s.off('error', reject);
      s.on('error', () => undefined); // a reset by either side is part of these tests
      resolve(s);
    });
    s.once('error', reject);
  });
}

/** Writes and resolves once the bytes were handed to the kernel. */
export function writeAll(socket: Socket, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.write(bytes, (error) => (error ? reject(error) : resolve()));
  });
}

/** Ends with FIN and resolves when the socket is closed (the peer closes its side too). */
export function endGracefully(socket: Socket, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.destroy();
      resolve();
    }, timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.resume(); // a peer that writes back must not hold the close up
    socket.end();
  });
}

/** Drops the connection with RST, as a crashing or hostile client does. */
export function resetConnection(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    socket.once('close', () => resolve());
    socket.resetAndDestroy();
  });
}
