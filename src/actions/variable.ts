import { type HandlerTable, LOG, type RunContext } from './run-context.js';
import { shellQuote } from './values.js';

/**
 * SEC ACT-assign .. ACT-lcall, ACT-varset: action-list variables (sec-features 4.3). Names are
 * fixed at load without their `%` (AL-var-check); only values are expanded.
 */
export const VARIABLE_HANDLERS = {
  assign: (a, cx) => {
    set(a.variable, cx.expand(a, a.value), cx);
    return 1;
  },
  // SEC ACT-assignsq: abc'123 becomes 'abc'\''123'.
  assignsq: (a, cx) => {
    set(a.variable, shellQuote(cx.expand(a, a.value)), cx);
    return 1;
  },
  // SEC ACT-free: the variable becomes unset (expands to "", ALV-unset).
  free: (a, cx) => {
    cx.log(LOG.debug, `Freeing variable '%${a.variable}'`);
    cx.ports.variables.free(a.variable);
    return 1;
  },
  // SEC ACT-varset: does the match cache hold ENTRY for the current event?
  varset: (a, cx) => {
    const entry = cx.expand(a, a.entry);
    cx.log(LOG.debug, `Checking the presence of pattern match cache entry '${entry}'`);
    const value = cx.ports.engine.hasCacheEntry(entry) ? '1' : '0';
    cx.ports.variables.set(a.variable, value);
    cx.log(LOG.debug, `Variable '%${a.variable}' set to '${value}'`);
    return 1;
  },
  // PERL rows (10.2): rejected at load (SYS0803), so a list holding them never reaches the runner.
  // Should one arrive anyway, it is skipped with an error and the rest of the list runs.
  eval: (a, cx) => perlAction(a.kind, cx),
  call: (a, cx) => perlAction(a.kind, cx),
  lcall: (a, cx) => perlAction(a.kind, cx),
} as const satisfies HandlerTable<'assign' | 'assignsq' | 'free' | 'varset' | 'eval' | 'call' | 'lcall'>;

function set(variable: string, value: string, cx: RunContext): void {
  cx.log(LOG.debug, `Assigning '${value}' to variable '%${variable}'`);
  cx.ports.variables.set(variable, value);
}

function perlAction(kind: string, cx: RunContext): 1 {
  cx.log(LOG.err, `Action '${kind}' runs Perl code, which is not supported; action skipped`);
  return 1;
}
