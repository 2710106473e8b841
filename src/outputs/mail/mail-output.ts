import type { Command, Logger, MailMessage, MailPort } from '../../actions/ports.js';
import { commandMail } from './intercept.js';
import { parseMailCommand } from './mail-command.js';
import { splitShellWords } from './shell-words.js';
import type { Mail } from './types.js';

export interface MailOutputDeps {
  /** Where resolved mails go (the Mailer). */
  readonly mailer: { send(mail: Mail): void };
  readonly logger: Logger;
  /** --mail-from (or its default). */
  readonly from: string;
  /** --mail-to (or its default `root`): recipients of a mail that names none. */
  readonly to: readonly string[];
  /** --mail-to was given (option or environment): it then also replaces local recipients such as `root`. */
  readonly toExplicit: boolean;
  /** An SMTP server is configured: every recognised mail command is delivered through it. */
  readonly smtp: boolean;
  /** Whether a mail command's program would be found; a missing one is intercepted even without SMTP. */
  readonly programExists: (program: string) => boolean;
}

/**
 * The MailPort (syscorr-mail): resolves the addresses of what the mail actions and SEC's mail
 * idioms hand over, and passes the mail to the Mailer. Deciding whether a `pipe`/`report`
 * command is intercepted happens here, so that the action runner only asks.
 */
export class MailOutput implements MailPort {
  readonly #deps: MailOutputDeps;

  constructor(deps: MailOutputDeps) {
    this.#deps = deps;
  }

  send(message: MailMessage): void {
    const to = this.#recipients(message.to);
    this.#deps.mailer.send({
      from: oneLine(message.from ?? '') || this.#deps.from,
      to: to.length > 0 ? to : [...this.#deps.to],
      cc: this.#recipients(message.cc ?? []),
      bcc: this.#recipients(message.bcc ?? []),
      // A subject is one header line: line breaks from event text must not start new headers.
      subject: oneLine(message.subject),
      body: message.body,
    });
  }

  deliverCommand(command: Command, data: string): boolean {
    const words = 'argv' in command ? command.argv : splitShellWords(command.shell);
    if (words === null) return false;
    const cmd = parseMailCommand(words);
    if (cmd === null) return false;
    const missing = !this.#deps.programExists(cmd.program);
    if (!this.#deps.smtp && !missing) return false;
    const why = this.#deps.smtp ? 'an SMTP server is configured' : `'${cmd.program}' is not installed`;
    const message = commandMail(cmd, data);
    if (message === null) {
      this.#log(5, `Mail command '${cmd.program}' has nothing to send (${why}); not run`);
      return true;
    }
    this.#log(5, `Delivering the input of mail command '${cmd.program}' through the mailer (${why})`);
    this.send(message);
    return true;
  }

  /** Comma lists split; local names (no `@`) become --mail-to when it was given; duplicates go. */
  #recipients(list: readonly string[]): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const item of list) {
      for (const part of item.split(',')) {
        const address = oneLine(part).trim();
        if (address === '') continue;
        const resolved = !address.includes('@') && this.#deps.toExplicit ? this.#deps.to : [address];
        for (const r of resolved) {
          if (seen.has(r.toLowerCase())) continue;
          seen.add(r.toLowerCase());
          out.push(r);
        }
      }
    }
    return out;
  }

  #log(level: 5, message: string): void {
    try {
      this.#deps.logger.log(level, message);
    } catch {}
  }
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
