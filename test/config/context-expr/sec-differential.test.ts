import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { type ContextExpr, parseContextExpr } from '../../../src/config/context-expr/index.js';
import { describeWithProgram } from '../../support/external.js';

/**
 * CX-*: two checks against the installed SEC.
 *
 * Validity: SEC's own load-time verdict on a batch of context expressions must agree with whether
 * parseContextExpr reports a problem. Perl operands are left out (we reject them on purpose).
 * All expressions go into one rule file, one rule each, and SEC is run once with --testonly;
 * SEC logs "Rule in FILE at line N" for each rule it rejects, N being the rule's first line.
 *
 * Structure: SEC's parser functions (replace_subexpr, analyze_context_expr, analyze_context) are
 * loaded at test time from the installed /usr/bin/sec into a small Perl harness, with Perl code
 * compilation stubbed out, and their postfix output is compared with our tree in postfix form.
 * Parenthesised groups (SEC's EXPRESSION) are kept as ( ... ) on both sides, because SEC's evaluator
 * treats a sub-list differently from an unparenthesised run; a leading '[]' marks pre-evaluation.
 */

const RULE_LINES = 7;

/** For each expression, whether SEC rejected its rule. */
function secRejects(sec: string, dir: string, exprs: readonly string[]): boolean[] {
  const conf = join(dir, 'rules.sec');
  const log = join(dir, 'sec.log');
  const rules = exprs.map(
    (e) => `type=Single\nptype=SubStr\npattern=x\ncontext=${e}\ndesc=d\naction=none\n\n`,
  );
  writeFileSync(conf, rules.join(''), 'latin1');
  rmSync(log, { force: true });
  spawnSync(sec, ['--testonly', `--conf=${conf}`, `--log=${log}`], { stdio: 'ignore', timeout: 15_000 });
  const text = readFileSync(log, 'latin1');
  const bad = new Set<number>();
  for (const m of text.matchAll(/Rule in \S+ at line (\d+):/g)) bad.add(Number(m[1]));
  expect(text).toContain('Reading configuration');
  return exprs.map((_, i) => bad.has(1 + i * RULE_LINES));
}

const HARNESS = String.raw`
use strict; use JSON::PP;
my $src = do { local $/; open(my $f, '<', $ARGV[0]) or die "cannot read $ARGV[0]"; <$f> };
my $code = '';
for my $name (qw(replace_subexpr analyze_context_expr analyze_context check_context_preeval)) {
  $src =~ /^(sub \Q$name\E \{.*?^\})/ms or die "no sub $name in $ARGV[0]";
  $code .= "$1
";
}
my $prelude = 'use constant { OPERAND => 0, NEGATION => 1, AND => 2, OR => 3, EXPRESSION => 4,'
  . ' ECODE => 5, CCODE => 6, CCODE2 => 7, VARSET => 8, LOG_ERR => 3, EXPRSYMBOL => "\0" };'
  . ' sub log_msg {} { package SEC; sub call_eval { return (1, sub { 1 }); } }';
eval "$prelude
$code
1;" or die $@;
sub postfix {
  my ($list) = @_; my @out; my $i = 0;
  while ($i < @$list) {
    my $t = $list->[$i];
    if ($t == 0) { push @out, "N:$list->[$i+1]"; $i += 2 }
    elsif ($t == 8) { push @out, "V:$list->[$i+1]"; $i += 2 }
    elsif ($t == 4) { push @out, '(', postfix($list->[$i+1]), ')'; $i += 2 }
    elsif ($t == 5) { push @out, "=:$list->[$i+1]"; $i += 2 }
    elsif ($t == 6 || $t == 7) { push @out, ($t == 6 ? '->:' : ':>:') . join(' ', @{$list->[$i+1]}); $i += 3 }
    else { push @out, (undef, '!', '&&', '||')[$t]; $i += 1 }
  }
  return @out;
}
my @res;
while (my $line = <STDIN>) {
  chomp $line; my @r; my $pre = check_context_preeval($line);
  push @res, analyze_context($line, \@r) ? [($pre ? '[]' : ()), postfix(\@r)] : undef;
}
binmode STDOUT; print JSON::PP->new->latin1->encode(\@res);
`;

/** SEC's parse of each expression in postfix form, or null where SEC rejects it. */
function secPostfix(sec: string, exprs: readonly string[]): (string[] | null)[] {
  const run = spawnSync('perl', ['-e', HARNESS, sec], {
    input: Buffer.from(exprs.map((e) => `${e}\n`).join(''), 'latin1'),
    timeout: 15_000,
  });
  expect(run.stderr.toString('latin1')).toBe('');
  return JSON.parse(run.stdout.toString('latin1')) as (string[] | null)[];
}

function toPostfix(e: ContextExpr): string[] {
  switch (e.kind) {
    case 'name':
      return [`N:${e.name}`];
    case 'varset':
      return [`V:${e.entry}`];
    case 'not':
      return [...toPostfix(e.operand), '!'];
    case 'group':
      return ['(', ...toPostfix(e.expr), ')'];
    case 'and':
    case 'or':
      return [...toPostfix(e.left), ...toPostfix(e.right), e.kind === 'and' ? '&&' : '||'];
    case 'perl':
      return [e.operator === '=' ? `=:${e.code}` : `${e.operator}:${e.params.join(' ')}`];
  }
}

/** Our parse in SEC's postfix form (Perl operands included), or null if we reject it. */
function ourPostfix(e: string): string[] | null {
  const { context } = parseContextExpr(e);
  if (context === null) return null;
  return context.preEval ? ['[]', ...toPostfix(context.expr)] : toPostfix(context.expr);
}

const WITH_PERL = [
  '$1 $2 -> ( sub { my($x) = @_; return ($x eq "a" || $x eq "b") } )',
  ' -> (sub { 1 })',
  '($1! $2) -> ( sub { $_[0] eq $_[1] } )',
  'varset SSH && SSH :> ( sub { $_[0]->{"user"} eq "risto" } ) && !X',
  '=({my($temp) = 0; !$temp;})',
  '= "$1" eq "x"',
  '=()',
  '= f\\(1\\)',
  '= f(1) + 2',
  'a -> sub { f(1) }',
  '= $1 > 3 || 0',
  '=(1) || a -> (sub {1})',
  'a -> b -> c',
  'a :> b -> c',
  'x\\(y -> (z)',
];

/** Whether syscorr rejects the expression for a reason other than Perl code. */
function weReject(e: string): boolean {
  return parseContextExpr(e).problems.some((p) => p.code !== 'SYS0802');
}

const HAND_PICKED = [
  'a',
  'CONT_$1',
  'a b',
  'a && b',
  'a &&',
  '|| b',
  '!',
  '!a',
  '! ! a',
  'a!',
  'a ! b',
  'a || b && c',
  'a && b && c',
  'a&&b',
  'a|||b',
  'a||||b',
  'a &&& b',
  'a&&&b',
  '()',
  '(a)',
  '(a',
  'a)',
  '((a)',
  '!(a || (b && !c)) || d',
  'x && (a || bb)',
  'a\\(b\\)',
  '(x\\) && y)',
  'a\\\\(b)',
  'a(b)',
  '(a)b',
  '(a)(b)',
  '(a) b',
  'a || ()',
  '->',
  'a->',
  'a ->',
  '=',
  'varset',
  'varset a',
  'varset a b',
  'varset (a b)',
  'VARSET a',
  'varset a && !varset b',
  '[a',
  '[a]',
  '[ ]',
  '[ A && !B ]',
  'a && [b]',
  '[a] && [b]',
  '[a] b',
  '![a]',
  '$+{x} && $:{e:v}',
];

const SOUP = ['a', 'b', ' ', '(', ')', '!', '&&', '||', '&', '|', '\\', '[', ']', 'varset ', '$1'];

/** Random expressions over the characters that matter to the grammar, minus Perl operators. */
function randomExpressions(count: number, extra: readonly string[] = [], seed = 4242): string[] {
  const atom = fc.constantFrom(...SOUP, ...extra);
  const arbitrary = fc
    .array(atom, { minLength: 1, maxLength: 9 })
    .map((xs) => xs.join('').trim())
    .filter((e) => e !== '' && !e.endsWith('\\'));
  return fc.sample(arbitrary, { numRuns: count, seed });
}

/** Random grammar-shaped expressions (mostly balanced), with some glue and spacing mistakes. */
function structuredExpressions(count: number): string[] {
  const name = fc.constantFrom('a', 'B_$1', '$+{x}', 'a\\(b\\)', '[a', 'x]', 'a!', 'a|', 'a&', 'varset', '');
  const { expr } = fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      name,
      fc.tuple(fc.constantFrom('!', '! ', ' !'), tie('expr')).map(([b, e]) => b + e),
      fc.tuple(fc.constantFrom('(', '( '), tie('expr'), fc.constantFrom(')', ' )')).map((xs) => xs.join('')),
      fc
        .tuple(tie('expr'), fc.constantFrom(' && ', '&&', ' || ', '||', ' ', ' &&& ', '|||'), tie('expr'))
        .map((xs) => xs.join('')),
      name.map((n) => `varset ${n}`),
    ),
  }));
  const arbitrary = fc
    .tuple(fc.constantFrom('', '[', ' [ '), expr, fc.constantFrom('', ']', ' ] '))
    .map((xs) => xs.join('').trim())
    .filter((e) => e !== '' && !e.endsWith('\\'));
  return fc.sample(arbitrary, { numRuns: count, seed: 7 });
}

describeWithProgram('sec', 'CX-* context expression validity agrees with SEC --testonly', (sec) => {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-cx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('agrees on hand-picked expressions', () => {
    const verdicts = secRejects(sec, dir, HAND_PICKED);
    const disagreements = HAND_PICKED.filter((e, i) => verdicts[i] !== weReject(e));
    expect(disagreements).toEqual([]);
    // Guard against a run where SEC rejected or accepted everything.
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(10);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(10);
  });

  it('builds the same tree as SEC (postfix), Perl operands included', () => {
    const perlSoup = randomExpressions(400, ['->', ' -> ', ':>', '=', ' = ', '-', '>', ':'], 99);
    const exprs = [
      ...HAND_PICKED,
      ...WITH_PERL,
      ...randomExpressions(400),
      ...structuredExpressions(400),
      ...perlSoup,
    ];
    const theirs = secPostfix(sec, exprs);
    expect(theirs).toHaveLength(exprs.length);
    const disagreements = exprs
      .map((e, i) => ({ e, ours: ourPostfix(e), theirs: theirs[i] }))
      .filter(({ ours, theirs }) => JSON.stringify(ours) !== JSON.stringify(theirs));
    expect(disagreements).toEqual([]);
  });

  it.each([
    ['character soup', randomExpressions],
    ['grammar-shaped', structuredExpressions],
  ])('agrees on 400 random expressions (%s)', (_kind, generate) => {
    const exprs = generate(400);
    const verdicts = secRejects(sec, dir, exprs);
    const disagreements = exprs.filter((e, i) => verdicts[i] !== weReject(e));
    expect(disagreements).toEqual([]);
  });
});
