import type { Action, ActionList } from '../config/action-list/index.js';
import {
  type MatchValues,
  parseMatchTemplate,
  parseShadowTemplate,
  substituteMatch,
  substituteShadow,
} from '../config/template/index.js';
import { NodeTemplateCache } from './cache.js';

/** Rewrites one string parameter; `node` is the AST node (or argv array) holding it. */
type Rewrite = (node: object, text: string) => string;

const MATCH_TEMPLATES = new NodeTemplateCache(parseMatchTemplate);
const SHADOW_TEMPLATES = new NodeTemplateCache(parseShadowTemplate);

/**
 * SEC RT-freeze, AL-match-time, VAR-pct-mask: a copy of `list` with the match variables of the
 * event substituted into every string parameter, nested lists included; the values' `%` are
 * doubled first so they can never form action-list variables. Variable names, the `event` delay
 * and rule numbers are not templates. Nodes without a change are shared with `list`.
 */
export function substituteMatchVars(list: ActionList, values: MatchValues): ActionList {
  return mapList(list, (node, text) => {
    if (!text.includes('$')) return text;
    const template = MATCH_TEMPLATES.get(node, text);
    return template.hasVariables ? substituteMatch(template, values, 'action-list') : text;
  });
}

/** SEC VAR-shadow: Pair's `%N` pass over action2 with pattern1's values ($ and % masked). */
export function substituteShadowVars(list: ActionList, values: MatchValues): ActionList {
  return mapList(list, (node, text) => {
    if (!text.includes('%')) return text;
    const template = SHADOW_TEMPLATES.get(node, text);
    return template.hasVariables ? substituteShadow(template, values, 'action-list') : text;
  });
}

function mapList(list: ActionList, rewrite: Rewrite): ActionList {
  let changed = false;
  const actions = list.actions.map((action) => {
    const next = mapAction(action, rewrite);
    if (next !== action) changed = true;
    return next;
  });
  return changed ? { actions } : list;
}

/** SEC subst_actionlist: which parameters of each action are templates. */
function mapAction(a: Action, rw: Rewrite): Action {
  switch (a.kind) {
    case 'none':
    case 'break':
    case 'continue':
    case 'free':
      return a;
    case 'logonly':
    case 'event':
      return fields(a, rw, 'text');
    case 'write':
    case 'writen':
    case 'owritecl':
      return fields(a, rw, 'file', 'text');
    case 'udgram':
    case 'ustream':
      return fields(a, rw, 'path', 'text');
    case 'udpsock':
    case 'tcpsock':
      return fields(a, rw, 'peer', 'text');
    case 'closef':
    case 'dropinput':
      return fields(a, rw, 'file');
    case 'closeudgr':
    case 'closeustr':
      return fields(a, rw, 'path');
    case 'closeudp':
    case 'closetcp':
      return fields(a, rw, 'peer');
    case 'shellcmd':
    case 'spawn':
      return fields(a, rw, 'command');
    case 'cmdexec':
    case 'spawnexec':
      return withArgv(a, rw);
    case 'cspawn':
    case 'report':
      return fields(a, rw, 'context', 'command');
    case 'cspawnexec':
    case 'reportexec':
      return withArgv(fields(a, rw, 'context'), rw);
    case 'pipe':
      return fields(a, rw, 'text', 'command');
    case 'pipeexec':
      return withArgv(fields(a, rw, 'text'), rw);
    case 'create':
    case 'set':
      return withList(fields(a, rw, 'context', 'lifetime'), 'actions', rw);
    case 'delete':
    case 'obsolete':
    case 'unalias':
    case 'copy':
    case 'pop':
    case 'shift':
    case 'empty':
    case 'exists':
    case 'getsize':
    case 'getaliases':
    case 'getltime':
    case 'getctime':
      return fields(a, rw, 'context');
    case 'alias':
      return fields(a, rw, 'context', 'alias');
    case 'add':
    case 'prepend':
    case 'fill':
      return fields(a, rw, 'context', 'text');
    case 'trim':
    case 'setctime':
      return fields(a, rw, 'time', 'context');
    case 'setltime':
      return fields(a, rw, 'context', 'lifetime');
    case 'tevent':
      return fields(a, rw, 'delay', 'text');
    case 'cevent':
      return fields(a, rw, 'context', 'delay', 'text');
    case 'reset':
    case 'getwpos':
      return fields(a, rw, 'text');
    case 'setwpos':
      return fields(a, rw, 'time', 'text');
    case 'assign':
    case 'assignsq':
      return fields(a, rw, 'value');
    case 'eval':
      return fields(a, rw, 'code');
    case 'call':
    case 'lcall':
      return withArgs(a, rw);
    case 'varset':
      return fields(a, rw, 'entry');
    case 'rewrite':
      return fields(a, rw, 'count', 'text');
    case 'addinput':
      return fields(a, rw, 'file', 'position', 'context');
    case 'sigemul':
      return fields(a, rw, 'signal');
    case 'if':
      return withList(withList(a, 'thenList', rw), 'elseList', rw);
    case 'while':
      return withList(a, 'body', rw);
    case 'mail':
      return fields(a, rw, 'to', 'subject', 'body');
    case 'mailreport':
      return fields(a, rw, 'context', 'to', 'subject');
    default:
      return assertNever(a);
  }
}

type StringKeys<A> = { [K in keyof A]: A[K] extends string ? K : never }[keyof A] & string;

/** The action with the named string parameters rewritten; the same object if none changed. */
function fields<A extends Action>(a: A, rw: Rewrite, ...keys: StringKeys<A>[]): A {
  let out: A | null = null;
  for (const key of keys) {
    const text = a[key] as string;
    const next = rw(a, text);
    if (next !== text) {
      out ??= { ...a };
      (out as unknown as Record<string, unknown>)[key] = next;
    }
  }
  return out ?? a;
}

function mapStrings(items: readonly string[], rw: Rewrite): readonly string[] {
  let out: string[] | null = null;
  for (let i = 0; i < items.length; i++) {
    const text = items[i] as string;
    const next = rw(items, text);
    if (next !== text) {
      out ??= [...items];
      out[i] = next;
    }
  }
  return out ?? items;
}

/** CH-exec: each argv element separately (AL-parse-time split). */
function withArgv<A extends Action & { readonly argv: readonly string[] }>(a: A, rw: Rewrite): A {
  const argv = mapStrings(a.argv, rw);
  return argv === a.argv ? a : { ...a, argv };
}

function withArgs<A extends Action & { readonly args: readonly string[] }>(a: A, rw: Rewrite): A {
  const args = mapStrings(a.args, rw);
  return args === a.args ? a : { ...a, args };
}

type ListKeys<A> = { [K in keyof A]: A[K] extends ActionList ? K : never }[keyof A];

function withList<A extends Action, K extends ListKeys<A>>(a: A, key: K, rw: Rewrite): A {
  const list = a[key] as ActionList;
  const next = mapList(list, rw);
  return next === list ? a : { ...a, [key]: next };
}

function assertNever(value: never): never {
  throw new Error(`unhandled action ${JSON.stringify(value)}`);
}
