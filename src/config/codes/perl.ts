import type { CodeTable } from './types.js';

/** SYS08xx: Perl code in rules. SEC runs it; syscorr parses it and rejects the rule (HP-perl-default). */
export const PERL_CODES = {
  SYS0801: {
    severity: 'error',
    summary: 'PerlFunc/NPerlFunc pattern (or egptype): Perl code is not supported yet',
  },
  SYS0802: {
    severity: 'error',
    summary: "context expression operand '->', ':>' or '=' runs Perl code, which is not supported yet",
  },
  SYS0803: {
    severity: 'error',
    summary: "action 'eval', 'call' or 'lcall' runs Perl code, which is not supported yet",
  },
} as const satisfies CodeTable;
