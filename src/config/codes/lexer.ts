import type { CodeTable } from './types.js';

/** SYS01xx: rule files and their line structure (SEC CF-kv, CF-sep, CF-cont, CF-dup, CF-files). */
export const LEXER_CODES = {
  SYS0101: { severity: 'error', summary: 'the rule file cannot be opened or read' },
  SYS0102: {
    severity: 'error',
    summary: 'line is not in keyword=value form, or the keyword is not alphanumeric (CF-kv)',
  },
  SYS0103: { severity: 'warning', summary: 'keyword given twice in one rule: the last value wins (CF-dup)' },
  SYS0104: {
    severity: 'warning',
    summary: "unfinished '\\' continuation at end of file: the line is dropped (CF-cont)",
  },
  SYS0105: { severity: 'warning', summary: 'no valid rules found in the rule file' },
} as const satisfies CodeTable;
