import { createTransport } from 'nodemailer';
import type { SmtpConfig } from './smtp-url.js';
import { smtpAddress } from './smtp-url.js';
import { type Mail, MailSendError, type MailTransport } from './types.js';

/**
 * Timeouts short enough that a dead server is noticed in seconds, not nodemailer's minutes;
 * the Mailer's retries cover a server that is briefly away.
 */
export const SMTP_TIMEOUTS = Object.freeze({
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
  dnsTimeout: 10_000,
});

/** Error codes of nodemailer that no retry can fix (a malformed message or envelope). */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'ECONFIG']);

interface SendError {
  readonly message?: unknown;
  readonly code?: unknown;
  readonly permanent?: unknown;
  readonly responseCode?: unknown;
}

/**
 * SMTP through nodemailer (docs/mail.md): smtps = implicit TLS; smtp = STARTTLS whenever the
 * server offers it (or required with `requireTLS=true`). One connection per mail, no pool: alert
 * mail is rare, and a fresh connection recovers from a server restart by itself. close() aborts
 * a send in flight, so exit is never held up by a hanging server.
 */
export class SmtpTransport implements MailTransport {
  readonly address: string;
  readonly #config: SmtpConfig;
  readonly #mailer: ReturnType<typeof createTransport>;
  readonly #abort = new AbortController();

  constructor(config: SmtpConfig) {
    this.#config = config;
    this.address = smtpAddress(config);
    this.#mailer = createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      requireTLS: config.requireTLS,
      ...(config.user === null ? {} : { auth: { user: config.user, pass: config.pass ?? '' } }),
      tls: {
        rejectUnauthorized: config.rejectUnauthorized,
        ...(config.servername === null ? {} : { servername: config.servername }),
      },
      ...SMTP_TIMEOUTS,
    });
  }

  async send(mail: Mail): Promise<void> {
    try {
      const info = await this.#mailer.sendMail({
        from: mail.from,
        to: [...mail.to],
        ...(mail.cc.length > 0 ? { cc: [...mail.cc] } : {}),
        ...(mail.bcc.length > 0 ? { bcc: [...mail.bcc] } : {}),
        subject: mail.subject,
        text: mail.body,
        signal: this.#abort.signal,
      });
      const rejected: unknown[] = Array.isArray(info.rejected) ? info.rejected : [];
      if (rejected.length > 0 && rejected.length >= mail.to.length + mail.cc.length + mail.bcc.length)
        throw new MailSendError(`every recipient was rejected: ${rejected.join(', ')}`, true);
    } catch (error) {
      if (error instanceof MailSendError) throw error;
      throw this.#classify(error as SendError);
    }
  }

  close(): void {
    this.#abort.abort();
    this.#mailer.close();
  }

  /** A 5xx reply (nodemailer's `permanent`) or a malformed message is not retried. */
  #classify(error: SendError): MailSendError {
    const code = typeof error.code === 'string' ? error.code : '';
    const reply = typeof error.responseCode === 'number' ? error.responseCode : null;
    const permanent = error.permanent === true || (reply === null && PERMANENT_CODES.has(code));
    const text = typeof error.message === 'string' ? error.message : String(error);
    return new MailSendError(this.#scrub(code === '' ? text : `${code}: ${text}`), permanent);
  }

  /** Nodemailer's messages should not hold the password, but a log line must never show it. */
  #scrub(text: string): string {
    const pass = this.#config.pass;
    return pass === null || pass === '' ? text : text.split(pass).join('***');
  }
}
