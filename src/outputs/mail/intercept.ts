import type { MailMessage } from '../../actions/ports.js';
import { headerAddresses, splitMessage } from './headers.js';
import type { MailCommand } from './mail-command.js';

/**
 * The mail a recognised mail command would have sent with `data` on its stdin (docs/mail.md
 * "SEC's mail idioms"). mail/mailx: the subject and recipients from the command line and `data`
 * as the body, unchanged. sendmail: the headers at the start of `data` give Subject and From
 * (and with `-t` the To/Cc/Bcc recipients, added to those on the command line); the rest is the
 * body, cut at a line holding a single `.` unless `-i`/`-oi` was given, as sendmail cuts it.
 * Returns null when there is nothing to send (mail -E with an empty body, sendmail -t without
 * any recipient).
 */
export function commandMail(cmd: MailCommand, data: string): MailMessage | null {
  if (cmd.kind === 'mail') {
    if (cmd.skipEmpty && data.trim() === '') return null;
    return { to: cmd.to, cc: cmd.cc, bcc: cmd.bcc, subject: cmd.subject ?? '', body: data, from: cmd.from };
  }
  const { headers, body } = splitMessage(cmd.ignoreDots ? data : cutAtDot(data));
  const list = (name: string): string[] => (headers.get(name) ?? []).flatMap(headerAddresses);
  const fromHeaders = cmd.recipientsFromHeaders;
  const to = [...cmd.to, ...(fromHeaders ? list('to') : [])];
  const cc = fromHeaders ? list('cc') : [];
  const bcc = fromHeaders ? list('bcc') : [];
  if (to.length + cc.length + bcc.length === 0) return null;
  return {
    to,
    cc,
    bcc,
    subject: headers.get('subject')?.[0] ?? '',
    body,
    from: cmd.from ?? list('from')[0] ?? null,
  };
}

/** sendmail without -i ends its input at a line that is a single `.`. */
function cutAtDot(data: string): string {
  const m = /(^|\n)\.\r?(\n|$)/.exec(data);
  return m === null ? data : data.slice(0, m.index + m[1]!.length);
}
