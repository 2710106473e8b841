import type { Clock } from '../clock.js';
import type { Engine } from './engine.js';
import type { EngineEvent } from './event.js';

/** Where input lines come from (files, stdin, listeners): see src/inputs. */
export interface LineSource {
  /** The next line available now, or null (never waits). */
  next(now: number): EngineEvent | null;
  /** Under --notail: every input reached EOF and is closed (IN-notail-exit). */
  readonly exhausted: boolean;
  /** The last poll read new bytes (maybe no complete line): the loop does not sleep then (IN-loop step 4). */
  readonly sawData: boolean;
}

/** What one reap hands the loop: spawn lines, script completions, and whether any output came. */
export interface Reaped {
  readonly lines: readonly { readonly text: string; readonly context: string }[];
  readonly completions: readonly (() => void)[];
  readonly producedOutput: boolean;
}

/** Child processes as the loop sees them (CH-reap). */
export interface ChildSource {
  reap(synthQueueEmpty: boolean): Reaped;
}

export interface LoopOptions {
  readonly tail: boolean;
  readonly cleantime: number;
  readonly intevents: boolean;
  /** SIG-USR2: close every output so it is reopened when next used. */
  readonly closeOutputs?: () => void;
  /** SIG-HUP / SIG-ABRT: re-read the configuration and restart (between the PRE_ and the plain event). */
  readonly restart?: (mode: 'full' | 'soft') => void;
  /** SIG-USR1: write the dump. */
  readonly dump?: () => void;
  /** SIG-INT: raise the debug level by one, wrapping 6 → 1. */
  readonly cycleDebug?: () => void;
  readonly logger?: { log(level: 1 | 2 | 3 | 4 | 5 | 6, message: string): void };
  /** Called after each event went through the rules (metrics: events by kind, latency). */
  readonly processed?: (kind: 'input' | 'synthetic') => void;
}

/** SIG-common: flags are handled at the end of an iteration, in this order. */
const SIGNAL_ORDER = ['HUP', 'ABRT', 'USR1', 'USR2', 'INT', 'TERM'] as const;
export type SignalName = (typeof SIGNAL_ORDER)[number];

/** What one iteration did: the caller sleeps --poll-timeout only after 'idle'. */
export type StepResult = 'event' | 'busy' | 'idle' | 'exit';

/**
 * SEC's main loop, one iteration per call (IN-loop): (1) reap children and take their output
 * while the synthetic queue is empty; (2) take ONE event, synthetic first (IN-order); (3) match
 * it; (4) detect the --notail end; (5) run the cleanup pass when due. Signals are the caller's.
 */
export class MainLoop {
  readonly #engine: Engine;
  readonly #inputs: LineSource;
  readonly #children: ChildSource;
  readonly #clock: Clock;
  readonly #opts: LoopOptions;
  /** The clock's reading at the end of the last step (its cleanup check); NaN after a cleanup pass or signals. */
  #endTime = Number.NaN;
  #lastCleanup = 0;
  readonly #raised = new Set<SignalName>();

  /** A real signal or `sigemul` (ACT-sigemul): only sets a flag (SIG-common). */
  raise(signal: string): void {
    const name = signal.toUpperCase().replace(/^SIG/, '') as SignalName;
    if ((SIGNAL_ORDER as readonly string[]).includes(name)) this.#raised.add(name);
  }

  constructor(engine: Engine, inputs: LineSource, children: ChildSource, clock: Clock, opts: LoopOptions) {
    this.#engine = engine;
    this.#inputs = inputs;
    this.#children = children;
    this.#clock = clock;
    this.#opts = opts;
  }

  /** OPT-startup-order: SEC_STARTUP, then the first cleanup pass (Calendar may fire). */
  start(): void {
    const now = this.#clock.now();
    if (this.#opts.intevents) this.#engine.internalEvent('SEC_STARTUP', now);
    this.#engine.cleanup(now);
    this.#lastCleanup = now;
  }

  /**
   * Up to `max` steps back to back, until one is 'idle' or 'exit'; the last step's result is
   * returned. Inside a burst the time read for the cleanup check after one event is the
   * time of the next: nothing runs between the two but this loop, so reading the clock again
   * (a V8 runtime call, a twentieth of a line's cost) would only move a second's edge by
   * nanoseconds. Every burst starts with a fresh read.
   */
  burst(max: number): StepResult {
    let now = this.#clock.now();
    for (let i = 1; ; i++) {
      const result = this.#step(now);
      if (result === 'idle' || result === 'exit' || i >= max) return result;
      now = Number.isNaN(this.#endTime) ? this.#clock.now() : this.#endTime;
    }
  }

  /** One step on a fresh reading of the clock. */
  step(): StepResult {
    return this.#step(this.#clock.now());
  }

  #step(start: number): StepResult {
    let now = start;
    const reaped = this.#children.reap(this.#engine.syntheticQueued === 0);
    for (const l of reaped.lines) this.#engine.event(l.text, 0, l.context, now);
    for (const done of reaped.completions) done();
    const synthetic = this.#engine.nextSynthetic();
    const event = synthetic ?? this.#inputs.next(now);
    let result: StepResult;
    if (event !== undefined && event !== null) {
      this.#engine.process(event, now);
      this.#opts.processed?.(synthetic === undefined ? 'input' : 'synthetic');
      result = 'event';
    } else if (!this.#opts.tail && this.#inputs.exhausted) {
      // IN-notail-exit: pending timers are dropped, no final cleanup pass.
      if (this.#opts.intevents) this.#engine.internalEvent('SEC_SHUTDOWN', now);
      return 'exit';
    } else {
      result = reaped.producedOutput || this.#inputs.sawData ? 'busy' : 'idle';
    }
    now = this.#clock.now();
    this.#endTime = now;
    if (now - this.#lastCleanup >= this.#opts.cleantime) {
      this.#engine.cleanup(now);
      this.#lastCleanup = now;
      this.#endTime = Number.NaN; // a cleanup pass may take long: the next step reads the clock
    }
    if (this.#raised.size === 0) return result;
    this.#endTime = Number.NaN;
    return this.#signals(now) ? 'exit' : result;
  }

  /** SIG-*: handles raised flags in SEC's order; true when TERM asks to exit. */
  #signals(now: number): boolean {
    const raised = [...this.#raised];
    this.#raised.clear();
    for (const sig of SIGNAL_ORDER) {
      if (!raised.includes(sig)) continue;
      if (sig === 'HUP' || sig === 'ABRT') {
        const soft = sig === 'ABRT';
        if (this.#opts.intevents)
          this.#engine.internalEvent(soft ? 'SEC_PRE_SOFTRESTART' : 'SEC_PRE_RESTART', now);
        this.#opts.restart?.(soft ? 'soft' : 'full');
        if (this.#opts.intevents) this.#engine.internalEvent(soft ? 'SEC_SOFTRESTART' : 'SEC_RESTART', now);
      } else if (sig === 'USR1') {
        this.#opts.dump?.();
      } else if (sig === 'USR2') {
        // SIG-USR2: log rotation; outputs are closed and reopened when next used.
        if (this.#opts.intevents) this.#engine.internalEvent('SEC_PRE_LOGROTATE', now);
        this.#opts.closeOutputs?.();
        if (this.#opts.intevents) this.#engine.internalEvent('SEC_LOGROTATE', now);
      } else if (sig === 'INT') {
        this.#opts.cycleDebug?.();
      } else {
        // SIG-TERM: SEC_SHUTDOWN, then exit; nothing else is flushed or expired.
        if (this.#opts.intevents) this.#engine.internalEvent('SEC_SHUTDOWN', now);
        return true;
      }
    }
    return false;
  }
}
