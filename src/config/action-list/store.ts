import type { StoreAction, TakeAction } from './ast.js';
import { perlRegex } from './perl-text.js';
import { targetWithText } from './shapes.js';
import { type ActionSpec, word } from './spec.js';

/**
 * Event-store actions: add, prepend and fill write a context's store; copy, empty, pop, shift
 * and trim read it into a variable (AL-var-check). report is with the process actions.
 */

// SEC ACT-add, ACT-prepend, ACT-fill: `add NAME [str]`, str defaults to %s.
const store = (kind: StoreAction['kind']): ActionSpec =>
  targetWithText(kind, 'NAME', 'context name', (offset, context, text) => ({ kind, offset, context, text }));

// SEC ACT-copy, ACT-pop, ACT-shift: `copy NAME %v`
function take(kind: TakeAction['kind']): ActionSpec {
  const re = perlRegex(`^${kind}\\s+(\\S+)\\s+(\\S+)$`);
  return {
    keyword: kind,
    args: [word('NAME'), word('%VAR')],
    parse: (r) => {
      const m = r.match(re);
      if (m === null) return r.mismatch();
      const context = r.required(m[0], 'context name');
      const variable = r.variable(m[1]);
      return r.done({ kind, offset: r.offset, context, variable });
    },
  };
}

const EMPTY = perlRegex('^empty\\s+(\\S+)(?:\\s+(\\S+))?$');

// SEC ACT-empty: `empty NAME [%v]`
const empty: ActionSpec = {
  keyword: 'empty',
  args: [word('NAME'), word('%VAR', true)],
  parse: (r) => {
    const m = r.match(EMPTY);
    if (m === null) return r.mismatch();
    const context = r.required(m[0], 'context name');
    const variable = r.optionalVariable(m[1]);
    return r.done({ kind: 'empty', offset: r.offset, context, variable });
  },
};

const TRIM = perlRegex('^trim\\s+(\\S+)\\s+(\\S+)(?:\\s+(\\S+))?$');

// SEC VD-trim, ACT-trim (2.9.4): `trim TIME NAME [%v]`. TIME (an epoch, -T or +T) is checked at
// run time. Not in the installed 2.9.1, so this follows the 2.9.4 manual's syntax.
const trim: ActionSpec = {
  keyword: 'trim',
  args: [word('TIME'), word('NAME'), word('%VAR', true)],
  parse: (r) => {
    const m = r.match(TRIM);
    if (m === null) return r.mismatch();
    const time = r.required(m[0], 'timestamp');
    const context = r.required(m[1], 'context name');
    const variable = r.optionalVariable(m[2]);
    return r.done({ kind: 'trim', offset: r.offset, time, context, variable });
  },
};

export const STORE_ACTIONS: readonly ActionSpec[] = [
  store('add'),
  store('prepend'),
  store('fill'),
  take('copy'),
  empty,
  take('pop'),
  take('shift'),
  trim,
];
