import { performance } from 'node:perf_hooks';
import type { Logger } from '../../actions/ports.js';
import { compileAcl } from './acl.js';
import { Counters, Intake } from './intake.js';
import type { Listener, ListenerContext } from './listener-context.js';
import { RateLimiter } from './rate-limit.js';
import { TcpListener } from './tcp.js';
import { TlsListener } from './tls.js';
import {
  type BoundAddress,
  DEFAULT_LISTENER_OPTIONS,
  type ListenerOptions,
  type ListenerSpec,
  type ListenerStats,
  type RawMessage,
} from './types.js';
import { UdpListener } from './udp.js';
import { kernelUdpDrops } from './udp-drops.js';

/** A started listener and its own counters. */
interface Running {
  readonly listener: Listener;
  readonly spec: ListenerSpec;
  readonly counters: Counters;
}

export interface SyslogListenersDeps {
  readonly logger: Logger;
  /** Milliseconds on a monotonic clock, for the rate limiter (default performance.now). */
  readonly now?: () => number;
}

/**
 * Every syslog listener of the process (issue 5), feeding one queue the engine polls with next()
 * (one message per engine iteration, never waiting: SEC's loop polls its inputs, HP-io).
 * Options apply to each listener, overridden by the listener's own (ListenerSpec.options); each
 * listener has its own ACL, rate limiter, connection limit and counters. The queue is shared.
 */
export class SyslogListeners {
  readonly #specs: readonly ListenerSpec[];
  readonly #opts: ListenerOptions;
  readonly #deps: SyslogListenersDeps;
  readonly #intake: Intake;
  #listeners: Running[] = [];

  constructor(specs: readonly ListenerSpec[], opts: Partial<ListenerOptions>, deps: SyslogListenersDeps) {
    this.#specs = specs;
    this.#opts = { ...DEFAULT_LISTENER_OPTIONS, ...opts };
    this.#deps = deps;
    this.#intake = new Intake(this.#opts);
  }

  /**
   * Binds every listener. On the first failure the ones already bound are closed and the promise
   * rejects with an Error naming the listener and its address (EADDRINUSE, EACCES, bad TLS files,
   * an invalid ACL entry).
   */
  async start(): Promise<void> {
    const now = this.#deps.now ?? (() => performance.now());
    for (const spec of this.#specs) {
      const opts: ListenerOptions = { ...this.#opts, ...spec.options };
      const { acl, errors } = compileAcl(opts.allow, opts.deny);
      if (errors.length > 0) {
        await this.close();
        throw new Error(`cannot listen on ${spec.url}: ${errors.join('; ')}`);
      }
      const counters = new Counters();
      const ctx: ListenerContext = {
        spec,
        opts,
        intake: this.#intake,
        counters,
        acl,
        limiter: limiterFor(opts),
        logger: this.#deps.logger,
        now,
      };
      try {
        const listener = this.#create(ctx);
        await listener.start();
        this.#listeners.push({ listener, spec, counters });
      } catch (error) {
        await this.close();
        throw error;
      }
    }
  }

  /** One queued message or null; never waits. Resumes paused TCP/TLS peers below lowWater. */
  next(): RawMessage | null {
    return this.#intake.take();
  }

  get queued(): number {
    return this.#intake.queued;
  }

  /** See Intake.onNextMessage: wakes an idle loop when a message arrives. */
  onNextMessage(wake: () => void): () => void {
    return this.#intake.onNextMessage(wake);
  }

  /** Datagrams queued beyond this are dropped (TCP/TLS peers are paused well before). */
  get queueCapacity(): number {
    return this.#opts.queueLimit;
  }

  /** Where each started listener is bound (tests bind port 0), with the granted UDP buffer. */
  addresses(): BoundAddress[] {
    return this.#listeners.flatMap((l) => {
      const b = l.listener.bound();
      return b === null ? [] : [b];
    });
  }

  /**
   * received, bytes, denied, rateLimited, queueFull, oversize, framingErrors, connectionsAccepted,
   * connectionsDenied, connectionsRejected, connectionsOpen, tlsHandshakeFailures,
   * tlsSubjectRejected, pauses, queued; most also as `udp.x`, `tcp.x`, `tls.x`.
   */
  counters(): Readonly<Record<string, number>> {
    // The totals are the listeners' own counts summed, each also under `<transport>.<name>`.
    const totals: Record<string, number> = { ...this.#intake.counters.snapshot() };
    const add = (key: string, n: number): void => {
      totals[key] = (totals[key] ?? 0) + n;
    };
    let open = 0;
    for (const l of this.#listeners) {
      open += openConnections(l.listener);
      for (const [name, n] of Object.entries(l.counters.snapshot())) {
        add(name, n);
        add(`${l.spec.transport}.${name}`, n);
      }
    }
    return Object.freeze({ ...totals, connectionsOpen: open, queued: this.queued });
  }

  /** One record per started listener, read when asked (kernel drops from /proc each time). */
  stats(): ListenerStats[] {
    return this.#listeners.map(({ listener, spec, counters: c }) => {
      const bound = listener.bound();
      const udp = spec.transport === 'udp';
      return {
        url: spec.url,
        transport: spec.transport,
        received: c.get('received'),
        bytes: c.get('bytes'),
        denied: c.get('denied'),
        rateLimited: c.get('rateLimited'),
        queueFull: c.get('queueFull'),
        oversize: c.get('oversize'),
        framingErrors: c.get('framingErrors'),
        connectionsAccepted: c.get('connectionsAccepted'),
        connectionsRejected: c.get('connectionsRejected'),
        connectionsDenied: c.get('connectionsDenied'),
        connectionsOpen: openConnections(listener),
        tlsHandshakeFailures: c.get('tlsHandshakeFailures'),
        tlsSubjectRejected: c.get('tlsSubjectRejected'),
        recvBuffer: udp ? (bound?.recvBuffer ?? null) : null,
        kernelDrops: udp && bound !== null ? kernelUdpDrops(bound.port) : null,
      };
    });
  }

  /** Closes every listener and connection; queued messages stay available to next(). */
  async close(): Promise<void> {
    const listeners = this.#listeners;
    this.#listeners = [];
    await Promise.all(listeners.map((l) => l.listener.close()));
  }

  #create(ctx: ListenerContext): Listener {
    switch (ctx.spec.transport) {
      case 'udp':
        return new UdpListener(ctx);
      case 'tcp':
        return new TcpListener(ctx);
      case 'tls':
        return new TlsListener(ctx, ctx.opts.tls);
    }
  }
}

function limiterFor(opts: ListenerOptions): RateLimiter | null {
  const { ratePerSec, rateBurst, rateSources } = opts;
  if (ratePerSec === null) return null;
  return new RateLimiter({ ratePerSec, burst: rateBurst, maxSources: rateSources });
}

function openConnections(l: Listener): number {
  return l instanceof TcpListener || l instanceof TlsListener ? l.openConnections : 0;
}
