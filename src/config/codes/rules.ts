import type { CodeTable } from './types.js';

/** SYS02xx: rule structure: types, the field matrix, integers, continue/GoTo, Calendar, EventGroup, Options. */
export const RULE_CODES = {
  SYS0201: { severity: 'error', summary: "the rule has no 'type' keyword" },
  SYS0202: { severity: 'error', summary: 'unknown rule type' },
  SYS0203: { severity: 'error', summary: 'a keyword required by this rule type is missing (field matrix)' },
  SYS0204: { severity: 'error', summary: 'keyword not allowed for this rule type (field matrix)' },
  SYS0205: {
    severity: 'error',
    summary: 'invalid continue value (TakeNext, DontCont, EndMatch or GoTo <label>)',
  },
  SYS0206: {
    severity: 'warning',
    summary: 'GoTo label does not exist: continue=DontCont is assumed (CF-goto-resolve)',
  },
  SYS0207: {
    severity: 'warning',
    summary: 'GoTo label is not after this rule: continue=DontCont is assumed (CF-goto-resolve)',
  },
  SYS0208: { severity: 'error', summary: 'invalid time window: a positive integer is required (CF-int)' },
  SYS0209: { severity: 'error', summary: 'invalid threshold: an unsigned integer is required (CF-int)' },
  SYS0210: { severity: 'error', summary: 'invalid yes/no value (shell, multact, constset)' },
  SYS0211: { severity: 'warning', summary: 'invalid procallin value: procallin=Yes is assumed' },
  SYS0212: { severity: 'error', summary: 'EventGroupN needs N of at least 1' },
  SYS0213: {
    severity: 'error',
    summary: 'egptype, egpattern and egtoken go together (egpattern needs egptype and vice versa)',
  },
  SYS0214: {
    severity: 'error',
    summary: 'Calendar time specification needs 5 or 6 fields (minute hour day month weekday [year])',
  },
  SYS0215: { severity: 'error', summary: 'invalid Calendar time field (range, step or value out of bounds)' },
  SYS0216: {
    severity: 'warning',
    summary: 'several Options rules in one file: the last one replaces the earlier ones',
  },
} as const satisfies CodeTable;
