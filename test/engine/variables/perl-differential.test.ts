import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadZone, localTime, perlLocaltime, timeBuiltins } from '../../../src/engine/variables/index.js';
import { describeWithProgram } from '../../support/external.js';

// HP-localtime: Perl's localtime and POSIX::strftime under each TZ against ours, reading the same
// system zone files. One Perl process covers every zone and instant.
const ZONES = [
  'UTC',
  '',
  'Europe/Tallinn',
  ':Europe/Tallinn',
  'America/New_York',
  'Asia/Kolkata',
  'America/St_Johns',
  'Australia/Sydney',
  'Pacific/Chatham',
  'Europe/Dublin',
  'Antarctica/Troll',
  'Asia/Tehran',
  'Nowhere/Foo',
  '12',
  'CET-1CEST,M3.5.0,M10.5.0/3',
  '<+0330>-3:30',
  'AEST-10AEDT,M10.1.0,M4.1.0/3',
];
const TIMES = [
  -2_000_000_000, -1, 0, 951_782_400, 1_099_000_000, 1_111_111_111, 1_690_000_000, 1_700_000_000,
  1_711_846_799, 1_711_846_800, 2_000_000_000, 2_500_000_000, 4_102_444_800,
];

const PERL = String.raw`
use POSIX qw(strftime tzset);
my @times = split /,/, shift;
for my $tz (@ARGV) {
  $ENV{TZ} = $tz; tzset();
  for my $t (@times) {
    my @l = localtime($t);
    print join("|", $tz, $t, scalar(localtime($t)), strftime("%Z|%z|%a|%b", @l), $l[6]), "\n";
  }
}`;

function ours(tz: string, t: number): string {
  const zone = loadZone({ tz });
  const b = timeBuiltins(localTime(t, zone));
  return [
    tz,
    t,
    perlLocaltime(t, zone),
    b['.tzname'],
    b['.tzoff'],
    b['.wdaystr'],
    b['.monstr'],
    b['.wday'],
  ].join('|');
}

describeWithProgram('perl', 'HP-localtime: differential against Perl localtime', (perl) => {
  const haveZones = existsSync('/usr/share/zoneinfo/Europe/Tallinn');
  describe.skipIf(!haveZones)('with the system zone files [needs /usr/share/zoneinfo]', () => {
    it('the same local time, %Z and %z for every zone and instant', () => {
      const out = execFileSync(perl, ['-e', PERL, '--', TIMES.join(','), ...ZONES], {
        encoding: 'utf8',
        env: { ...process.env, LC_ALL: 'C' },
      });
      const expected = out.trimEnd().split('\n');
      const got = ZONES.flatMap((tz) => TIMES.map((t) => ours(tz, t)));
      expect(got).toEqual(expected);
    });
  });
});
