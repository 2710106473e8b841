import type { CodeTable } from './types.js';

/** SYS06xx: pattern types, pattern values and variable maps (PT-*, VM-*). */
export const PATTERN_CODES = {
  SYS0601: { severity: 'error', summary: 'unknown pattern type' },
  SYS0602: {
    severity: 'error',
    summary: 'pattern matches more lines than --bufsize allows (PT-N)',
  },
  SYS0603: { severity: 'error', summary: 'Cached/NCached name must have the form [A-Za-z]\\w* (PT-cached)' },
  SYS0604: { severity: 'error', summary: 'TValue pattern must be TRUE or FALSE (PT-tvalue)' },
  SYS0605: { severity: 'error', summary: 'invalid variable map item: name[=number] expected (VM-syntax)' },
  SYS0606: {
    severity: 'warning',
    summary: 'variable maps work with RegExp and PerlFunc patterns only: the varmap is ignored',
  },
  SYS0607: { severity: 'error', summary: 'unknown event group pattern type (egptype)' },
} as const satisfies CodeTable;
