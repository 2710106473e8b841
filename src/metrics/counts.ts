import { SYSLOG_PARSE_REASONS, type SyslogFormat, type SyslogParseReason } from '../syslog/index.js';
import { Buckets, LATENCY_BUCKETS, MAIL_BUCKETS } from './buckets.js';
import type { MailFailure, Telemetry } from './telemetry.js';

/** Every MailFailure (exported as 0 from the start). */
export const MAIL_FAILURES: readonly MailFailure[] = Object.freeze([
  'transport',
  'rejected',
  'gave_up',
  'queue_full',
]);

export const SYSLOG_FORMATS: readonly SyslogFormat[] = Object.freeze(['rfc5424', 'rfc3164', 'raw']);

export type ReloadMode = 'soft' | 'full';

/** Where a reload stands (syscorr_config_last_reload_*). */
export interface ReloadState {
  readonly ok: boolean;
  /** Epoch seconds of the last successful load, or null before any. */
  readonly lastSuccess: number | null;
}

/** What the emitters counted so far, read by the collectors at scrape time. */
export interface CountsView {
  readonly eventsInput: number;
  readonly eventsSynthetic: number;
  readonly latency: Buckets;
  readonly parsed: ReadonlyMap<SyslogFormat, number>;
  readonly parseErrors: ReadonlyMap<SyslogParseReason, number>;
  /** type → [ok, error] */
  readonly actions: ReadonlyMap<string, readonly [number, number]>;
  readonly childrenStarted: number;
  readonly childrenFailed: number;
  readonly mailsSent: number;
  readonly mailFailures: ReadonlyMap<MailFailure, number>;
  readonly mailRetries: number;
  readonly mailsDigested: number;
  readonly mailDuration: Buckets;
  /** mode → [success, failure] */
  readonly reloads: ReadonlyMap<ReloadMode, readonly [number, number]>;
  readonly reload: ReloadState;
  /** listener → messages still queued when the process stopped. */
  readonly shutdownDrops: ReadonlyMap<string, number>;
}

function zeros<K>(keys: readonly K[]): Map<K, number> {
  return new Map(keys.map((k) => [k, 0]));
}

const REASONS: ReadonlySet<string> = new Set(SYSLOG_PARSE_REASONS);

/**
 * The Telemetry of a process with metrics (GUIDE convention 6). Emitters sit on hot paths (one
 * eventProcessed per event, >100k/s): they only bump numbers and small Maps; nothing here
 * allocates per call or touches prom-client. `now` gives epoch seconds for the reload time.
 */
export class TelemetryCounts implements Telemetry, CountsView {
  eventsInput = 0;
  eventsSynthetic = 0;
  readonly latency = new Buckets(LATENCY_BUCKETS);
  readonly parsed = zeros(SYSLOG_FORMATS);
  readonly parseErrors = zeros(SYSLOG_PARSE_REASONS);
  readonly actions = new Map<string, [number, number]>();
  childrenStarted = 0;
  childrenFailed = 0;
  mailsSent = 0;
  readonly mailFailures = zeros(MAIL_FAILURES);
  mailRetries = 0;
  mailsDigested = 0;
  readonly mailDuration = new Buckets(MAIL_BUCKETS);
  readonly reloads = new Map<ReloadMode, [number, number]>([
    ['soft', [0, 0]],
    ['full', [0, 0]],
  ]);
  #reload: ReloadState = { ok: true, lastSuccess: null };
  readonly shutdownDrops = new Map<string, number>();
  readonly #now: () => number;

  /** `actionTypes`: the action keywords, so each is exported from the start. */
  constructor(opts: { now: () => number; actionTypes?: readonly string[] }) {
    this.#now = opts.now;
    for (const t of opts.actionTypes ?? []) this.actions.set(t, [0, 0]);
  }

  get reload(): ReloadState {
    return this.#reload;
  }

  // ---- EngineTelemetry ----

  eventProcessed(kind: 'input' | 'synthetic', latencySeconds: number | null): void {
    if (kind === 'input') this.eventsInput++;
    else this.eventsSynthetic++;
    if (latencySeconds !== null) this.latency.observe(latencySeconds);
  }

  // ---- SyslogTelemetry ----

  syslogParsed(format: SyslogFormat, error: string | null): void {
    this.parsed.set(format, (this.parsed.get(format) ?? 0) + 1);
    if (error === null) return;
    // The label set stays bounded whatever a caller passes: an unknown reason is a bug of ours.
    const reason = (REASONS.has(error) ? error : 'internal') as SyslogParseReason;
    this.parseErrors.set(reason, (this.parseErrors.get(reason) ?? 0) + 1);
  }

  // ---- ActionTelemetry ----

  actionRun(type: string, ok: boolean): void {
    let c = this.actions.get(type);
    if (c === undefined) {
      c = [0, 0];
      this.actions.set(type, c);
    }
    if (ok) c[0]++;
    else c[1]++;
  }

  // ---- ChildTelemetry ----

  childStarted(): void {
    this.childrenStarted++;
  }

  childExited(failed: boolean): void {
    if (failed) this.childrenFailed++;
  }

  // ---- MailTelemetry ----

  mailSent(seconds: number): void {
    this.mailsSent++;
    this.mailDuration.observe(seconds);
  }

  mailFailed(reason: MailFailure): void {
    this.mailFailures.set(reason, (this.mailFailures.get(reason) ?? 0) + 1);
  }

  mailRetried(): void {
    this.mailRetries++;
  }

  mailDigested(folded: number): void {
    if (folded > 0) this.mailsDigested += folded;
  }

  // ---- ReloadTelemetry ----

  configReloaded(mode: ReloadMode, ok: boolean): void {
    const c = this.reloads.get(mode);
    if (c !== undefined) c[ok ? 0 : 1]++;
    this.#loaded(ok);
  }

  /** The configuration read at start-up (not a reload): sets the last-reload state only. */
  configLoaded(ok: boolean): void {
    this.#loaded(ok);
  }

  /** A message still queued when the process stopped (stage shutdown). */
  droppedAtShutdown(listener: string): void {
    this.shutdownDrops.set(listener, (this.shutdownDrops.get(listener) ?? 0) + 1);
  }

  #loaded(ok: boolean): void {
    this.#reload = { ok, lastSuccess: ok ? this.#now() : this.#reload.lastSuccess };
  }
}
