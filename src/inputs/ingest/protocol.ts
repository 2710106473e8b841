import type { InputSpec } from '../../cli/index.js';
import type { BoundAddress, ListenerOptions } from '../syslog/index.js';
import type { Batch } from './batch.js';

/** What the network thread is started with (its workerData). */
export interface IngestInit {
  /** The --input values; the thread plans its listeners from them as the engine thread did. */
  readonly inputs: readonly InputSpec[];
  /** Process-wide listener options (tests make queues small). */
  readonly options: Partial<ListenerOptions>;
  /** The counters (CounterBlock layout), shared with the engine thread. */
  readonly counters: SharedArrayBuffer;
  /** The engine thread's performance.timeOrigin: receipt times are sent on its clock. */
  readonly timeOrigin: number;
  /** Messages per batch, and messages handed over and not yet taken beyond which it waits. */
  readonly batch: number;
  readonly window: number;
  /** Ports to bind instead of the specs' (a restarted thread takes the ports bound before). */
  readonly ports: readonly number[] | null;
}

/** Engine thread → network thread. */
export type ToIngest =
  /** `n` messages were taken: the window has room again. */
  | { readonly t: 'ack'; readonly n: number }
  /** Close the listeners, hand over everything still queued, then say `closed`. */
  | { readonly t: 'close' };

/** Ingest thread → engine thread. */
export type FromIngest =
  | { readonly t: 'started'; readonly addresses: readonly BoundAddress[] }
  | { readonly t: 'failed'; readonly message: string }
  | { readonly t: 'log'; readonly level: number; readonly text: string }
  | { readonly t: 'batch'; readonly batch: Batch }
  | { readonly t: 'closed' };
