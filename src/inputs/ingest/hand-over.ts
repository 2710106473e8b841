import { systemClock } from '../../clock.js';
import { renderFor } from '../listener-plan.js';
import { type NetworkSourceOptions, renderMessage } from '../network-source.js';
import type { Counters } from '../syslog/intake.js';
import type { RawMessage } from '../syslog/types.js';
import { type Batch, BatchWriter } from './batch.js';

/** What the hand-over takes messages from (SyslogListeners on the network thread). */
export interface HandOverSource {
  next(): RawMessage | null;
  readonly queued: number;
  onNextMessage(wake: () => void): () => void;
}

export interface HandOverOptions {
  /** Messages per batch, and messages handed over and not yet acknowledged beyond which it waits. */
  readonly batch: number;
  readonly window: number;
  /** Added to receipt times: the engine thread's performance clock against this thread's. */
  readonly clockOffset: number;
  /** One rendering per listener spec (ListenerPlan.render). */
  readonly render: readonly NetworkSourceOptions[];
}

/**
 * The network thread's side of the flow control (issue 7): parses and renders what the
 * listeners queued and hands it over in batches while fewer than `window` messages are out and
 * not yet acknowledged; the rest waits in the listeners' intake, whose limits then apply (UDP
 * dropped as queueFull, TCP/TLS peers paused). Once closing, everything left goes out.
 */
export class HandOver {
  readonly #source: HandOverSource;
  readonly #opts: HandOverOptions;
  readonly #intake: Counters;
  readonly #send: (batch: Batch, transfer: ArrayBuffer[]) => void;
  #inflight = 0;
  #closing = false;
  #scheduled = false;

  constructor(
    source: HandOverSource,
    opts: HandOverOptions,
    intake: Counters,
    send: (batch: Batch, transfer: ArrayBuffer[]) => void,
  ) {
    this.#source = source;
    this.#opts = opts;
    this.#intake = intake;
    this.#send = send;
  }

  /** Runs pump() once the current turn of the event loop is over (once, however often asked). */
  schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.pump());
  }

  /** The engine thread took `n` messages: the window has room again. */
  acked(n: number): void {
    this.#inflight = Math.max(0, this.#inflight - n);
    if (this.#source.queued > 0) this.schedule();
  }

  /** From now on everything queued is handed over, window or not (the listeners are closing). */
  closing(): void {
    this.#closing = true;
  }

  /** Hands over what is queued, in batches, while the window has room (all of it when closing). */
  pump(): void {
    this.#scheduled = false;
    const { batch, window, clockOffset, render } = this.#opts;
    for (;;) {
      const room = this.#closing ? batch : Math.min(batch, window - this.#inflight);
      if (room <= 0) break;
      const writer = new BatchWriter();
      // Whole seconds, as the engine thread's clock gives them (and as TimeMemo can match).
      const now = systemClock.now();
      while (writer.count < room) {
        const m = this.#source.next();
        if (m === null) break;
        writer.add(m.index, renderMessage(m, now, renderFor(render, m.index)), m.receivedAt + clockOffset);
      }
      if (writer.count === 0) break;
      this.#inflight += writer.count;
      this.#intake.add('handedOver', writer.count);
      const { batch: out, transfer } = writer.finish();
      this.#send(out, transfer);
    }
    // Woken by the next arrival; a full window is reopened by an ack instead.
    if (!this.#closing && this.#source.queued === 0) this.#source.onNextMessage(() => this.schedule());
  }
}
