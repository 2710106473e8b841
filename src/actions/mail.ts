import type { Command } from './ports.js';
import { reportText } from './report-text.js';
import { type HandlerTable, LOG, type RunContext } from './run-context.js';

/**
 * syscorr-mail (docs/mail.md): the mail extension actions and the interception of SEC's mail
 * idioms. Both only hand the mail to the MailPort, which queues it: a slow or dead SMTP server
 * never holds up the action list. Every argument is expanded at run time (ALV-*), match
 * variables were substituted at match time (AL-match-time).
 */
export const MAIL_HANDLERS = {
  // `mail TO SUBJECT [BODY]`
  mail: (a, cx) => {
    const to = cx.expand(a, a.to);
    const subject = cx.expand(a, a.subject);
    const body = cx.expand(a, a.body);
    cx.log(LOG.info, `Mailing '${subject}' to ${to}`);
    sendMail(cx, { to: [to], subject, body });
    return 1;
  },
  // `mailreport CONTEXT TO [SUBJECT]`: the event store as ACT-report would pipe it, one line each;
  // nothing is sent for a missing or empty context, as report runs nothing then.
  mailreport: (a, cx) => {
    const context = cx.expand(a, a.context);
    const to = cx.expand(a, a.to);
    const subject = cx.expand(a, a.subject);
    cx.log(LOG.info, `Mailing the event store of context '${context}' to ${to}`);
    const body = reportText(context, cx);
    if (body !== null) sendMail(cx, { to: [to], subject, body });
    return 1;
  },
} as const satisfies HandlerTable<'mail' | 'mailreport'>;

function sendMail(cx: RunContext, mail: { to: string[]; subject: string; body: string }): void {
  if (cx.ports.mail === undefined) {
    cx.log(
      LOG.err,
      `No mail output is available, mail '${mail.subject}' to ${mail.to.join(', ')} is dropped`,
    );
    return;
  }
  cx.ports.mail.send(mail);
}

/**
 * ACT-pipe, ACT-report and their *exec forms: `data` goes to `command`'s stdin, unless the
 * command is one of SEC's mail idioms that the mail output takes over (docs/mail.md): then the
 * same text is delivered as mail and no process is started.
 */
export function pipeOrMail(cx: RunContext, command: Command | null, data: string): void {
  if (command !== null && cx.ports.mail?.deliverCommand(command, data) === true) return;
  cx.ports.processes.pipe(command, data);
}
