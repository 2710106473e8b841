import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Logger, LogLevel } from '../../actions/ports.js';
import type { InputSpec } from '../../cli/index.js';
import type { SyslogTelemetry } from '../../metrics/telemetry.js';
import type { NetworkEvent, NetworkInput } from '../network-input.js';
import { CounterBlock } from '../syslog/counter-block.js';
import {
  type BoundAddress,
  DEFAULT_LISTENER_OPTIONS,
  type ListenerOptions,
  type ListenerSpec,
  type ListenerStats,
} from '../syslog/index.js';
import { BatchReader } from './batch.js';
import type { FromIngest, IngestInit, ToIngest } from './protocol.js';

export interface ThreadedInputDeps {
  readonly logger: Logger;
  readonly telemetry?: SyslogTelemetry;
  /** Process-wide listener options (DEFAULT_LISTENER_OPTIONS otherwise). */
  readonly options?: Partial<ListenerOptions>;
  /** Messages per batch and the hand-over window (tests make them small). */
  readonly batch?: number;
  readonly window?: number;
  /** Starts the thread (default createIngestWorker); tests keep hold of it to stop it. */
  readonly startWorker?: (init: IngestInit) => Worker;
}

/** How long the network thread has to close its listeners and hand over what it holds. */
const CLOSE_TIMEOUT_MS = 5000;

/**
 * The worker's code: worker.js beside this file; from the sources (tests), worker.ts loaded
 * through tsx's loader, registered in the new thread first.
 */
export function createIngestWorker(init: IngestInit): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./worker.js', import.meta.url), { workerData: init });
  const entry = new URL('./worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: init });
}

/**
 * The syslog listeners on a network thread (issue 7): receiving, deframing, ACLs, rate limits and
 * parsing run on a second core while this thread runs the rules. Messages arrive here parsed,
 * in batches, in the order the single intake queued them; the engine still takes one at a time,
 * so its semantics are those of one thread. Counters live in shared memory and read exactly as
 * SyslogListeners' do. If the thread dies it is logged and started again on the same addresses.
 */
export class ThreadedNetworkInput implements NetworkInput {
  readonly #inputs: readonly InputSpec[];
  readonly #specs: readonly ListenerSpec[];
  readonly #deps: ThreadedInputDeps;
  readonly #counters: CounterBlock;
  readonly #batches: BatchReader[] = [];
  #worker: Worker | null = null;
  #addresses: BoundAddress[] = [];
  #waiter: (() => void) | null = null;
  #onClosed: (() => void) | null = null;
  #closing = false;
  /** Messages taken since the start. */
  #takenTotal = 0;

  constructor(inputs: readonly InputSpec[], specs: readonly ListenerSpec[], deps: ThreadedInputDeps) {
    this.#inputs = inputs;
    this.#specs = specs;
    this.#deps = deps;
    this.#counters = CounterBlock.shared(specs.length);
  }

  start(): Promise<void> {
    const init: IngestInit = {
      inputs: this.#inputs,
      options: this.#deps.options ?? {},
      counters: this.#counters.buffer as SharedArrayBuffer,
      timeOrigin: performance.timeOrigin,
      batch: this.#deps.batch ?? 256,
      window: this.#deps.window ?? 8192,
      ports: this.#addresses.length === 0 ? null : this.#addresses.map((a) => a.port),
    };
    const worker = (this.#deps.startWorker ?? createIngestWorker)(init);
    this.#worker = worker;
    return new Promise((resolve, reject) => {
      let started = false;
      worker.on('message', (m: FromIngest) => {
        if (m.t === 'started') {
          started = true;
          this.#addresses = [...m.addresses];
          resolve();
        } else if (m.t === 'failed') {
          this.#worker = null;
          void worker.terminate();
          reject(new Error(m.message));
        } else this.#receive(m);
      });
      worker.on('error', (error) => {
        if (!started) {
          this.#worker = null;
          reject(new Error(`the network thread failed to start: ${error.message}`));
          return;
        }
        this.#deps.logger.log(1, `network thread failed: ${error.stack ?? error.message}`);
      });
      worker.on('exit', () => this.#exited(worker, started));
    });
  }

  next(_now: number): NetworkEvent | null {
    const reader = this.#front();
    if (reader === null) return null;
    const item = reader.next();
    if (item === null) return null;
    this.#takenTotal += 1;
    this.#deps.telemetry?.syslogParsed(item.format, item.error);
    return item;
  }

  discard(): string | null {
    const reader = this.#front();
    if (reader === null) return null;
    this.#takenTotal += 1;
    return reader.skip();
  }

  get queued(): number {
    // What the intake holds, and what was handed over (both counted there) and not yet taken.
    const c = this.#counters.intake;
    return Math.max(0, c.get('queued') + c.get('handedOver') - this.#takenTotal);
  }

  get queueCapacity(): number {
    return this.#deps.options?.queueLimit ?? DEFAULT_LISTENER_OPTIONS.queueLimit;
  }

  onNextMessage(wake: () => void): () => void {
    // #front() also acknowledges a batch read to its end, so the window reopens now.
    if (this.#front() !== null) {
      wake();
      return () => {};
    }
    this.#waiter = wake;
    return () => {
      if (this.#waiter === wake) this.#waiter = null;
    };
  }

  addresses(): BoundAddress[] {
    return [...this.#addresses];
  }

  counters(): Readonly<Record<string, number>> {
    return this.#counters.totals(this.#specs, this.queued);
  }

  stats(): ListenerStats[] {
    // Every listener started, in the order of the specs (the start fails as a whole otherwise).
    return this.#counters.stats(this.#addresses);
  }

  /** Closes the listeners; what the thread still held arrives before this resolves. */
  async close(): Promise<void> {
    this.#closing = true;
    const worker = this.#worker;
    if (worker === null) return;
    await new Promise<void>((resolve) => {
      // A thread that does not answer in time is stopped anyway: shutdown must not hang.
      const timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
      this.#onClosed = () => {
        clearTimeout(timer);
        resolve();
      };
      this.#post({ t: 'close' });
    });
    this.#worker = null;
    await worker.terminate();
  }

  #receive(m: FromIngest): void {
    switch (m.t) {
      case 'batch': {
        this.#batches.push(new BatchReader(m.batch, this.#specs));
        const waiter = this.#waiter;
        if (waiter !== null) {
          this.#waiter = null;
          waiter();
        }
        return;
      }
      case 'log':
        this.#deps.logger.log(m.level as LogLevel, m.text);
        return;
      case 'closed':
        this.#onClosed?.();
        this.#onClosed = null;
        return;
      default:
        return;
    }
  }

  /** The batch to read from, acknowledging the ones used up. */
  #front(): BatchReader | null {
    for (;;) {
      const reader = this.#batches[0];
      if (reader === undefined) return null;
      if (reader.remaining > 0) return reader;
      this.#batches.shift();
      this.#post({ t: 'ack', n: reader.count });
    }
  }

  #post(m: ToIngest): void {
    this.#worker?.postMessage(m);
  }

  #exited(worker: Worker, started: boolean): void {
    if (this.#worker !== worker) return;
    this.#worker = null;
    this.#onClosed?.();
    this.#onClosed = null;
    if (!started || this.#closing) return;
    // The listeners went with the thread: start another on the same addresses.
    this.#deps.logger.log(2, 'network thread stopped; starting it again');
    this.start().catch((error: unknown) =>
      this.#deps.logger.log(1, `cannot restart the network thread: ${(error as Error).message}`),
    );
  }
}
