/**
 * The shapes the mail output works with (docs/mail.md). A transport delivers one resolved mail
 * per call and says whether a failure is worth retrying; the Mailer owns queueing, retries and
 * rate limits, so a transport stays a thin adapter (nodemailer's transport contract).
 */

/** A mail ready to go: every address resolved (--mail-from, --mail-to applied). */
export interface Mail {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly subject: string;
  readonly body: string;
}

export interface MailTransport {
  /** Where mail goes, for log lines (`smtp://alerts@mail.example.com:587`, `log`): never a password. */
  readonly address: string;
  /** Resolves once the server accepted the mail; rejects with a MailSendError. */
  send(mail: Mail): Promise<void>;
  /** Ends connections and aborts a send in flight. */
  close(): void;
}

/** A failed send; `permanent` (an SMTP 5xx) means a retry cannot help. */
export class MailSendError extends Error {
  readonly permanent: boolean;

  constructor(message: string, permanent: boolean) {
    super(message);
    this.name = 'MailSendError';
    this.permanent = permanent;
  }
}

/** The timers the Mailer uses; the composition root passes Node's, tests a manual scheduler. */
export interface MailTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's timers, unref'd so pending retries never keep the process alive on their own. */
export const SYSTEM_TIMERS: MailTimers = Object.freeze({
  setTimeout: (fn: () => void, ms: number): unknown => setTimeout(fn, ms).unref(),
  clearTimeout: (handle: unknown): void => clearTimeout(handle as NodeJS.Timeout),
});
