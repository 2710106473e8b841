import type { CodeTable } from './types.js';

/**
 * SYS05xx: RegExp/NRegExp patterns (and Pair pattern2, egpattern). SEC compiles them with Perl's
 * `qr/$pat/`; syscorr translates them to JavaScript (src/config/perl-regex). SYS0501..SYS0509 are
 * patterns Perl itself rejects (SEC makes the rule invalid, PT-regexp); SYS0511..SYS0519 are valid
 * Perl that cannot be translated faithfully, so the rule is rejected instead of silently misbehaving,
 * except SYS0515, a warning about escapes Perl accepts as literal letters.
 */
export const REGEX_CODES = {
  SYS0501: {
    severity: 'error',
    summary: "invalid regex: unbalanced '(', ')' or '[', or an unterminated (?...) sequence",
  },
  SYS0502: {
    severity: 'error',
    summary: 'invalid regex: quantifier follows nothing, nested quantifiers, or a bad or too large {n,m}',
  },
  SYS0503: {
    severity: 'error',
    summary: 'invalid regex: reference to a nonexistent or invalid capture group',
  },
  SYS0504: {
    severity: 'error',
    summary: 'invalid regex: unknown (?...) or (*...) sequence, bad group name or bad inline modifier',
  },
  SYS0505: {
    severity: 'error',
    summary:
      "invalid regex: malformed escape sequence (trailing '\\', '\\c', '\\o', '\\p', '\\g', '\\k', '\\C')",
  },
  SYS0506: {
    severity: 'error',
    summary: 'invalid regex: bad character class (invalid range, unknown POSIX class, unescaped {)',
  },
  SYS0507: {
    severity: 'error',
    summary: "invalid regex: lookbehind longer than 255 characters or unbounded, or '\\K' in a lookaround",
  },
  SYS0511: {
    severity: 'error',
    summary: "regex construct '(?{...})' or '(??{...})' (embedded Perl code) is not supported",
  },
  SYS0512: {
    severity: 'error',
    summary: "regex recursion '(?R)', '(?N)', '(?&name)' or '(?P>name)' cannot be translated",
  },
  SYS0513: {
    severity: 'error',
    summary: "regex conditional '(?(cond)yes|no)' cannot be translated",
  },
  SYS0514: {
    severity: 'error',
    summary: "regex branch reset '(?|...)' cannot be translated",
  },
  SYS0515: {
    severity: 'warning',
    summary:
      "'\\Q', '\\E', '\\L', '\\U', '\\l', '\\u' or '\\F' in a regex matches the literal letter (Perl passes it through)",
  },
  SYS0516: {
    severity: 'error',
    summary:
      "regex backtracking control verb such as '(*ACCEPT)', '(*PRUNE)' or '(*SKIP)' cannot be translated",
  },
  SYS0517: {
    severity: 'error',
    summary:
      "regex construct with no byte-string equivalent: '\\N{name}', '\\b{wb}', '\\p{Block}', '(?[...])', script runs, '(?l)'",
  },
  SYS0518: {
    severity: 'error',
    summary: "case-insensitive backreference in a regex whose '(?i)' does not cover the whole pattern",
  },
  SYS0519: {
    severity: 'error',
    summary:
      'internal error: the translated regex was rejected by JavaScript (a translator bug; please report it)',
  },
} as const satisfies CodeTable;
