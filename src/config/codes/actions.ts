import type { CodeTable } from './types.js';

/**
 * SYS03xx: action lists (`action=`, `action2=`, `init=`, `end=`, `slide=`, `countN=` and the nested
 * lists of create/set/if/while). Each code is one way SEC's analyze_actionlist / analyze_action
 * rejects a list at load; SEC then skips the whole rule (AL-*, ACT-*). eval/call/lcall are SYS0803
 * (codes/perl.ts).
 */
export const ACTION_CODES = {
  SYS0301: {
    severity: 'error',
    summary: "unbalanced parentheses in an action list (an unmatched '(' or ')'; mask with '\\(' '\\)')",
  },
  SYS0302: {
    severity: 'error',
    summary: "empty action in an action list (a leading ';' or two ';' in a row)",
  },
  SYS0303: {
    severity: 'error',
    summary: 'unknown action keyword',
  },
  SYS0304: {
    severity: 'error',
    summary: 'an action is missing a required argument',
  },
  SYS0305: {
    severity: 'error',
    summary: 'an action has more arguments than it takes',
  },
  SYS0306: {
    severity: 'error',
    summary: 'an action variable is not of the form %[A-Za-z]\\w* (AL-var-check)',
  },
  SYS0307: {
    severity: 'error',
    summary: "an action argument is empty once its parentheses are removed (e.g. 'write () x')",
  },
  SYS0308: {
    severity: 'error',
    summary: "'if' or 'while' without its parenthesised action list(s)",
  },
  SYS0309: {
    severity: 'error',
    summary: "'if' with both action lists empty, or 'while' with an empty body",
  },
  SYS0310: {
    severity: 'error',
    summary: 'getwpos/setwpos rule offset is not 0, K, +K or -K (ACT-reset)',
  },
  SYS0311: {
    severity: 'error',
    summary: "pipe/pipeexec string is not in single quotes ('...')",
  },
  SYS0312: {
    severity: 'error',
    summary: 'an action does not have the form SEC accepts (see its usage)',
  },
} as const satisfies CodeTable;
