import { performance } from 'node:perf_hooks';
import type { Logger } from '../../actions/ports.js';
import { compileAcl } from './acl.js';
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
  type RawMessage,
} from './types.js';
import { UdpListener } from './udp.js';

export interface SyslogListenersDeps {
  readonly logger: Logger;
  /** Milliseconds on a monotonic clock, for the rate limiter (default performance.now). */
  readonly now?: () => number;
}

/**
 * Every syslog listener of the process (issue 5), feeding one queue the engine polls with next()
 * (one message per engine iteration, never waiting: SEC's loop polls its inputs, HP-io).
 * Options apply to each listener; each listener has its own rate limiter and connection limit.
 */
export class SyslogListeners {
  readonly #specs: readonly ListenerSpec[];
  readonly #opts: ListenerOptions;
  readonly #deps: SyslogListenersDeps;
  readonly #intake: Intake;
  #listeners: Listener[] = [];

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
    const { acl, errors } = compileAcl(this.#opts.allow, this.#opts.deny);
    if (errors.length > 0) throw new Error(`syslog listeners: ${errors.join('; ')}`);
    const now = this.#deps.now ?? (() => performance.now());
    for (const spec of this.#specs) {
      const ctx: ListenerContext = {
        spec,
        opts: this.#opts,
        intake: this.#intake,
        acl,
        limiter: this.#limiter(),
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
    let open = 0;
    for (const l of this.#listeners) {
      if (l instanceof TcpListener || l instanceof TlsListener) open += l.openConnections;
    }
    return Object.freeze({ ...this.#intake.counters.snapshot(), connectionsOpen: open, queued: this.queued });
  }

  /** Closes every listener and connection; queued messages stay available to next(). */
  async close(): Promise<void> {
    const listeners = this.#listeners;
    this.#listeners = [];
    await Promise.all(listeners.map((l) => l.close()));
  }

  #limiter(): RateLimiter | null {
    const { ratePerSec, rateBurst, rateSources } = this.#opts;
    if (ratePerSec === null) return null;
    return new RateLimiter({ ratePerSec, burst: rateBurst, maxSources: rateSources });
  }

  #create(ctx: ListenerContext): Listener {
    switch (ctx.spec.transport) {
      case 'udp':
        return new UdpListener(ctx);
      case 'tcp':
        return new TcpListener(ctx);
      case 'tls':
        return new TlsListener(ctx, this.#opts.tls);
    }
  }
}
