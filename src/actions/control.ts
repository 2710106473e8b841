import { type HandlerTable, LOG, type Outcome } from './run-context.js';
import { perlTrue } from './values.js';

/**
 * SEC's `while` has no iteration limit, so an endless loop hangs it. The appliance must not hang:
 * after this many iterations the loop is abandoned with an error log (a deliberate difference).
 */
export const WHILE_ITERATION_CAP = 1_000_000;

/**
 * SEC ACT-none, ACT-if, ACT-while, ACT-break, ACT-continue (AL-control): a list returns 1 (done),
 * 0 (`continue`) or -1 (`break`). Outside a loop both end the entire list, through any number of
 * `if`s; a `while` ends on -1 and starts its next iteration on 0.
 */
export const CONTROL_HANDLERS = {
  none: () => 1,
  break: () => -1,
  continue: () => 0,
  // SEC ACT-if: a 0/-1 from the branch is passed up to the enclosing list.
  if: (a, cx): Outcome => {
    const branch = perlTrue(cx.value(a.variable)) ? a.thenList : a.elseList;
    return branch.actions.length === 0 ? 1 : cx.runList(branch);
  },
  // SEC ACT-while: the condition is read before every iteration; `break` leaves only this loop.
  while: (a, cx) => {
    for (let i = 0; perlTrue(cx.value(a.variable)); i++) {
      if (i === WHILE_ITERATION_CAP) {
        cx.log(LOG.err, `Loop 'while %${a.variable}' stopped after ${WHILE_ITERATION_CAP} iterations`);
        break;
      }
      if (cx.runList(a.body) === -1) break;
    }
    return 1;
  },
} as const satisfies HandlerTable<'none' | 'break' | 'continue' | 'if' | 'while'>;
