/**
 * The Mailer's bounds (docs/mail.md "Delivery"): how many mails may wait, how often and how long
 * a failing send is retried, and how many mails one recipient gets before the rest are folded
 * into a digest. Every bound exists so that a mail storm or a dead SMTP server costs bounded
 * memory and never slows event processing.
 */
export interface MailLimits {
  /** Mails waiting for delivery (retries and open digests included); beyond it, new mails are dropped. */
  readonly queueSize: number;
  /** Attempts per mail, the first included; then the mail is given up. */
  readonly maxAttempts: number;
  /** The wait before the first retry; it doubles for every further retry … */
  readonly retryBaseMs: number;
  /** … up to this. */
  readonly retryMaxMs: number;
  /** At most this many mails per recipient list within `windowMs` … */
  readonly perRecipient: number;
  readonly windowMs: number;
  /** … the rest go into one digest, which lists at most this many of them in full. */
  readonly digestMax: number;
}

export const DEFAULT_MAIL_LIMITS: MailLimits = Object.freeze({
  queueSize: 1000,
  maxAttempts: 8,
  retryBaseMs: 1000,
  retryMaxMs: 300_000,
  perRecipient: 5,
  windowMs: 300_000,
  digestMax: 50,
});

/** Exponential backoff: the wait after failed attempt number `attempt` (1-based): 1 s, 2 s, 4 s … capped. */
export function retryDelay(attempt: number, limits: MailLimits): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(limits.retryMaxMs, limits.retryBaseMs * 2 ** Math.min(exponent, 30));
}
