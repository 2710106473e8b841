import type { CreateAction, GetAction, NameAction } from './ast.js';
import { perlRegex, unwrapList } from './perl-text.js';
import type { PartReader } from './reader.js';
import { type ActionSpec, rest, word } from './spec.js';

/**
 * Context actions: create/set (with their expiry lists), delete, obsolete, alias, unalias, and the
 * lifetime, creation-time and getter actions. Lifetimes and times stay strings: SEC validates
 * them only at run time (AL-run-time), so `create X abc` loads.
 */

const CREATE = perlRegex('^create(?:\\s+(\\S+)(?:\\s+(\\S+)(?:\\s+(.*\\S))?)?)?$');
const SET = perlRegex('^set\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*\\S))?$');

/** The expiry list of create/set: one outer pair of parentheses is optional (AL-paren-strip). */
function expiryList(
  r: PartReader,
  list: { text: string; offset: number } | undefined,
): CreateAction['actions'] {
  if (list === undefined) return { actions: [] };
  const { from, to } = unwrapList(list);
  return from === to ? { actions: [] } : r.list(from, to).list;
}

// SEC ACT-create: `create [NAME [T [(LIST)]]]`; NAME defaults to %s, T to 0 (infinite).
const create: ActionSpec = {
  keyword: 'create',
  args: [word('NAME', true), word('LIFETIME', true), rest('(LIST)', true)],
  parse: (r) => {
    const m = r.match(CREATE);
    if (m === null) return r.mismatch();
    const context = r.orDefault(m[0], '%s');
    const lifetime = r.orDefault(m[1], '0');
    return r.done({ kind: 'create', offset: r.offset, context, lifetime, actions: expiryList(r, m[2]) });
  },
};

// SEC ACT-set: `set NAME T|- [(LIST)]`; both NAME and T are required (no %s default).
const set: ActionSpec = {
  keyword: 'set',
  args: [word('NAME'), word('LIFETIME'), rest('(LIST)', true)],
  parse: (r) => {
    const m = r.match(SET);
    if (m === null) return r.mismatch();
    const context = r.required(m[0], 'context name');
    const lifetime = r.required(m[1], 'lifetime');
    return r.done({ kind: 'set', offset: r.offset, context, lifetime, actions: expiryList(r, m[2]) });
  },
};

// SEC ACT-delete, ACT-obsolete, ACT-unalias: `delete [NAME]`, NAME defaults to %s.
function byName(kind: NameAction['kind']): ActionSpec {
  const re = perlRegex(`^${kind}(?:\\s+(\\S+))?$`);
  return {
    keyword: kind,
    args: [word('NAME', true)],
    parse: (r) => {
      const m = r.match(re);
      if (m === null) return r.mismatch();
      return r.done({ kind, offset: r.offset, context: r.orDefault(m[0], '%s') });
    },
  };
}

const ALIAS = perlRegex('^alias\\s+(\\S+)(?:\\s+(\\S+))?$');

// SEC ACT-alias: `alias NAME [ALIAS]`, ALIAS defaults to %s.
const alias: ActionSpec = {
  keyword: 'alias',
  args: [word('NAME'), word('ALIAS', true)],
  parse: (r) => {
    const m = r.match(ALIAS);
    if (m === null) return r.mismatch();
    const context = r.required(m[0], 'context name');
    return r.done({ kind: 'alias', offset: r.offset, context, alias: r.orDefault(m[1], '%s') });
  },
};

const SETLTIME = perlRegex('^setltime\\s+(\\S+)(?:\\s+(\\S+))?$');

// SEC ACT-setltime: `setltime NAME [T]`, T defaults to 0 (infinite).
const setltime: ActionSpec = {
  keyword: 'setltime',
  args: [word('NAME'), word('LIFETIME', true)],
  parse: (r) => {
    const m = r.match(SETLTIME);
    if (m === null) return r.mismatch();
    const context = r.required(m[0], 'context name');
    return r.done({ kind: 'setltime', offset: r.offset, context, lifetime: r.orDefault(m[1], '0') });
  },
};

const SETCTIME = perlRegex('^setctime\\s+(\\S+)\\s+(\\S+)$');

// SEC ACT-setctime: `setctime TIME NAME`
const setctime: ActionSpec = {
  keyword: 'setctime',
  args: [word('TIME'), word('NAME')],
  parse: (r) => {
    const m = r.match(SETCTIME);
    if (m === null) return r.mismatch();
    const time = r.required(m[0], 'timestamp');
    const context = r.required(m[1], 'context name');
    return r.done({ kind: 'setctime', offset: r.offset, time, context });
  },
};

// SEC ACT-exists, ACT-getsize, ACT-getaliases, ACT-getltime, ACT-getctime: `exists %v NAME`
// (note the order: the variable comes first).
function getter(kind: GetAction['kind']): ActionSpec {
  const re = perlRegex(`^${kind}\\s+(\\S+)\\s+(\\S+)$`);
  return {
    keyword: kind,
    args: [word('%VAR'), word('NAME')],
    parse: (r) => {
      const m = r.match(re);
      if (m === null) return r.mismatch();
      const variable = r.variable(m[0]);
      const context = r.required(m[1], 'context name');
      return r.done({ kind, offset: r.offset, variable, context });
    },
  };
}

export const CONTEXT_ACTIONS: readonly ActionSpec[] = [
  create,
  byName('delete'),
  byName('obsolete'),
  set,
  alias,
  byName('unalias'),
  getter('exists'),
  getter('getsize'),
  getter('getaliases'),
  getter('getltime'),
  setltime,
  getter('getctime'),
  setctime,
];
