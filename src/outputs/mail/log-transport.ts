import type { Logger } from '../../actions/ports.js';
import type { Mail, MailTransport } from './types.js';

/**
 * The transport used when no SMTP server is configured ("mail to the log", docs/mail.md): each
 * mail becomes a block of notice-level (4) log lines, a header line naming sender, recipients and
 * subject, then one `mail| ` line per body line, so nothing a rule sends is lost and a log
 * reader can tell where one mail ends.
 */
export class LogTransport implements MailTransport {
  readonly address = 'log';
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  send(mail: Mail): Promise<void> {
    const rcpt = [
      `to ${mail.to.join(', ')}`,
      ...(mail.cc.length > 0 ? [`cc ${mail.cc.join(', ')}`] : []),
      ...(mail.bcc.length > 0 ? [`bcc ${mail.bcc.join(', ')}`] : []),
    ].join(' ');
    this.#logger.log(
      4,
      `Mail from ${mail.from} ${rcpt}, subject '${mail.subject}' (no SMTP server configured):`,
    );
    const body = mail.body.endsWith('\n') ? mail.body.slice(0, -1) : mail.body;
    for (const line of body.split('\n')) this.#logger.log(4, `mail| ${line}`);
    return Promise.resolve();
  }

  close(): void {}
}
