import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import {
  type ListenerOptions,
  type ListenerSpec,
  type RawMessage,
  SyslogListeners,
  type Transport,
} from '../../../src/inputs/syslog/index.js';
import { poll } from '../../support/poll.js';
import { MemoryLogger } from '../helpers.js';

export { sendUdp } from '../../support/syslog-senders.js';
export { MemoryLogger };

/** True when the loopback interface has ::1 (IPv6 tests are skipped otherwise). */
export function hasIpv6Loopback(): boolean {
  return Object.values(networkInterfaces()).some((list) =>
    (list ?? []).some((a) => a.family === 'IPv6' && a.address === '::1'),
  );
}

export function spec(
  transport: Transport,
  host = '127.0.0.1',
  port = 0,
  context: string | null = null,
): ListenerSpec {
  const h = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${transport}://${h}:${port}${context === null ? '' : `=${context}`}`,
    host,
    port,
    transport,
    context,
  };
}

export interface Started {
  readonly set: SyslogListeners;
  readonly logger: MemoryLogger;
  /** The bound port of listener i. */
  port(i?: number): number;
}

export async function startSet(specs: ListenerSpec[], opts: Partial<ListenerOptions> = {}): Promise<Started> {
  const logger = new MemoryLogger();
  const set = new SyslogListeners(specs, opts, { logger });
  await set.start();
  return {
    set,
    logger,
    port: (i = 0) => {
      const a = set.addresses()[i];
      if (a === undefined) throw new Error(`no listener ${i}`);
      return a.port;
    },
  };
}

/** Polls `cond` every 5 ms until it holds; fails after `ms`. */
export async function waitFor(
  cond: () => boolean,
  ms = 3000,
  what: string | (() => string) = 'condition',
): Promise<void> {
  await poll(cond, what, ms, { everyMs: 5 });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What messages are taken from: SyslogListeners, or a NetworkInput (its `now` does not matter here). */
interface MessageSource<T> {
  next(now: number): T | null;
}

/** Takes every queued message. */
export function drain<T>(set: MessageSource<T>): T[] {
  const out: T[] = [];
  for (let m = set.next(0); m !== null; m = set.next(0)) out.push(m);
  return out;
}

/** Waits until `n` messages have been taken from the set (taking them as they come). */
export async function collect<T>(set: MessageSource<T>, n: number, ms = 5000): Promise<T[]> {
  const out: T[] = [];
  await waitFor(
    () => {
      out.push(...drain(set));
      return out.length >= n;
    },
    ms,
    () => `${n} messages (have ${out.length})`,
  );
  return out;
}

export const text = (m: RawMessage): string => Buffer.from(m.bytes).toString('latin1');

/** A connected TCP client. */
export function tcpClient(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host, port }, () => resolve(s));
    s.once('error', reject);
  });
}

/** Writes `parts` one by one, each flushed before the next, then ends the connection. */
export async function writeParts(
  sock: Socket,
  parts: readonly (string | Uint8Array)[],
  end = true,
): Promise<void> {
  for (const p of parts) {
    await new Promise<void>((resolve, reject) => sock.write(p, (e) => (e ? reject(e) : resolve())));
  }
  if (end) await new Promise<void>((r) => sock.end(() => r()));
}

/** Resolves when the peer closes the connection. */
export function closed(sock: Socket): Promise<void> {
  return new Promise((r) => {
    if (sock.destroyed) r();
    else sock.once('close', () => r());
  });
}
