import { performance } from 'node:perf_hooks';
import type { Logger } from '../../actions/ports.js';
import { compileAcl } from './acl.js';
import { CounterBlock } from './counter-block.js';
import { Intake } from './intake.js';
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

export interface SyslogListenersDeps {
  readonly logger: Logger;
  /** Milliseconds on a monotonic clock, for the rate limiter (default performance.now). */
  readonly now?: () => number;
  /** Where the counts are kept (one set per spec, then the intake's); default a private block. */
  readonly counters?: CounterBlock;
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
  readonly #counters: CounterBlock;
  /** Started listeners, in spec order (listener i counts in the block's set i). */
  #listeners: Listener[] = [];

  constructor(specs: readonly ListenerSpec[], opts: Partial<ListenerOptions>, deps: SyslogListenersDeps) {
    this.#specs = specs;
    this.#opts = { ...DEFAULT_LISTENER_OPTIONS, ...opts };
    this.#deps = deps;
    this.#counters = deps.counters ?? new CounterBlock(specs.length);
    this.#intake = new Intake(this.#opts, this.#counters.intake);
  }

  /**
   * Binds every listener. On the first failure the ones already bound are closed and the promise
   * rejects with an Error naming the listener and its address (EADDRINUSE, EACCES, bad TLS files,
   * an invalid ACL entry).
   */
  async start(): Promise<void> {
    const now = this.#deps.now ?? (() => performance.now());
    for (const [index, spec] of this.#specs.entries()) {
      const opts: ListenerOptions = { ...this.#opts, ...spec.options };
      const { acl, errors } = compileAcl(opts.allow, opts.deny);
      if (errors.length > 0) {
        await this.close();
        throw new Error(`cannot listen on ${spec.url}: ${errors.join('; ')}`);
      }
      const counters = this.#counters.listener(index);
      const ctx: ListenerContext = {
        spec,
        index,
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
        this.#listeners.push(listener);
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
      const b = l.bound();
      return b === null ? [] : [b];
    });
  }

  /**
   * received, bytes, denied, rateLimited, queueFull, oversize, framingErrors, connectionsAccepted,
   * connectionsDenied, connectionsRejected, connectionsOpen, tlsHandshakeFailures,
   * tlsSubjectRejected, pauses, queued; most also as `udp.x`, `tcp.x`, `tls.x`.
   */
  counters(): Readonly<Record<string, number>> {
    return this.#counters.totals(this.#specs, this.queued);
  }

  /** One record per started listener, read when asked (kernel drops from /proc each time). */
  stats(): ListenerStats[] {
    // Listeners start in spec order and all or none stay up: addresses()[i] is listener i's.
    return this.#counters.stats(this.addresses());
  }

  /** Closes every listener and connection; queued messages stay available to next(). */
  async close(): Promise<void> {
    const listeners = this.#listeners;
    this.#listeners = [];
    await Promise.all(listeners.map((l) => l.close()));
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
