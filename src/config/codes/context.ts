import type { CodeTable } from './types.js';

/**
 * SYS04xx: context expressions (`context=`, `context2=`, EventGroup `contextN=`). Each code is
 * one way SEC's analyze_context rejects an expression; SEC logs all of them as "Invalid context
 * expression" and skips the rule (CX-*). Perl operands are SYS0802 (codes/perl.ts).
 */
export const CONTEXT_CODES = {
  SYS0401: {
    severity: 'error',
    summary: "unbalanced parentheses in a context expression (an unmatched '(' or ')')",
  },
  SYS0402: {
    severity: 'error',
    summary: "empty operand in a context expression (nothing before or after '&&', '||', '!', or '()')",
  },
  SYS0403: {
    severity: 'error',
    summary: "two operands with no '&&' or '||' between them in a context expression",
  },
  SYS0404: {
    severity: 'error',
    summary: "a parenthesised group is glued to other text in a context expression (e.g. 'a(b)', '= f(1)')",
  },
  SYS0405: {
    severity: 'error',
    summary: 'context expression nested too deeply (a syscorr limit; SEC has none)',
  },
} as const satisfies CodeTable;
