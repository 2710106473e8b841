import type { Action, AssignAction } from './ast.js';
import { perlRegex, splitArgv } from './perl-text.js';
import type { PartReader } from './reader.js';
import { type ActionSpec, rest, word } from './spec.js';

/**
 * Variable actions: assign, assignsq, free, varset, and the Perl ones (eval, call, lcall). Every
 * target is checked at load (AL-var-check). eval/call/lcall parse fully, so the rest of the list
 * is read as SEC reads it, and then report SYS0803: running Perl code is not supported yet.
 */

// SEC ACT-assign, ACT-assignsq: `assign %v [str]`, str defaults to %s.
function assign(kind: AssignAction['kind']): ActionSpec {
  const re = perlRegex(`^${kind}\\s+(\\S+)(?:\\s+(.*\\S))?$`);
  return {
    keyword: kind,
    args: [word('%VAR'), rest('STRING', true)],
    parse: (r) => {
      const m = r.match(re);
      if (m === null) return r.mismatch();
      const variable = r.variable(m[0]);
      return r.done({ kind, offset: r.offset, variable, value: r.orDefault(m[1], '%s') });
    },
  };
}

const FREE = perlRegex('^free\\s+(\\S+)$');

// SEC ACT-free: `free %v`
const free: ActionSpec = {
  keyword: 'free',
  args: [word('%VAR')],
  parse: (r) => {
    const m = r.match(FREE);
    if (m === null) return r.mismatch();
    return r.done({ kind: 'free', offset: r.offset, variable: r.variable(m[0]) });
  },
};

const VARSET = perlRegex('^varset\\s+(\\S+)\\s+(\\S+)$');

// SEC ACT-varset: `varset %v ENTRY`
const varset: ActionSpec = {
  keyword: 'varset',
  args: [word('%VAR'), word('ENTRY')],
  parse: (r) => {
    const m = r.match(VARSET);
    if (m === null) return r.mismatch();
    const variable = r.variable(m[0]);
    const entry = r.required(m[1], 'match cache entry name');
    return r.done({ kind: 'varset', offset: r.offset, variable, entry });
  },
};

/** SEC 10.2: the action parsed, but it runs Perl code. */
function perl(r: PartReader, action: Action | null): Action | null {
  if (action !== null) {
    r.unsupported('SYS0803', `action '${r.keyword}' runs Perl code, which is not supported yet`);
  }
  return action;
}

const EVAL = perlRegex('^eval\\s+(\\S+)\\s+(.*\\S)$');

// SEC ACT-eval: `eval %v CODE`
const evalAction: ActionSpec = {
  keyword: 'eval',
  args: [word('%VAR'), rest('CODE')],
  parse: (r) => {
    const m = r.match(EVAL);
    if (m === null) return r.mismatch();
    const variable = r.variable(m[0]);
    return perl(r, r.done({ kind: 'eval', offset: r.offset, variable, code: r.plain(m[1]) }));
  },
};

const CALL = perlRegex('^call\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*\\S))?$');

// SEC ACT-call: `call %v %ref [params]`; params are split at load.
const call: ActionSpec = {
  keyword: 'call',
  args: [word('%VAR'), word('%REF'), rest('ARGS', true)],
  parse: (r) => {
    const m = r.match(CALL);
    if (m === null) return r.mismatch();
    const variable = r.variable(m[0]);
    const ref = r.variable(m[1]);
    const args = splitArgv(r.plain(m[2]));
    return perl(r, r.done({ kind: 'call', offset: r.offset, variable, ref, args }));
  },
};

const LCALL = perlRegex('^lcall\\s+(\\S+)\\s*(.*?)\\s*(->|:>)\\s*(.*\\S)$');

// SEC ACT-lcall: `lcall %v [params] -> CODE` or `:> CODE`; split at the first arrow.
const lcall: ActionSpec = {
  keyword: 'lcall',
  args: [word('%VAR'), rest('[ARGS] -> CODE')],
  parse: (r) => {
    const m = r.match(LCALL);
    if (m === null) return r.mismatch();
    const variable = r.variable(m[0]);
    const args = splitArgv(r.plain(m[1]));
    const mode = m[2]?.text === ':>' ? ':>' : '->';
    return perl(r, r.done({ kind: 'lcall', offset: r.offset, variable, args, mode, code: r.plain(m[3]) }));
  },
};

export const VARIABLE_ACTIONS: readonly ActionSpec[] = [
  assign('assign'),
  assign('assignsq'),
  free,
  evalAction,
  call,
  lcall,
  varset,
];
