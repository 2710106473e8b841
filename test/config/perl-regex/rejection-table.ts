/**
 * Patterns the translator must reject with a LocalProblem (code and 0-based offset of the offending
 * construct). INVALID: Perl 5.36 itself refuses them, so SEC makes the rule invalid (PT-regexp).
 * UNTRANSLATABLE: valid Perl (unless `perlAccepts` is false) with no faithful JS translation
 * (HP-re-misc, HP-re-escapes, HP-re-inline). perl-agreement.test.ts checks the Perl side of both.
 */
export interface RejectionRow {
  readonly pattern: string;
  readonly code: string;
  readonly offset: number;
  /** A fragment the message must contain (it names the construct). */
  readonly mentions: string;
  /** For UNTRANSLATABLE rows: false when Perl also refuses the pattern in `qr/$pat/`. */
  readonly perlAccepts?: boolean;
}

export const INVALID: readonly RejectionRow[] = [
  { pattern: '(a', code: 'SYS0501', offset: 0, mentions: "unmatched '('" },
  { pattern: 'a)', code: 'SYS0501', offset: 1, mentions: "unmatched ')'" },
  { pattern: 'x[a', code: 'SYS0501', offset: 1, mentions: "unmatched '['" },
  { pattern: 'x[]', code: 'SYS0501', offset: 1, mentions: "unmatched '['" },
  { pattern: 'ab(?i', code: 'SYS0501', offset: 2, mentions: 'not terminated' },
  { pattern: 'a(?#x', code: 'SYS0501', offset: 1, mentions: '(?#' },
  { pattern: '(?<n>a', code: 'SYS0501', offset: 0, mentions: "unmatched '('" },
  { pattern: '(?<n', code: 'SYS0501', offset: 0, mentions: 'not terminated' },
  { pattern: '(?', code: 'SYS0501', offset: 0, mentions: 'incomplete' },
  { pattern: '*a', code: 'SYS0502', offset: 0, mentions: 'quantifier follows nothing' },
  { pattern: 'a|*b', code: 'SYS0502', offset: 2, mentions: 'quantifier follows nothing' },
  { pattern: '(?i)*a', code: 'SYS0502', offset: 4, mentions: 'quantifier follows nothing' },
  { pattern: '(+a)', code: 'SYS0502', offset: 1, mentions: 'quantifier follows nothing' },
  { pattern: 'a**', code: 'SYS0502', offset: 2, mentions: 'nested quantifiers' },
  { pattern: 'a{1}{2}', code: 'SYS0502', offset: 4, mentions: 'nested quantifiers' },
  { pattern: 'a*?+', code: 'SYS0502', offset: 3, mentions: 'nested quantifiers' },
  { pattern: 'a{70000}', code: 'SYS0502', offset: 1, mentions: '65534' },
  { pattern: 'a{01}', code: 'SYS0502', offset: 1, mentions: 'invalid quantifier' },
  { pattern: '(a)\\2', code: 'SYS0503', offset: 3, mentions: 'nonexistent group 2' },
  { pattern: 'x\\8', code: 'SYS0503', offset: 1, mentions: 'nonexistent group 8' },
  { pattern: '\\81', code: 'SYS0503', offset: 0, mentions: 'nonexistent group 81' },
  { pattern: '(a)\\g{0}', code: 'SYS0503', offset: 3, mentions: 'group 0' },
  { pattern: '(a)\\g0', code: 'SYS0503', offset: 3, mentions: 'group 0' },
  { pattern: '\\g{-1}(a)', code: 'SYS0503', offset: 0, mentions: 'nonexistent group' },
  { pattern: '(?<n>a)\\k<m>', code: 'SYS0503', offset: 7, mentions: "named group 'm'" },
  { pattern: '(?z)', code: 'SYS0504', offset: 2, mentions: 'not recognized' },
  { pattern: 'a(*a)', code: 'SYS0504', offset: 1, mentions: "'(*...)'" },
  { pattern: '(?<1n>a)', code: 'SYS0504', offset: 3, mentions: 'non-digit word character' },
  { pattern: '(?^-i)a', code: 'SYS0504', offset: 3, mentions: 'not recognized' },
  { pattern: '(?au)a', code: 'SYS0504', offset: 3, mentions: 'mutually exclusive' },
  { pattern: '(?-u)a', code: 'SYS0504', offset: 3, mentions: "after the '-'" },
  { pattern: '\\', code: 'SYS0505', offset: 0, mentions: "trailing '\\'" },
  { pattern: 'ab\\', code: 'SYS0505', offset: 2, mentions: "trailing '\\'" },
  { pattern: 'a\\c', code: 'SYS0505', offset: 1, mentions: '\\c' },
  { pattern: '\\c{', code: 'SYS0505', offset: 0, mentions: '\\c{' },
  { pattern: 'a\\o', code: 'SYS0505', offset: 1, mentions: '\\o' },
  { pattern: '\\o{}', code: 'SYS0505', offset: 0, mentions: '\\o{}' },
  { pattern: 'x\\x{41', code: 'SYS0505', offset: 1, mentions: 'missing right brace' },
  { pattern: '\\p', code: 'SYS0505', offset: 0, mentions: '\\p' },
  { pattern: 'a\\p{Foo}', code: 'SYS0505', offset: 1, mentions: '\\p{Foo}' },
  { pattern: 'a\\C', code: 'SYS0505', offset: 1, mentions: '\\C' },
  { pattern: '\\g', code: 'SYS0505', offset: 0, mentions: '\\g' },
  { pattern: 'a\\k', code: 'SYS0505', offset: 1, mentions: '\\k' },
  { pattern: '\\b{x}', code: 'SYS0505', offset: 0, mentions: 'unknown boundary' },
  { pattern: 'a[\\N]', code: 'SYS0505', offset: 2, mentions: '\\N' },
  { pattern: '\\N{U+4G}', code: 'SYS0505', offset: 0, mentions: 'hexadecimal' },
  { pattern: 'x[z-a]', code: 'SYS0506', offset: 2, mentions: "invalid range 'z-a'" },
  { pattern: '[[:foo:]]', code: 'SYS0506', offset: 1, mentions: '[:foo:]' },
  { pattern: '[[=a=]]', code: 'SYS0506', offset: 1, mentions: 'reserved' },
  { pattern: '[[.a.]]', code: 'SYS0506', offset: 1, mentions: 'reserved' },
  { pattern: 'x\\d{', code: 'SYS0506', offset: 3, mentions: 'left brace' },
  { pattern: '\\s{a}', code: 'SYS0506', offset: 2, mentions: 'left brace' },
  { pattern: '(?<=a+)b', code: 'SYS0507', offset: 0, mentions: 'lookbehind' },
  { pattern: 'x(?<!a{1,256})b', code: 'SYS0507', offset: 1, mentions: 'lookbehind' },
  { pattern: '(a)(?<=\\1)', code: 'SYS0507', offset: 3, mentions: 'lookbehind' },
  { pattern: '(?=\\Ka)a', code: 'SYS0507', offset: 3, mentions: '\\K' },
];

export const UNTRANSLATABLE: readonly RejectionRow[] = [
  {
    pattern: 'a(?{ 1 })',
    code: 'SYS0511',
    offset: 1,
    mentions: "'(?{...})' (embedded Perl code)",
    perlAccepts: false,
  },
  { pattern: '(??{ "a" })', code: 'SYS0511', offset: 0, mentions: "'(??{...})'", perlAccepts: false },
  { pattern: 'a|(?R)', code: 'SYS0512', offset: 2, mentions: "recursion '(?R)'" },
  { pattern: '(a)(?1)', code: 'SYS0512', offset: 3, mentions: "recursion '(?1)'" },
  { pattern: '(?+1)(a)', code: 'SYS0512', offset: 0, mentions: "recursion '(?+1)'" },
  { pattern: '(a)(?-1)', code: 'SYS0512', offset: 3, mentions: "recursion '(?-1)'" },
  { pattern: '(?&n)(?<n>a)', code: 'SYS0512', offset: 0, mentions: "recursion '(?&n)'" },
  { pattern: '(?<n>a)(?P>n)', code: 'SYS0512', offset: 7, mentions: "recursion '(?P>n)'" },
  { pattern: '(a)?(?(1)b|c)', code: 'SYS0513', offset: 4, mentions: 'conditional' },
  { pattern: '(?|(a)|(b))', code: 'SYS0514', offset: 0, mentions: 'branch reset' },
  { pattern: '(*ACCEPT)a', code: 'SYS0516', offset: 0, mentions: '(*ACCEPT)' },
  { pattern: 'a(*PRUNE)b', code: 'SYS0516', offset: 1, mentions: '(*PRUNE)' },
  { pattern: 'a(*SKIP)b', code: 'SYS0516', offset: 1, mentions: '(*SKIP)' },
  { pattern: 'a(*COMMIT)', code: 'SYS0516', offset: 1, mentions: '(*COMMIT)' },
  { pattern: 'a(*THEN)|b', code: 'SYS0516', offset: 1, mentions: '(*THEN)' },
  { pattern: '(*MARK:x)a', code: 'SYS0516', offset: 0, mentions: '(*MARK)' },
  { pattern: 'x(*:x)a', code: 'SYS0516', offset: 1, mentions: '(*:NAME)' },
  {
    pattern: 'a\\N{LATIN SMALL LETTER A}',
    code: 'SYS0517',
    offset: 1,
    mentions: '\\N{LATIN SMALL LETTER A}',
  },
  { pattern: 'x\\b{wb}', code: 'SYS0517', offset: 1, mentions: '\\b{wb}' },
  { pattern: 'x\\B{gcb}', code: 'SYS0517', offset: 1, mentions: '\\B{gcb}' },
  { pattern: '\\p{InLatin1}', code: 'SYS0517', offset: 0, mentions: '\\p{InLatin1}' },
  { pattern: 'a\\p{Block=Basic_Latin}', code: 'SYS0517', offset: 1, mentions: '\\p{Block=Basic_Latin}' },
  { pattern: 'a(?[ \\w ])', code: 'SYS0517', offset: 1, mentions: '(?[...])' },
  { pattern: '(*sr:a)', code: 'SYS0517', offset: 0, mentions: 'script run' },
  { pattern: '(?l)\\w', code: 'SYS0517', offset: 2, mentions: '(?l)' },
  { pattern: '(?i)(\\xE9)\\1', code: 'SYS0518', offset: 10, mentions: 'back-reference' },
  { pattern: 'a(?i)(b)\\1', code: 'SYS0518', offset: 8, mentions: 'back-reference' },
];

/**
 * Accepted, as Perl and SEC accept them, but with warning SYS0515: `\\Q \\E \\L \\U \\l \\u \\F` are not
 * escapes in a pattern read from a rule file; Perl passes the letter through (conformance table:
 * `\\Qa.b\\E` matches "QaxbE").
 */
export const WARNED: readonly RejectionRow[] = [
  { pattern: 'a\\Qb.c\\E', code: 'SYS0515', offset: 1, mentions: "'\\Q'" },
  { pattern: 'x\\E', code: 'SYS0515', offset: 1, mentions: "'\\E'" },
  { pattern: '\\Lab', code: 'SYS0515', offset: 0, mentions: "'\\L'" },
  { pattern: 'a\\Ub', code: 'SYS0515', offset: 1, mentions: "'\\U'" },
  { pattern: 'a\\lb', code: 'SYS0515', offset: 1, mentions: "'\\l'" },
  { pattern: 'a\\ub', code: 'SYS0515', offset: 1, mentions: "'\\u'" },
  { pattern: 'a\\Fb', code: 'SYS0515', offset: 1, mentions: "'\\F'" },
  { pattern: 'a[\\Q]', code: 'SYS0515', offset: 2, mentions: "'\\Q'" },
];
