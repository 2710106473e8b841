import type { Logger } from '../../actions/ports.js';
import type { MailTelemetry } from '../../metrics/telemetry.js';
import { Digest } from './digest.js';
import { DEFAULT_MAIL_LIMITS, type MailLimits, retryDelay } from './limits.js';
import { RecipientLimiter } from './rate-limit.js';
import { type Mail, MailSendError, type MailTimers, type MailTransport } from './types.js';

export interface MailerDeps {
  readonly transport: MailTransport;
  readonly logger: Logger;
  readonly telemetry: MailTelemetry;
  readonly timers: MailTimers;
  /** Wall-clock milliseconds (Date.now in the app, a manual clock in tests). */
  readonly now: () => number;
  readonly limits?: Partial<MailLimits>;
}

interface Job {
  readonly mail: Mail;
  attempts: number;
  /** When the job may be tried (ms); later than now while it waits for a retry. */
  due: number;
}

/**
 * The mail queue (docs/mail.md "Delivery"). `send` only enqueues and returns: event processing
 * never waits for SMTP. One mail is in flight at a time; a failed attempt is retried with
 * exponential backoff up to `maxAttempts`, a permanent rejection (5xx) is not retried. Beyond
 * `perRecipient` mails per window, mails to the same recipients are folded into one digest.
 * Every outcome is counted through MailTelemetry and logged with the transport's address.
 */
export class Mailer {
  readonly #deps: MailerDeps;
  readonly #limits: MailLimits;
  readonly #limiter: RecipientLimiter;
  readonly #queue: Job[] = [];
  readonly #digests = new Map<string, { digest: Digest; timer: unknown }>();
  #inFlight: Job | null = null;
  #wake: { at: number; handle: unknown } | null = null;
  #closing = false;
  #drained: (() => void) | null = null;

  constructor(deps: MailerDeps) {
    this.#deps = deps;
    this.#limits = { ...DEFAULT_MAIL_LIMITS, ...deps.limits };
    this.#limiter = new RecipientLimiter(this.#limits.perRecipient, this.#limits.windowMs);
  }

  /** Mails not yet delivered: queued, in flight, waiting for a retry, and open digests. */
  get queued(): number {
    return this.#queue.length + this.#digests.size;
  }

  /** Accepts a mail for delivery and returns at once; it never throws. */
  send(mail: Mail): void {
    if (this.#closing) {
      this.#drop(mail, 'gave_up', 'syscorr is shutting down');
      return;
    }
    const key = recipientKey(mail);
    const now = this.#deps.now();
    const open = this.#digests.get(key);
    if (open !== undefined) {
      open.digest.add(mail, now);
      return;
    }
    // A full queue drops the mail before the rate limiter counts it: a dropped mail must not use
    // up its recipient's sends for the window.
    if (this.queued >= this.#limits.queueSize) {
      this.#drop(mail, 'queue_full', `the mail queue is full (${this.#limits.queueSize})`);
      return;
    }
    if (this.#limiter.tryTake(key, now)) {
      this.#queue.push({ mail, attempts: 0, due: now });
      this.#pump();
      return;
    }
    const due = this.#limiter.nextFree(key, now);
    const timer = this.#deps.timers.setTimeout(() => this.#flushDigest(key), Math.max(0, due - now));
    this.#digests.set(key, { digest: new Digest(mail, now, this.#limits.digestMax), timer });
    this.#log(5, `Rate limit for ${mail.to.join(', ')} reached; folding mails into a digest`);
  }

  /**
   * Stops accepting mail, sends open digests, tries mails waiting for a retry once more, and
   * waits at most `timeoutMs` for the queue to drain; what is left is dropped and counted.
   */
  async close(timeoutMs: number): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    for (const key of [...this.#digests.keys()]) this.#flushDigest(key);
    const now = this.#deps.now();
    for (const job of this.#queue) job.due = Math.min(job.due, now);
    this.#pump();
    if (this.#queue.length > 0) {
      await new Promise<void>((resolve) => {
        const timer = this.#deps.timers.setTimeout(resolve, timeoutMs);
        this.#drained = () => {
          this.#deps.timers.clearTimeout(timer);
          resolve();
        };
      });
    }
    this.#drained = null;
    this.#clearWake();
    const left = this.#queue.splice(0);
    this.#inFlight = null;
    for (const job of left) this.#drop(job.mail, 'gave_up', 'not delivered before exit');
    this.#deps.transport.close();
  }

  #flushDigest(key: string): void {
    const open = this.#digests.get(key);
    if (open === undefined) return;
    this.#deps.timers.clearTimeout(open.timer);
    this.#digests.delete(key);
    const now = this.#deps.now();
    this.#limiter.take(key, now);
    this.#deps.telemetry.mailDigested(open.digest.count);
    const note = `at most ${this.#limits.perRecipient} per ${this.#limits.windowMs / 1000} s`;
    this.#queue.push({ mail: open.digest.toMail(note), attempts: 0, due: now });
    this.#pump();
  }

  /** Starts the next due job unless one is in flight; otherwise sleeps until the earliest is due. */
  #pump(): void {
    if (this.#inFlight !== null) return;
    if (this.#queue.length === 0) {
      this.#drained?.();
      return;
    }
    const now = this.#deps.now();
    const job = this.#queue.find((j) => j.due <= now);
    if (job === undefined) {
      this.#sleepUntil(Math.min(...this.#queue.map((j) => j.due)), now);
      return;
    }
    this.#inFlight = job;
    job.attempts++;
    const started = now;
    let sending: Promise<void>;
    try {
      sending = this.#deps.transport.send(job.mail);
    } catch (error) {
      sending = Promise.reject(error);
    }
    sending.then(
      () => this.#settled(job, () => this.#delivered(job, started)),
      (error: unknown) => this.#settled(job, () => this.#failed(job, error)),
    );
  }

  /** Runs the outcome of `job` unless close() has given it up meanwhile, then goes on. */
  #settled(job: Job, outcome: () => void): void {
    if (this.#inFlight !== job) return;
    this.#inFlight = null;
    outcome();
    this.#pump();
  }

  #delivered(job: Job, started: number): void {
    this.#remove(job);
    this.#deps.telemetry.mailSent(Math.max(0, this.#deps.now() - started) / 1000);
    this.#log(5, `Mail ${describe(job.mail)} delivered via ${this.#deps.transport.address}`);
  }

  #failed(job: Job, error: unknown): void {
    const permanent = error instanceof MailSendError && error.permanent;
    const reason = this.#reason(error);
    const what = `Mail ${describe(job.mail)} via ${this.#deps.transport.address}`;
    const attempt = `attempt ${job.attempts}/${this.#limits.maxAttempts}`;
    this.#deps.telemetry.mailFailed(permanent ? 'rejected' : 'transport');
    if (permanent) {
      this.#remove(job);
      this.#log(2, `${what} was rejected (${reason}); not retried`);
      return;
    }
    if (job.attempts >= this.#limits.maxAttempts || this.#closing) {
      this.#remove(job);
      this.#deps.telemetry.mailFailed('gave_up');
      this.#log(2, `${what} failed (${attempt}: ${reason}); giving up`);
      return;
    }
    const delay = retryDelay(job.attempts, this.#limits);
    job.due = this.#deps.now() + delay;
    this.#deps.telemetry.mailRetried();
    this.#log(3, `${what} failed (${attempt}: ${reason}); retrying in ${delay / 1000} s`);
  }

  #remove(job: Job): void {
    const i = this.#queue.indexOf(job);
    if (i >= 0) this.#queue.splice(i, 1);
  }

  #sleepUntil(at: number, now: number): void {
    if (this.#wake !== null && this.#wake.at <= at) return;
    this.#clearWake();
    const handle = this.#deps.timers.setTimeout(
      () => {
        this.#wake = null;
        this.#pump();
      },
      Math.max(0, at - now),
    );
    this.#wake = { at, handle };
  }

  #clearWake(): void {
    if (this.#wake === null) return;
    this.#deps.timers.clearTimeout(this.#wake.handle);
    this.#wake = null;
  }

  #drop(mail: Mail, reason: 'queue_full' | 'gave_up', why: string): void {
    this.#deps.telemetry.mailFailed(reason);
    this.#log(2, `Mail ${describe(mail)} dropped: ${why}`);
  }

  #reason(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
  }

  #log(level: 2 | 3 | 5, message: string): void {
    try {
      this.#deps.logger.log(level, message);
    } catch {}
  }
}

/** The rate-limit key: the recipient list, order and case not significant. */
function recipientKey(mail: Mail): string {
  return [...mail.to, ...mail.cc, ...mail.bcc]
    .map((a) => a.toLowerCase())
    .sort()
    .join(',');
}

function describe(mail: Mail): string {
  return `to ${mail.to.join(', ')} ('${mail.subject}')`;
}
