import { splitAddresses } from '../../config/mail-address.js';
import { parseSmtpUrl, type SmtpConfig } from './smtp-url.js';

/** What the mail output is built from (docs/mail.md "Configuration"). */
export interface MailSettings {
  /** null: no SMTP server, mail goes to the log. */
  readonly smtp: SmtpConfig | null;
  readonly from: string;
  readonly to: readonly string[];
  /** --mail-to or SYSCORR_MAIL_TO was given (it then replaces local recipients such as `root`). */
  readonly toExplicit: boolean;
}

/** The option values that concern mail (already revalidated by src/cli). */
export interface MailOptions {
  readonly smtp: string | null;
  readonly mailFrom: string | null;
  readonly mailTo: string | null;
}

export interface MailConfigDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads SYSCORR_SMTP_URL_FILE; throws when it cannot. */
  readonly readFile: (path: string) => string;
  readonly hostname: () => string;
}

function given(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}

/** The SMTP URL by precedence: --smtp, then SYSCORR_SMTP_URL, then the file SYSCORR_SMTP_URL_FILE names. */
function smtpSetting(options: MailOptions, deps: MailConfigDeps, problems: string[]): SmtpConfig | null {
  let source: string;
  let url: string;
  const option = given(options.smtp);
  const env = given(deps.env.SYSCORR_SMTP_URL);
  const file = given(deps.env.SYSCORR_SMTP_URL_FILE);
  if (option !== null) {
    [source, url] = ['--smtp', option];
  } else if (env !== null) {
    [source, url] = ['SYSCORR_SMTP_URL', env];
  } else if (file !== null) {
    source = `SYSCORR_SMTP_URL_FILE (${file})`;
    try {
      url = deps.readFile(file).replace(/\r?\n$/, '');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push(`can't read ${source}: ${reason}; mail goes to the log`);
      return null;
    }
  } else {
    return null;
  }
  const parsed = parseSmtpUrl(url);
  if (parsed.ok) return parsed.config;
  problems.push(`${source} is not a usable smtp:// or smtps:// URL (${parsed.error}); mail goes to the log`);
  return null;
}

function addressSetting(
  name: string,
  value: string | null,
  fallback: string,
  problems: string[],
): { list: string[]; explicit: boolean } {
  if (value === null) return { list: [fallback], explicit: false };
  const list = splitAddresses([value]);
  if (list !== null && list.length > 0) return { list, explicit: true };
  problems.push(`${name} '${value}' is not an address (user or user@domain); using '${fallback}'`);
  return { list: [fallback], explicit: false };
}

/**
 * The mail settings from the options and the environment. Never throws: a problem (a bad URL,
 * an unreadable secret file, a malformed address) is described in `problems`, which never
 * repeat a URL (it may hold a password), and the setting falls back to its default.
 */
export function resolveMailSettings(
  options: MailOptions,
  deps: MailConfigDeps,
): { settings: MailSettings; problems: string[] } {
  const problems: string[] = [];
  const smtp = smtpSetting(options, deps, problems);
  const fromValue = given(options.mailFrom) ?? given(deps.env.SYSCORR_MAIL_FROM);
  const fromName = options.mailFrom !== null ? '--mail-from' : 'SYSCORR_MAIL_FROM';
  const from = addressSetting(fromName, fromValue, `syscorr@${deps.hostname()}`, problems);
  if (from.list.length > 1) problems.push(`${fromName} names several addresses; the first is used`);
  const toValue = given(options.mailTo) ?? given(deps.env.SYSCORR_MAIL_TO);
  const toName = options.mailTo !== null ? '--mail-to' : 'SYSCORR_MAIL_TO';
  const to = addressSetting(toName, toValue, 'root', problems);
  return {
    settings: { smtp, from: from.list[0] as string, to: to.list, toExplicit: to.explicit },
    problems,
  };
}
