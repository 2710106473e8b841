import { expect } from 'vitest';
import { type Action, parseActionList } from '../../../src/config/action-list/index.js';
import type { LocalProblem } from '../../../src/config/diagnostics.js';

/** Parses a list that must be valid and hold exactly one action. */
export function one(text: string, ruleNumber = 0): Action {
  const { list, problems } = parseActionList(text, { ruleNumber });
  expect(problems).toEqual([]);
  expect(list.actions).toHaveLength(1);
  return list.actions[0]!;
}

/** Parses a list that must be valid. */
export function all(text: string, ruleNumber = 0): readonly Action[] {
  const { list, problems } = parseActionList(text, { ruleNumber });
  expect(problems).toEqual([]);
  return list.actions;
}

/** The problems of a list, as [code, offset] pairs. */
export function problems(text: string, ruleNumber = 0): [string, number][] {
  return parseActionList(text, { ruleNumber }).problems.map((p) => [p.code, p.offset]);
}

/** The single problem of a list. */
export function theProblem(text: string): LocalProblem {
  const found = parseActionList(text, { ruleNumber: 0 }).problems;
  expect(found).toHaveLength(1);
  return found[0]!;
}
