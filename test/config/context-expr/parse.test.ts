import { describe, expect, it } from 'vitest';
import {
  type ContextExpr,
  contextHasVariables,
  parseContextExpr,
} from '../../../src/config/context-expr/index.js';

/** The expression of a valid, Perl-free context; fails the test otherwise. */
function expr(text: string): ContextExpr {
  const { context, problems } = parseContextExpr(text);
  expect(problems).toEqual([]);
  expect(context).not.toBeNull();
  return (context as NonNullable<typeof context>).expr;
}

/** The single problem of an invalid expression. */
function problem(text: string): { code: string; offset: number; message: string } {
  const { context, problems } = parseContextExpr(text);
  expect(context).toBeNull();
  expect(problems).toHaveLength(1);
  return problems[0] as { code: string; offset: number; message: string };
}

/** A compact rendering of the tree, to assert structure without offsets. */
function show(e: ContextExpr): string {
  switch (e.kind) {
    case 'name':
      return e.name;
    case 'varset':
      return `varset(${e.entry})`;
    case 'not':
      return `!${show(e.operand)}`;
    case 'group':
      return show(e.expr);
    case 'and':
    case 'or':
      return `(${show(e.left)} ${e.kind === 'and' ? '&&' : '||'} ${show(e.right)})`;
    case 'perl':
      return `perl${e.operator}[${e.params.join(',')}]{${e.code}}`;
  }
}

describe('CX-name: context names', () => {
  it('a single word is a name, located at its first char', () => {
    expect(expr('  LOGIN_OK  ')).toEqual({ kind: 'name', name: 'LOGIN_OK', offset: 2 });
  });

  it('keeps match variables raw in the name (CX-subst happens per event)', () => {
    expect(expr('CONT_$1_$+{user}')).toEqual({ kind: 'name', name: 'CONT_$1_$+{user}', offset: 0 });
  });

  it('rejects two bare words with no operator (SYS0403 at the second word)', () => {
    const p = problem('a b');
    expect(p.code).toBe('SYS0403');
    expect(p.offset).toBe(2);
    expect(p.message).toContain("'a' and 'b'");
  });

  it('takes odd punctuation as part of a name: a|, a!, a->, =, ->, varset', () => {
    expect(show(expr('a|||b'))).toBe('(a| || b)');
    expect(show(expr('a!'))).toBe('a!');
    expect(show(expr('a->'))).toBe('a->');
    expect(show(expr('='))).toBe('=');
    expect(show(expr('->'))).toBe('->');
    expect(show(expr('varset'))).toBe('varset');
  });

  it('rejects an empty expression (SYS0402)', () => {
    expect(problem('').code).toBe('SYS0402');
    expect(problem('   ').code).toBe('SYS0402');
  });
});

describe('CX-not', () => {
  it('negates the operand it prefixes, also repeatedly', () => {
    expect(expr('!a')).toEqual({ kind: 'not', operand: { kind: 'name', name: 'a', offset: 1 }, offset: 0 });
    expect(show(expr('! ! a'))).toBe('!!a');
  });

  it('rejects a lone ! and a ! between words', () => {
    const lone = problem('!');
    expect(lone.code).toBe('SYS0402');
    expect(lone.message).toContain("after '!'");
    expect(problem('a ! b').code).toBe('SYS0403');
  });

  it('binds tighter than && and ||', () => {
    expect(show(expr('!a && b'))).toBe('(!a && b)');
    expect(show(expr('a || !b'))).toBe('(a || !b)');
  });
});

describe('CX-and-or: precedence and associativity', () => {
  it('|| is the loosest operator', () => {
    expect(show(expr('a || b && c'))).toBe('(a || (b && c))');
    expect(show(expr('a && b || c'))).toBe('((a && b) || c)');
  });

  it('both are left-associative (split at the last operator)', () => {
    expect(show(expr('a && b && c'))).toBe('((a && b) && c)');
    expect(show(expr('a || b || c || d'))).toBe('(((a || b) || c) || d)');
  });

  it('needs no whitespace around operators and records operator offsets', () => {
    expect(expr('a&&b')).toEqual({
      kind: 'and',
      left: { kind: 'name', name: 'a', offset: 0 },
      right: { kind: 'name', name: 'b', offset: 3 },
      offset: 1,
    });
    const e = expr('a || b || c');
    expect(e.offset).toBe(7);
    expect(e.kind === 'or' && e.left.offset).toBe(2);
  });

  it('rejects a missing operand on either side (SYS0402, pointing at the operator)', () => {
    const after = problem('a && ');
    expect([after.code, after.offset]).toEqual(['SYS0402', 2]);
    expect(after.message).toContain("after '&&'");
    const before = problem('|| b');
    expect([before.code, before.offset]).toEqual(['SYS0402', 0]);
    expect(before.message).toContain("before '||'");
    expect(problem('a||||b').code).toBe('SYS0402');
  });

  it('splits plain text, so a third & lands in the left operand (a &&& b is invalid)', () => {
    expect(problem('a &&& b').code).toBe('SYS0403');
    expect(show(expr('a&&&b'))).toBe('(a& && b)');
  });
});

describe('CX-group: parentheses', () => {
  it('groups override precedence and nest', () => {
    expect(show(expr('(a || b) && c'))).toBe('((a || b) && c)');
    expect(show(expr('!(a || (b && !c)) || d'))).toBe('(!(a || (b && !c)) || d)');
  });

  it('reports offsets inside groups against the whole text', () => {
    const e = expr('x && (a || bb)');
    expect(e.kind === 'and' && e.right).toEqual({
      kind: 'group',
      offset: 5,
      expr: {
        kind: 'or',
        left: { kind: 'name', name: 'a', offset: 6 },
        right: { kind: 'name', name: 'bb', offset: 11 },
        offset: 8,
      },
    });
  });

  it('rejects unbalanced parentheses (SYS0401)', () => {
    expect(problem('(a')).toMatchObject({ code: 'SYS0401', offset: 0 });
    expect(problem('a)')).toMatchObject({ code: 'SYS0401', offset: 1 });
    expect(problem('x && ((a) || b')).toMatchObject({ code: 'SYS0401', offset: 5 });
  });

  it('takes \\( and \\) as literal parentheses and removes the backslash', () => {
    expect(expr('a\\(b\\)')).toEqual({ kind: 'name', name: 'a(b)', offset: 0 });
    expect(show(expr('(x\\) && y)'))).toBe('(x) && y)');
  });

  it('cannot escape a backslash: in a\\\\(b) the ) is unbalanced', () => {
    expect(problem('a\\\\(b)').code).toBe('SYS0401');
  });

  it('rejects a group glued to a word or another group (SYS0404), and (a) b (SYS0403)', () => {
    expect(problem('a(b)')).toMatchObject({ code: 'SYS0404', offset: 1 });
    expect(problem('(a)b').code).toBe('SYS0404');
    expect(problem('(a)(b)').code).toBe('SYS0404');
    expect(problem('(a) b').code).toBe('SYS0403');
  });

  it('rejects empty parentheses (SYS0402 at the open paren)', () => {
    expect(problem('a || ()')).toMatchObject({ code: 'SYS0402', offset: 5 });
  });

  it('splits `= $1 > 3 || 0` into a Perl operand and the context 0', () => {
    const { context } = parseContextExpr('= $1 > 3 || 0');
    expect(context && show(context.expr)).toBe('(perl=[]{$1 > 3} || 0)');
  });

  it('stops at a syscorr depth limit instead of overflowing (SYS0405)', () => {
    const deep = `${'('.repeat(150)}a${')'.repeat(150)}`;
    expect(problem(deep).code).toBe('SYS0405');
    expect(show(expr(`${'('.repeat(50)}a${')'.repeat(50)}`))).toBe('a');
  });
});

describe('CX-varset', () => {
  it('takes one entry name, which may hold match variables', () => {
    expect(expr('varset SSH_$1')).toEqual({ kind: 'varset', entry: 'SSH_$1', offset: 0 });
    expect(show(expr('varset a && !varset b'))).toBe('(varset(a) && !varset(b))');
  });

  it('takes a parenthesised entry name verbatim, spaces included', () => {
    expect(show(expr('varset (a b)'))).toBe('varset(a b)');
  });

  it('rejects more than one name (SYS0403)', () => {
    const p = problem('varset a b');
    expect(p.code).toBe('SYS0403');
    expect(p.message).toContain("'a b'");
  });

  it('is case-sensitive: VARSET a is two words', () => {
    expect(problem('VARSET a').code).toBe('SYS0403');
  });
});

describe('CX-arrow, CX-colon, CX-eq: Perl operands are parsed, then rejected with SYS0802', () => {
  it('-> with parameters and parenthesised code holding || and parentheses', () => {
    const text = '$1 $2 -> ( sub { my($x) = @_; return ($x eq "a" || $x eq "b") } )';
    const { context, problems } = parseContextExpr(text);
    expect(context?.usesPerl).toBe(true);
    expect(context?.expr).toEqual({
      kind: 'perl',
      operator: '->',
      params: ['$1', '$2'],
      code: ' sub { my($x) = @_; return ($x eq "a" || $x eq "b") } ',
      offset: 6,
    });
    expect(problems).toEqual([expect.objectContaining({ code: 'SYS0802', offset: 6 })]);
  });

  it('-> without parameters, and with a parenthesised parameter list', () => {
    expect(show(expr_(' -> (sub { 1 })'))).toBe('perl->[]{sub { 1 }}');
    expect(show(expr_('($1! $2) -> ( sub { $_[0] eq $_[1] } )'))).toBe(
      'perl->[$1!,$2]{ sub { $_[0] eq $_[1] } }',
    );
  });

  it(':> names match cache entries, and combines with other operands', () => {
    const text = 'varset SSH && SSH :> ( sub { $_[0]->{"user"} eq "risto" } ) && !X';
    expect(show(expr_(text))).toBe(
      '((varset(SSH) && perl:>[SSH]{ sub { $_[0]->{"user"} eq "risto" } }) && !X)',
    );
  });

  it('= takes the rest, or a whole group', () => {
    expect(show(expr_('=({my($temp) = 0; !$temp;})'))).toBe('perl=[]{{my($temp) = 0; !$temp;}}');
    expect(show(expr_('= "$1" eq "x"'))).toBe('perl=[]{"$1" eq "x"}');
    expect(show(expr_('=()'))).toBe('perl=[]{}');
  });

  it('removes the backslash of \\( \\) in unparenthesised code', () => {
    expect(show(expr_('= f\\(1\\)'))).toBe('perl=[]{f(1)}');
  });

  it('rejects code with parentheses that is not wholly parenthesised (SYS0404), as SEC does', () => {
    expect(problem('= f(1) + 2')).toMatchObject({ code: 'SYS0404', offset: 3 });
    expect(problem('a -> sub { f(1) }').code).toBe('SYS0404');
  });

  it('reports one SYS0802 per Perl operand', () => {
    const { problems } = parseContextExpr('=(1) || a -> (sub {1})');
    expect(problems.map((p) => [p.code, p.offset])).toEqual([
      ['SYS0802', 0],
      ['SYS0802', 10],
    ]);
  });

  it('an arrow with nothing after it is not an operator: a -> is two words', () => {
    expect(problem('a ->').code).toBe('SYS0403');
  });
});

describe('CX-preeval', () => {
  it('strips [ ] around the whole value and marks the spec', () => {
    const { context } = parseContextExpr(' [ A && !B ] ');
    expect(context?.preEval).toBe(true);
    expect(context && show(context.expr)).toBe('(A && !B)');
    expect(context?.expr.offset).toBe(5);
  });

  it('is greedy like SEC: [a] && [b] is the pre-evaluated `a] && [b`', () => {
    const { context } = parseContextExpr('[a] && [b]');
    expect(context?.preEval).toBe(true);
    expect(context && show(context.expr)).toBe('(a] && [b)');
  });

  it('[ without ] and [...] below the top level are plain names', () => {
    const open = parseContextExpr('[a');
    expect(open.context?.preEval).toBe(false);
    expect(open.context && show(open.context.expr)).toBe('[a');
    const inner = parseContextExpr('a && [b]');
    expect(inner.context?.preEval).toBe(false);
    expect(inner.context && show(inner.context.expr)).toBe('(a && [b])');
  });

  it('rejects [] (empty inside)', () => {
    expect(problem('[ ]')).toMatchObject({ code: 'SYS0402', offset: 0 });
  });
});

/** Like expr(), for expressions with Perl operands (which carry SYS0802). */
function expr_(text: string): ContextExpr {
  const { context, problems } = parseContextExpr(text);
  expect(context).not.toBeNull();
  expect(problems.every((p) => p.code === 'SYS0802')).toBe(true);
  return (context as NonNullable<typeof context>).expr;
}

describe('CX-subst: which expressions need per-event substitution', () => {
  const volatile = (text: string, token?: '$' | '%'): boolean => {
    const { context } = parseContextExpr(text);
    expect(context).not.toBeNull();
    return contextHasVariables((context as NonNullable<typeof context>).expr, token);
  };

  it('looks at names, varset entries, = code and -> parameters', () => {
    expect(volatile('A && !(B || C_$1)')).toBe(true);
    expect(volatile('varset E_$+{x}')).toBe(true);
    expect(volatile('= "$1" eq "x"')).toBe(true);
    expect(volatile('$1 -> (sub { 1 })')).toBe(true);
    expect(volatile('A && !(B || C)')).toBe(false);
  });

  it('ignores the code of -> and :>, and checks the token asked for', () => {
    expect(volatile('-> (sub { $_[0] =~ /$1/ })')).toBe(false);
    expect(volatile('CONT_%1')).toBe(false);
    expect(volatile('CONT_%1', '%')).toBe(true);
    expect(volatile('CONT_$$')).toBe(true);
  });
});
