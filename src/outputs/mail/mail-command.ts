import { splitAddresses } from '../../config/mail-address.js';
/**
 * Recognises the mail commands SEC rulesets pipe to (`pipe '…' /usr/bin/mail -s SUBJ rcpt`,
 * `report CTX sendmail -t`, …), from the command's words. Only the forms docs/mail.md lists are
 * recognised; an unknown option, a relative path or a missing recipient gives null, and the
 * command then runs as SEC would run it.
 */

export interface MailCommand {
  /** The program as written (`mail`, `/usr/bin/mailx`, `/usr/sbin/sendmail`). */
  readonly program: string;
  readonly kind: 'mail' | 'sendmail';
  /** `-s` of mail/mailx; null when not given (sendmail takes it from a Subject: header). */
  readonly subject: string | null;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  /** `-r` of mail/mailx, `-f`/`-r` of sendmail. */
  readonly from: string | null;
  /** sendmail -t: recipients also come from the To/Cc/Bcc headers of the piped text. */
  readonly recipientsFromHeaders: boolean;
  /** mail -E: an empty body is not sent. */
  readonly skipEmpty: boolean;
  /** sendmail -i / -oi: a line holding a single `.` does not end the input. */
  readonly ignoreDots: boolean;
}

const MAIL_PROGRAMS = new Set(['mail', 'mailx', 'bsd-mailx']);
const SENDMAIL_PROGRAMS = new Set(['sendmail']);

/** getopt(3) as glibc has it (options may follow operands; `--` ends them). */
interface Parsed {
  readonly options: readonly (readonly [string, string | null])[];
  readonly operands: readonly string[];
}

function getopt(args: readonly string[], flags: string, withArg: string): Parsed | null {
  const options: [string, string | null][] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const opt = arg[j] as string;
      if (flags.includes(opt)) {
        options.push([opt, null]);
        continue;
      }
      if (!withArg.includes(opt)) return null;
      const inline = arg.slice(j + 1);
      const value = inline !== '' ? inline : args[++i];
      if (value === undefined) return null;
      options.push([opt, value]);
      break;
    }
  }
  return { options, operands };
}

/** The program's base name when it is one we recognise: a bare name or an absolute path. */
function programName(program: string): string | null {
  if (!program.includes('/')) return program;
  if (!program.startsWith('/')) return null;
  return program.slice(program.lastIndexOf('/') + 1);
}

function optionValues(parsed: Parsed, opts: string): string[] {
  return parsed.options.filter(([o]) => opts.includes(o)).map(([, v]) => v ?? '');
}

function hasFlag(parsed: Parsed, opt: string): boolean {
  return parsed.options.some(([o]) => o === opt);
}

/** mail/mailx/bsd-mailx: `-s SUBJECT`, `-c CC`, `-b BCC`, `-r FROM`, flags `-n -N -E -i -v`, recipients. */
function mailCommand(program: string, args: readonly string[]): MailCommand | null {
  const parsed = getopt(args, 'nNEiv', 'scbr');
  if (parsed === null) return null;
  const to = splitAddresses(parsed.operands);
  const cc = splitAddresses(optionValues(parsed, 'c'));
  const bcc = splitAddresses(optionValues(parsed, 'b'));
  const from = splitAddresses(optionValues(parsed, 'r'));
  if (to === null || cc === null || bcc === null || from === null || from.length > 1) return null;
  if (to.length === 0) return null;
  return {
    program,
    kind: 'mail',
    subject: optionValues(parsed, 's').at(-1) ?? null,
    to,
    cc,
    bcc,
    from: from[0] ?? null,
    recipientsFromHeaders: false,
    skipEmpty: hasFlag(parsed, 'E'),
    ignoreDots: true,
  };
}

/** sendmail: `-t`, `-i`, `-oi`, `-f FROM`, `-r FROM`, `-F NAME`, recipients. */
function sendmailCommand(program: string, args: readonly string[]): MailCommand | null {
  const parsed = getopt(args, 'ti', 'frFo');
  if (parsed === null) return null;
  if (optionValues(parsed, 'o').some((v) => v !== 'i')) return null;
  const to = splitAddresses(parsed.operands);
  const from = splitAddresses(optionValues(parsed, 'fr'));
  if (to === null || from === null || from.length > 1) return null;
  const recipientsFromHeaders = hasFlag(parsed, 't');
  if (to.length === 0 && !recipientsFromHeaders) return null;
  return {
    program,
    kind: 'sendmail',
    subject: null,
    to,
    cc: [],
    bcc: [],
    from: from[0] ?? null,
    recipientsFromHeaders,
    skipEmpty: false,
    ignoreDots: hasFlag(parsed, 'i') || optionValues(parsed, 'o').length > 0,
  };
}

/** The mail command `argv` runs, or null when it is not one of the recognised forms. */
export function parseMailCommand(argv: readonly string[]): MailCommand | null {
  const [program, ...args] = argv;
  if (program === undefined) return null;
  const name = programName(program);
  if (name === null) return null;
  if (MAIL_PROGRAMS.has(name)) return mailCommand(program, args);
  if (SENDMAIL_PROGRAMS.has(name)) return sendmailCommand(program, args);
  return null;
}
