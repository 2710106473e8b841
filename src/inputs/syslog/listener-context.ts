import { lookup } from 'node:dns/promises';
import { isIPv4, isIPv6 } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../../actions/ports.js';
import { formatHostPort } from '../../cli/index.js';
import type { Acl } from './acl.js';
import type { CounterName, Counters, Intake } from './intake.js';
import type { RateLimiter } from './rate-limit.js';
import type { BoundAddress, ListenerOptions, ListenerSpec, RawMessage } from './types.js';

/** What one listener (UDP, TCP or TLS) works with: its spec and the parts it shares or owns. */
export interface ListenerContext {
  readonly spec: ListenerSpec;
  /** The spec's place in SyslogListeners' list (RawMessage.index). */
  readonly index: number;
  readonly opts: ListenerOptions;
  readonly intake: Intake;
  /** This listener's own counts (SyslogListeners.stats sums them for its totals). */
  readonly counters: Counters;
  readonly acl: Acl;
  /** This listener's own limiter (null = no rate limit). */
  readonly limiter: RateLimiter | null;
  readonly logger: Logger;
  /** Milliseconds, for the rate limiter. */
  readonly now: () => number;
}

/** One bound socket or server. */
export interface Listener {
  start(): Promise<void>;
  close(): Promise<void>;
  bound(): BoundAddress | null;
}

/** `::ffff:a.b.c.d` (a v4 peer on a dual-stack socket) as `a.b.c.d`; other addresses unchanged. */
export function normalizePeer(address: string | undefined): string {
  if (address === undefined) return '';
  // Only an address that starts with ':' can be IPv4-mapped: the common IPv4 peer costs one compare.
  if (
    address.length > 7 &&
    address.charCodeAt(0) === 0x3a &&
    address.slice(0, 7).toLowerCase() === '::ffff:'
  ) {
    const v4 = address.slice(7);
    if (isIPv4(v4)) return v4;
  }
  return address;
}

/** Rate check for one message from `peer`; a limited message is counted here. */
export function withinRate(ctx: ListenerContext, peer: string): boolean {
  if (ctx.limiter === null || ctx.limiter.take(peer, ctx.now())) return true;
  count(ctx, 'rateLimited');
  return false;
}

/** Counts an event of this listener (SyslogListeners sums the listeners for its totals). */
export function count(ctx: ListenerContext, name: CounterName, n = 1): void {
  ctx.counters.add(name, n);
}

/** A message the intake took (received, bytes) or, for a datagram, refused (queueFull). */
export function countOffered(ctx: ListenerContext, msg: RawMessage, accepted: boolean): void {
  if (accepted) {
    ctx.counters.add('received');
    ctx.counters.add('bytes', msg.bytes.length);
  } else ctx.counters.add('queueFull');
}

export function rawMessage(
  ctx: ListenerContext,
  bytes: Uint8Array,
  peer: string,
  peerPort: number,
  truncated: boolean,
): RawMessage {
  const { spec } = ctx;
  return {
    bytes,
    peer,
    peerPort,
    transport: spec.transport,
    listener: spec.url,
    index: ctx.index,
    context: spec.context,
    truncated,
    receivedAt: performance.now(),
  };
}

/** The address to bind for `host` and its family ('::' and other IPv6 forms bind dual-stack). */
export async function resolveBindHost(host: string): Promise<{ address: string; family: 4 | 6 }> {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (isIPv4(bare)) return { address: bare, family: 4 };
  if (isIPv6(bare)) return { address: bare, family: 6 };
  const found = await lookup(bare);
  return { address: found.address, family: found.family === 6 ? 6 : 4 };
}

/** A start-up error that names the listener and the address (issue 5: bind errors). */
export function bindError(spec: ListenerSpec, error: unknown): Error {
  const detail = error instanceof Error ? error.message : String(error);
  return new Error(
    `cannot listen on ${spec.url} (${spec.transport} ${formatHostPort(spec.host, spec.port)}): ${detail}`,
  );
}

/**
 * Logs an event that a hostile peer could repeat endlessly only when its counter reaches a power
 * of two, so the log shows that it happens and how often without being flooded.
 */
export function logSparsely(ctx: ListenerContext, counter: CounterName, message: string): void {
  const n = ctx.counters.get(counter);
  if (n > 0 && (n & (n - 1)) === 0) ctx.logger.log(4, `${message} (${n} so far)`);
}
