import { CODES, type DiagCode } from './registry.js';

export type Severity = 'error' | 'warning';

/** A problem in a rule file or on the command line, located at the offending token. */
export interface Diagnostic {
  readonly code: DiagCode;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  /** 1-based line and column; 0 when the problem has no position (e.g. an unreadable file). */
  readonly line: number;
  readonly col: number;
}

/**
 * A problem found by a pure sub-parser (regex translator, action-list parser, context-expression
 * parser) at a 0-based offset into the string it was given. The rule loader maps the offset back
 * to file:line:col, also across `\` continuation lines.
 */
export interface LocalProblem {
  readonly code: DiagCode;
  readonly message: string;
  readonly offset: number;
}

/** Maps an offset in a logical value to its physical position. */
export type Locator = (offset: number) => { line: number; col: number };

export function severityOf(code: DiagCode): Severity {
  return CODES[code].severity;
}

export function diagnostic(
  code: DiagCode,
  message: string,
  file: string,
  line: number,
  col: number,
): Diagnostic {
  return { code, severity: severityOf(code), message, file, line, col };
}

export function fromLocal(problem: LocalProblem, file: string, locate: Locator): Diagnostic {
  const { line, col } = locate(problem.offset);
  return diagnostic(problem.code, problem.message, file, line, col);
}

/** `conf/ssh.sec:12:15: error SYS0312: unknown action 'wirte'` (gcc style, so editors can jump to it). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  return `${where}: ${d.severity} ${d.code}: ${d.message}`;
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}
