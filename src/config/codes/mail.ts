import type { CodeTable } from './types.js';

/**
 * SYS09xx: the mail extension of the action language (syscorr-mail, docs/mail.md): problems of
 * the `mail` and `mailreport` actions that can be seen at load. Like SYS03xx, each rejects the
 * rule. Missing or extra arguments are the generic SYS0304 / SYS0305.
 */
export const MAIL_CODES = {
  SYS0901: {
    severity: 'error',
    summary: "mail/mailreport recipient is not an address ('user' or 'user@domain', comma-separated)",
  },
} as const satisfies CodeTable;
