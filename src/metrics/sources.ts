import type { ListenerStats } from '../inputs/syslog/types.js';

/**
 * What the collectors read from the objects that own the state, at scrape time. Declared here
 * structurally (the listeners, the engine, the child processes and the mail queue satisfy them
 * as they are), so src/metrics depends on no component's class and tests can use plain objects;
 * the listener record is the listeners' own plain data type.
 */

/** One syslog listener's counts since it started (SyslogListeners.stats()); its url is bounded by the configuration. */
export type ListenerStatsView = ListenerStats;

export interface ListenersView {
  stats(): readonly ListenerStatsView[];
  /** Messages waiting for the engine, and the limit beyond which datagrams are dropped. */
  readonly queued: number;
  readonly queueCapacity: number;
}

/** A loaded rule as the metrics label it: `file:line` of its first line, never its desc. */
export interface RuleView {
  readonly file: string;
  readonly line: number;
}

export interface EngineView {
  readonly config: { readonly files: readonly { readonly rules: readonly RuleView[] }[] };
  /** Full matches per rule object (reset for the rules of a reloaded configuration). */
  readonly matchCounts: ReadonlyMap<RuleView, number>;
  readonly contextsLive: number;
  readonly contextsExpired: number;
  operationsByType(): ReadonlyMap<string, number>;
}

export interface ChildrenView {
  /** Children started and not yet reaped. */
  readonly running: number;
}

export interface MailQueueView {
  /** Mails waiting to be sent (retries and digests included). */
  readonly queued: number;
}

/** Everything the collectors read; listeners and mail are absent when the process has none. */
export interface MetricsSources {
  readonly engine: EngineView;
  readonly children: ChildrenView;
  readonly listeners?: ListenersView | null;
  readonly mail?: MailQueueView | null;
}
