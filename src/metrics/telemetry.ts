/**
 * The named emitters components report through (GUIDE convention 6). Components never touch
 * prom-client: they call these methods, and src/metrics turns them into series. Emitters sit on
 * hot paths, so an implementation only bumps plain numbers; prom-client reads them at scrape
 * time. State that can be read when scraped (queue depth, live contexts, listener counters) is
 * pulled by src/metrics from its owner instead of being pushed here.
 */

import type { SyslogFormat } from '../syslog/index.js';

/** Why a mail did not go out (bounded label values). */
export type MailFailure = 'transport' | 'rejected' | 'gave_up' | 'queue_full';

export interface MailTelemetry {
  /** A mail (or a digest) was accepted by the SMTP server (or the log transport). */
  mailSent(seconds: number): void;
  /** One attempt failed; `gave_up` is counted once more when the retries are exhausted. */
  mailFailed(reason: MailFailure): void;
  mailRetried(): void;
  /** `folded` mails were folded into one digest by the per-recipient rate limit. */
  mailDigested(folded: number): void;
}

export interface ActionTelemetry {
  /** One action of an action list ran; `type` is the action keyword (bounded by the language). */
  actionRun(type: string, ok: boolean): void;
}

export interface ChildTelemetry {
  childStarted(): void;
  /** A child ended; failed = it could not start, or exited non-zero, or died from a signal. */
  childExited(failed: boolean): void;
}

export interface EngineTelemetry {
  /** One event went through the rules; latency (receipt → rules done) is known for network input. */
  eventProcessed(kind: 'input' | 'synthetic', latencySeconds: number | null): void;
}

export interface SyslogTelemetry {
  /** One received message was parsed; `error` is a bounded reason or null when valid. */
  syslogParsed(format: SyslogFormat, error: string | null): void;
}

export interface ReloadTelemetry {
  configReloaded(mode: 'soft' | 'full', ok: boolean): void;
}

export interface Telemetry
  extends MailTelemetry,
    ActionTelemetry,
    ChildTelemetry,
    EngineTelemetry,
    SyslogTelemetry,
    ReloadTelemetry {}

const nothing = (): void => {};

/** The emitters of a process without metrics (--nometrics) and of unit tests. */
export const NO_TELEMETRY: Telemetry = Object.freeze({
  mailSent: nothing,
  mailFailed: nothing,
  mailRetried: nothing,
  mailDigested: nothing,
  actionRun: nothing,
  childStarted: nothing,
  childExited: nothing,
  eventProcessed: nothing,
  syslogParsed: nothing,
  configReloaded: nothing,
});
