import { type Diagnostic, diagnostic, fromLocal, type LocalProblem } from '../diagnostics.js';
import type { Field } from '../lexer.js';
import type { DiagCode } from '../registry.js';
import type { Continue } from './types.js';

/** Collects the diagnostics of one rule; the rule is invalid once any error is reported. */
export class RuleProblems {
  readonly #file: string;
  readonly list: Diagnostic[] = [];

  constructor(file: string) {
    this.#file = file;
  }

  at(field: Field, code: DiagCode, message: string, offset = -1): void {
    if (offset < 0) {
      this.list.push(diagnostic(code, message, this.#file, field.line, field.col));
      return;
    }
    const { line, col } = field.locate(offset);
    this.list.push(diagnostic(code, message, this.#file, line, col));
  }

  atLine(line: number, code: DiagCode, message: string): void {
    this.list.push(diagnostic(code, message, this.#file, line, 1));
  }

  local(field: Field, problems: readonly LocalProblem[]): void {
    for (const p of problems) this.list.push(fromLocal(p, this.#file, field.locate));
  }

  get failed(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }
}

// SEC CF-int: ASCII digits only, leading zeros allowed.
const UNSIGNED = /^0*([0-9]+)$/;

/** window, window2, thresh (> 0 where SEC says `|| $1 == 0`), thresh2 (>= 0). */
export function parseUnsigned(
  field: Field,
  problems: RuleProblems,
  what: { code: 'SYS0208' | 'SYS0209'; name: string; allowZero: boolean },
): number {
  const m = UNSIGNED.exec(field.value);
  const n = m === null ? Number.NaN : Number.parseInt(m[1] ?? '', 10);
  if (Number.isNaN(n) || (!what.allowZero && n === 0)) {
    const need = what.allowZero ? 'an unsigned integer' : 'a positive integer';
    problems.at(field, what.code, `invalid ${what.name} '${field.value}': ${need} is required`, 0);
    return 0;
  }
  return n;
}

/** shell, multact, constset: YES or NO, case-insensitive (CF-case). */
export function parseYesNo(field: Field, problems: RuleProblems): boolean {
  const upper = field.value.toUpperCase();
  if (upper === 'YES') return true;
  if (upper !== 'NO') problems.at(field, 'SYS0210', `invalid ${field.keyword} value '${field.value}'`, 0);
  return false;
}

/** Before label resolution a GoTo carries target -2; load.ts resolves it (CF-goto-resolve). */
export const UNRESOLVED = -2;

/** SEC CF-continue: TakeNext | DontCont | EndMatch | GoTo <label> (keywords case-insensitive). */
export function parseContinue(field: Field | undefined, problems: RuleProblems): Continue {
  if (field === undefined) return { kind: 'DontCont' };
  const upper = field.value.toUpperCase();
  if (upper === 'TAKENEXT') return { kind: 'TakeNext' };
  if (upper === 'DONTCONT') return { kind: 'DontCont' };
  if (upper === 'ENDMATCH') return { kind: 'EndMatch' };
  const m = /^goto[\t\n\v\f\r ]+(.*[^\t\n\v\f\r ])/i.exec(field.value);
  if (m !== null) return { kind: 'GoTo', label: m[1] ?? '', target: UNRESOLVED };
  problems.at(field, 'SYS0205', `invalid continue value '${field.value}'`, 0);
  return { kind: 'DontCont' };
}
