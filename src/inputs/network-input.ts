import type { EngineEvent } from '../engine/event.js';
import type { SyslogTelemetry } from '../metrics/telemetry.js';
import { renderFor } from './listener-plan.js';
import { type NetworkSourceOptions, toEvent } from './network-source.js';
import type { BoundAddress, ListenerStats, SyslogListeners } from './syslog/index.js';

/** One syslog message as the engine takes it. */
export interface NetworkEvent {
  readonly event: EngineEvent;
  /** The --input value of the listener that received it. */
  readonly listener: string;
  /** performance.now() milliseconds, on the engine thread's clock, when it was read. */
  readonly receivedAt: number;
}

/**
 * The syslog listeners as the composition root uses them (issue 5, 7): started and closed as a
 * whole, polled by the engine loop one message at a time, never waiting. Two implementations:
 * InlineNetworkInput receives and parses on the engine's own thread; ThreadedNetworkInput
 * (src/inputs/ingest) does both on a network thread and hands over parsed messages in batches.
 */
export interface NetworkInput {
  /** Binds every listener; rejects with an Error naming the listener and address. */
  start(): Promise<void>;
  /**
   * The next message, or null. A message without a time of its own gets `now` (epoch seconds)
   * on the engine thread; on the network thread, the time it was parsed there.
   */
  next(now: number): NetworkEvent | null;
  /** After close: takes one message that will not be processed, and returns its listener. */
  discard(): string | null;
  /** Messages received and not yet taken by next(). */
  readonly queued: number;
  /** Datagrams beyond this many queued are dropped (TCP/TLS peers are paused before). */
  readonly queueCapacity: number;
  /** Calls `wake` once when a message is ready (at once if one is); returns a withdrawal. */
  onNextMessage(wake: () => void): () => void;
  addresses(): BoundAddress[];
  /** The listeners' counts summed (SyslogListeners.counters). */
  counters(): Readonly<Record<string, number>>;
  stats(): ListenerStats[];
  /** Closes every listener; messages already received stay available to next() and discard(). */
  close(): Promise<void>;
}

/** Receives and parses on the engine thread (`--nonetwork-thread`, and tests that drive a clock). */
export class InlineNetworkInput implements NetworkInput {
  readonly #listeners: SyslogListeners;
  readonly #render: readonly NetworkSourceOptions[];
  readonly #telemetry: SyslogTelemetry | undefined;

  /** `render`: one per listener spec, in the same order (ListenerPlan.render). */
  constructor(
    listeners: SyslogListeners,
    render: readonly NetworkSourceOptions[],
    telemetry?: SyslogTelemetry,
  ) {
    this.#listeners = listeners;
    this.#render = render;
    this.#telemetry = telemetry;
  }

  start(): Promise<void> {
    return this.#listeners.start();
  }

  next(now: number): NetworkEvent | null {
    const m = this.#listeners.next();
    if (m === null) return null;
    const event = toEvent(m, now, renderFor(this.#render, m.index), this.#telemetry);
    return { event, listener: m.listener, receivedAt: m.receivedAt };
  }

  discard(): string | null {
    return this.#listeners.next()?.listener ?? null;
  }

  get queued(): number {
    return this.#listeners.queued;
  }

  get queueCapacity(): number {
    return this.#listeners.queueCapacity;
  }

  onNextMessage(wake: () => void): () => void {
    return this.#listeners.onNextMessage(wake);
  }

  addresses(): BoundAddress[] {
    return this.#listeners.addresses();
  }

  counters(): Readonly<Record<string, number>> {
    return this.#listeners.counters();
  }

  stats(): ListenerStats[] {
    return this.#listeners.stats();
  }

  close(): Promise<void> {
    return this.#listeners.close();
  }
}
