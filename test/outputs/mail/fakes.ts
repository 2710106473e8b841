import { setImmediate as macrotask } from 'node:timers/promises';
import type { MailFailure, MailTelemetry } from '../../../src/metrics/telemetry.js';
import {
  type Mail,
  MailSendError,
  type MailTimers,
  type MailTransport,
} from '../../../src/outputs/mail/index.js';

/** A manual clock and timer scheduler: `advance(ms)` fires due timers in time order, no sleeping. */
export class ManualTimers implements MailTimers {
  now = 1_700_000_000_000;
  #next = 1;
  #timers = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#timers.set(id, { at: this.now + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  get pending(): number {
    return this.#timers.size;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, and lets promises settle. */
  async advance(ms: number): Promise<void> {
    const target = this.now + ms;
    await settle();
    for (;;) {
      const due = [...this.#timers.entries()]
        .filter(([, t]) => t.at <= target)
        .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (due === undefined) break;
      this.#timers.delete(due[0]);
      this.now = Math.max(this.now, due[1].at);
      due[1].fn();
      await settle();
    }
    this.now = target;
  }
}

/** Lets every pending promise callback run (the fake transport settles in microtasks). */
export async function settle(): Promise<void> {
  await macrotask();
}

type Outcome = 'ok' | 'hang' | Error;

/** A transport that records each attempt (with the fake time) and answers from a script. */
export class FakeTransport implements MailTransport {
  readonly address = 'smtp://alerts@mail.example.com:25';
  readonly attempts: { at: number; mail: Mail }[] = [];
  readonly delivered: Mail[] = [];
  closed = false;
  /** Outcomes for the next attempts, in order; when empty, `fallback`. */
  readonly script: Outcome[] = [];
  fallback: Outcome = 'ok';
  readonly #clock: { now: number };

  constructor(clock: { now: number }) {
    this.#clock = clock;
  }

  send(mail: Mail): Promise<void> {
    this.attempts.push({ at: this.#clock.now, mail });
    const outcome = this.script.shift() ?? this.fallback;
    if (outcome === 'hang') return new Promise(() => {});
    if (outcome instanceof Error) return Promise.reject(outcome);
    this.delivered.push(mail);
    return Promise.resolve();
  }

  close(): void {
    this.closed = true;
  }
}

export const transient = (text = '451 4.3.0 try again later'): MailSendError =>
  new MailSendError(text, false);
export const permanent = (text = '550 5.1.1 no such user'): MailSendError => new MailSendError(text, true);

/** Records the mail emitters' calls. */
export class RecordingMailTelemetry implements MailTelemetry {
  readonly sent: number[] = [];
  readonly failed: MailFailure[] = [];
  retried = 0;
  readonly digested: number[] = [];

  mailSent(seconds: number): void {
    this.sent.push(seconds);
  }
  mailFailed(reason: MailFailure): void {
    this.failed.push(reason);
  }
  mailRetried(): void {
    this.retried++;
  }
  mailDigested(folded: number): void {
    this.digested.push(folded);
  }
}

/** A resolved mail with defaults for what a test does not care about. */
export function mail(overrides: Partial<Mail> = {}): Mail {
  return {
    from: 'syscorr@host',
    to: ['root'],
    cc: [],
    bcc: [],
    subject: 'alert',
    body: 'text\n',
    ...overrides,
  };
}
