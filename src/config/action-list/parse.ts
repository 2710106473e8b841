import type { LocalProblem } from '../diagnostics.js';
import type { Action, ActionList, ActionParseContext } from './ast.js';
import { ACTION_SPECS } from './keywords.js';
import { isPerlSpace } from './perl-text.js';
import { type NestedList, PartReader, type ReaderEnv } from './reader.js';
import { type Part, splitActionList } from './split.js';

/**
 * Parses an action list into its typed form with every load-time check SEC makes
 * (analyze_actionlist / analyze_action; sec-features.md 4.1-4.3). Never throws. Every problem's
 * offset points at the offending token in `text`, also inside nested lists. Unlike SEC, which
 * stops at the first bad action, all of them are reported; `list` then holds the actions that did
 * parse, and the caller must reject the rule.
 */
export function parseActionList(
  text: string,
  ctx: ActionParseContext,
): { list: ActionList; problems: LocalProblem[] } {
  const problems: LocalProblem[] = [];
  const env: ReaderEnv = {
    source: text,
    ruleNumber: ctx.ruleNumber,
    problems,
    parseList: (from, to) => parseRange(env, from, to),
  };
  return { list: parseRange(env, 0, text.length).list, problems };
}

/** One list (the whole text or a nested body): AL-split, then each action. */
function parseRange(env: ReaderEnv, from: number, to: number): NestedList {
  const split = splitActionList(env.source, from, to);
  if (!split.ok) {
    env.problems.push(...split.problems);
    return { list: { actions: [] }, ok: false };
  }
  const actions: Action[] = [];
  let ok = true;
  for (const part of split.parts) {
    const action = parseAction(env, part);
    if (action === null) ok = false;
    else actions.push(action);
  }
  return { list: { actions }, ok };
}

/** One action: dispatch on its first word, lower-cased (SEC ACT-*). */
function parseAction(env: ReaderEnv, part: Part): Action | null {
  if (part.start === part.end) {
    env.problems.push({
      code: 'SYS0302',
      message: "empty action in action list (';;' or a leading ';')",
      offset: part.start,
    });
    return null;
  }
  const word = firstWord(env.source, part);
  const spec = ACTION_SPECS.get(asciiLower(word));
  if (spec === undefined) {
    env.problems.push({ code: 'SYS0303', message: `unknown action '${word}'`, offset: part.start });
    return null;
  }
  return spec.parse(new PartReader(env, part, spec));
}

function firstWord(source: string, part: Part): string {
  let end = part.start;
  while (end < part.end && !isPerlSpace(source[end]!)) end++;
  return source.slice(part.start, end);
}

/** Perl's /i on byte strings folds ASCII only: the Kelvin sign is not a `k` (as JS toLowerCase has it). */
function asciiLower(word: string): string {
  return word.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}
