import { ACTION_CODES } from './codes/actions.js';
import { CONTEXT_CODES } from './codes/context.js';
import { LEXER_CODES } from './codes/lexer.js';
import { MAIL_CODES } from './codes/mail.js';
import { OPTIONS_CODES } from './codes/options.js';
import { PATTERN_CODES } from './codes/patterns.js';
import { PERL_CODES } from './codes/perl.js';
import { REGEX_CODES } from './codes/regex.js';
import { RULE_CODES } from './codes/rules.js';
import type { CodeInfo } from './codes/types.js';

/**
 * The one registry of diagnostic codes. Each family lives in its own table under codes/;
 * docs/diagnostics.md lists them all and test/config/registry.test.ts keeps the two in sync.
 */
export const CODES = {
  ...LEXER_CODES,
  ...RULE_CODES,
  ...PATTERN_CODES,
  ...ACTION_CODES,
  ...CONTEXT_CODES,
  ...PERL_CODES,
  ...REGEX_CODES,
  ...OPTIONS_CODES,
  ...MAIL_CODES,
} as const satisfies Record<string, CodeInfo>;

export type DiagCode = keyof typeof CODES;
