import type { ActionList } from './ast.js';
import { perlRegex, trimRange } from './perl-text.js';
import { type Arg, matchAt, type PartReader } from './reader.js';
import { type ActionSpec, rest, word } from './spec.js';
import { type Group, maskPart } from './split.js';

/**
 * Control actions: none, break, continue, if, while (AL-control). SEC reads if/while on the
 * masked action, where each top-level parenthesised group is one NUL, so their bodies must be
 * parenthesised and stand as whole words.
 */

/** A keyword that takes no arguments (SEC ACT-none, ACT-break, ACT-continue). */
function bare(kind: 'none' | 'break' | 'continue'): ActionSpec {
  const re = perlRegex(`^${kind}$`);
  return {
    keyword: kind,
    args: [],
    parse: (r) => (r.match(re) === null ? r.mismatch() : r.done({ kind, offset: r.offset })),
  };
}

const IF_ELSE = perlRegex('^if\\s+(\\S+)\\s+\\x00\\s+else\\s+\\x00$');
const IF = perlRegex('^if\\s+(\\S+)\\s+\\x00$');
const WHILE = perlRegex('^while\\s+(\\S+)\\s+\\x00$');

/** Matches the masked part; the variable comes back as its source text, groups and all. */
function matchMasked(r: PartReader, patterns: readonly RegExp[]): { variable: Arg } | null {
  const { masked, sourceRange } = maskPart(r.source, r.part);
  for (const re of patterns) {
    const m = matchAt(re, masked, 0);
    const v = m?.[0];
    if (v === undefined) continue;
    const { start, end } = sourceRange(v.offset, v.offset + v.text.length);
    return { variable: { text: r.source.slice(start, end), offset: start } };
  }
  return null;
}

/** The body inside a group; blank bodies are empty lists without being parsed (as in SEC). */
function body(r: PartReader, group: Group | undefined): { list: ActionList; ok: boolean } {
  if (group === undefined) return { list: { actions: [] }, ok: true };
  const [from, to] = trimRange(r.source, group.open + 1, group.close);
  return from === to ? { list: { actions: [] }, ok: true } : r.list(from, to);
}

// SEC ACT-if: `if %v ( LIST ) [ else ( LIST2 ) ]`; both lists empty is invalid.
const ifAction: ActionSpec = {
  keyword: 'if',
  args: [word('%VAR'), rest('(LIST) [else (LIST2)]')],
  parse: (r) => {
    const m = matchMasked(r, [IF_ELSE, IF]);
    if (m === null) {
      const usage = 'if %VAR (LIST) [else (LIST2)]';
      r.problem('SYS0308', `action 'if' needs a parenthesised action list (usage: ${usage})`, r.offset);
      return null;
    }
    const variable = r.variable(m.variable);
    if (variable === '') return null;
    const then = body(r, r.part.groups[0]);
    const otherwise = body(r, r.part.groups[1]);
    if (then.ok && otherwise.ok && then.list.actions.length === 0 && otherwise.list.actions.length === 0) {
      r.problem('SYS0309', "action 'if' has empty action lists", r.offset);
    }
    return r.done({ kind: 'if', offset: r.offset, variable, thenList: then.list, elseList: otherwise.list });
  },
};

// SEC ACT-while: `while %v ( LIST )`; a blank body is invalid (a body of only `;` is not).
const whileAction: ActionSpec = {
  keyword: 'while',
  args: [word('%VAR'), rest('(LIST)')],
  parse: (r) => {
    const m = matchMasked(r, [WHILE]);
    if (m === null) {
      r.problem(
        'SYS0308',
        "action 'while' needs a parenthesised action list (usage: while %VAR (LIST))",
        r.offset,
      );
      return null;
    }
    const variable = r.variable(m.variable);
    if (variable === '') return null;
    const group = r.part.groups[0];
    const [from, to] = group === undefined ? [0, 0] : trimRange(r.source, group.open + 1, group.close);
    if (from === to) {
      r.problem('SYS0309', "action 'while' has an empty body", r.offset);
      return null;
    }
    return r.done({ kind: 'while', offset: r.offset, variable, body: r.list(from, to).list });
  },
};

export const CONTROL_ACTIONS: readonly ActionSpec[] = [
  bare('none'),
  ifAction,
  whileAction,
  bare('break'),
  bare('continue'),
];
