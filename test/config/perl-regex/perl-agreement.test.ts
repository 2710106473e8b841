import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { describeWithProgram } from '../../support/external.js';
import { CONFORMANCE } from './conformance-table.js';
import { INVALID, UNTRANSLATABLE, WARNED } from './rejection-table.js';

/**
 * Compiles each pattern exactly as SEC does (`eval { qr/$pat/ }`) on byte strings, and reports the
 * match as $1..$n (undef for groups that did not take part) plus %+, or the compile error.
 */
const PERL_SCRIPT = String.raw`
use strict; no warnings; use JSON::PP;
local $/; my $rows = JSON::PP->new->decode(<STDIN>);
my @out;
for my $r (@$rows) {
  my ($p, $s) = @$r;
  utf8::downgrade($p);
  my $re = eval { qr/$p/ };
  if (!defined $re) { push @out, { error => "$@" }; next; }
  if (!defined $s) { push @out, { compiled => 1 }; next; }
  utf8::downgrade($s);
  if ($s =~ $re) {
    my @g = map { defined $-[$_] ? substr($s, $-[$_], $+[$_] - $-[$_]) : undef } 1 .. $#+;
    my %n = %+;
    push @out, { match => \@g, named => \%n };
  } else {
    push @out, { match => undef, named => {} };
  }
}
print JSON::PP->new->ascii->encode(\@out);
`;

interface PerlResult {
  readonly error?: string;
  readonly match?: (string | null)[] | null;
  readonly named?: Record<string, string>;
}

/** All rows in ONE perl process; strings go through JSON with \u00XX escapes, so bytes stay bytes. */
function runPerl(perl: string, rows: ReadonlyArray<readonly [string, string | null]>): PerlResult[] {
  const input = JSON.stringify(rows).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const out = execFileSync(perl, ['-e', PERL_SCRIPT], { input, encoding: 'latin1', maxBuffer: 1 << 24 });
  return JSON.parse(out) as PerlResult[];
}

describeWithProgram(
  'perl',
  'the expectations come from Perl (perl 5.36 qr/$pat/, as SEC compiles)',
  (perl) => {
    it('perl agrees with every conformance row', () => {
      const results = runPerl(
        perl,
        CONFORMANCE.map((r) => [r.pattern, r.subject] as const),
      );
      expect(results).toHaveLength(CONFORMANCE.length);
      CONFORMANCE.forEach((row, i) => {
        const got = results[i];
        const where = `row ${i} ${JSON.stringify(row.pattern)}`;
        expect(got?.error, where).toBeUndefined();
        expect(got?.match, where).toEqual(row.expected);
        expect(got?.named, where).toEqual(row.expected === null ? {} : (row.named ?? {}));
      });
    });

    it('perl rejects every INVALID pattern, and accepts the untranslatable and warned ones it should', () => {
      const rows = [...INVALID, ...UNTRANSLATABLE, ...WARNED];
      const results = runPerl(
        perl,
        rows.map((r) => [r.pattern, null] as const),
      );
      rows.forEach((row, i) => {
        const perlAccepts = INVALID.includes(row) ? false : (row.perlAccepts ?? true);
        expect(results[i]?.error === undefined, JSON.stringify(row.pattern)).toBe(perlAccepts);
      });
    });
  },
);
