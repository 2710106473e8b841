import { isMailAddress } from '../mail-address.js';
import { perlRegex } from './perl-text.js';
import type { Arg, PartReader } from './reader.js';
import { type ActionSpec, rest, word } from './spec.js';

/**
 * syscorr-mail: the mail actions, a documented syscorr extension of SEC's action language
 * (docs/mail.md). Arguments follow SEC's conventions: white-space separated words, the last one
 * takes the rest of the action and defaults to `%s` (AL-default-s); a subject with spaces in
 * `mail` comes from a variable (`assign %subj VPN alert; mail root %subj %b`). Variables are
 * expanded at run time in every argument, match variables at match time (AL-match-time).
 */

/**
 * A recipient list written literally must hold addresses (SYS0901, at the bad one); a list with
 * `$` or `%` in it gets its value at run time and is not checked here.
 */
function checkRecipients(r: PartReader, arg: Arg | undefined, to: string): void {
  if (arg === undefined || to.includes('$') || to.includes('%')) return;
  let at = 0;
  for (const part of to.split(',')) {
    const offset = arg.offset + Math.max(0, arg.text.indexOf(part, at));
    at += part.length + 1;
    if (!isMailAddress(part)) {
      const what = part === '' ? 'an empty recipient' : `'${part}'`;
      r.problem('SYS0901', `${what} is not a mail address (user or user@domain)`, offset);
      return;
    }
  }
}

// syscorr-mail: `mail TO SUBJECT [BODY]`
const MAIL = perlRegex('^mail\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*\\S))?$');

const mail: ActionSpec = {
  keyword: 'mail',
  args: [word('TO'), word('SUBJECT'), rest('BODY', true)],
  parse: (r) => {
    const m = r.match(MAIL);
    if (m === null) return r.mismatch();
    const to = r.required(m[0], 'recipient');
    checkRecipients(r, m[0], to);
    const subject = r.plain(m[1]);
    return r.done({ kind: 'mail', offset: r.offset, to, subject, body: r.orDefault(m[2], '%s') });
  },
};

// syscorr-mail: `mailreport CONTEXT TO [SUBJECT]`, the event store as the body (as ACT-report)
const MAILREPORT = perlRegex('^mailreport\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*\\S))?$');

const mailreport: ActionSpec = {
  keyword: 'mailreport',
  args: [word('CONTEXT'), word('TO'), rest('SUBJECT', true)],
  parse: (r) => {
    const m = r.match(MAILREPORT);
    if (m === null) return r.mismatch();
    const context = r.required(m[0], 'context name');
    const to = r.required(m[1], 'recipient');
    checkRecipients(r, m[1], to);
    const subject = r.orDefault(m[2], '%s');
    return r.done({ kind: 'mailreport', offset: r.offset, context, to, subject });
  },
};

export const MAIL_ACTIONS: readonly ActionSpec[] = [mail, mailreport];
