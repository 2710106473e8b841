import type { Field } from '../lexer.js';
import { compilePerlRegex } from '../perl-regex/index.js';
import { hasMatchVariables } from '../template/index.js';
import type { RuleProblems } from './fields.js';
import type { Pattern, PatternKind, VarMapItem } from './types.js';

export interface PatternOptions {
  /** Explicit --bufsize; 0 = automatic (no limit on N). */
  readonly bufsize: number;
  /** For Pair/PWW pattern2: the kind of pattern1, which decides whether pattern2 is compiled now. */
  readonly firstPattern?: Pattern;
}

const N_LINE = /^(n?)(regexp|substr|perlfunc)(?:0*([1-9][0-9]*))?$/i;
const SINGLE_LINE = /^(n?)cached$/i;
const KIND_BY_NAME: Readonly<Record<string, PatternKind>> = {
  regexp: 'RegExp',
  substr: 'SubStr',
  perlfunc: 'PerlFunc',
};

/** PT-substr: `\t \n \r \s \0 \\` are converted at load; any other backslash stays literal. */
export function substSpecialChars(text: string): string {
  const map: Readonly<Record<string, string>> = { '0': '', n: '\n', r: '\r', s: ' ', t: '\t', '\\': '\\' };
  return text.replace(/\\([0nrst\\])/g, (_, c: string) => map[c] ?? '');
}

/** Pair pattern2 with match variables is compiled when the operation is created (PT-pair2-regexp). */
function deferRegex(options: PatternOptions, source: string): boolean {
  const first = options.firstPattern;
  if (first === undefined) return false;
  if (first.kind === 'TValue' || first.kind === 'SubStr') return false;
  return hasMatchVariables(source);
}

/** SEC analyze_pattern: the ptype/pattern pair of one rule (PT-*). Returns null when invalid. */
export function parsePattern(
  ptype: Field,
  pattern: Field,
  options: PatternOptions,
  problems: RuleProblems,
): Pattern | null {
  const nline = N_LINE.exec(ptype.value);
  if (nline !== null) {
    const negate = (nline[1] ?? '') !== '';
    const kind = KIND_BY_NAME[(nline[2] ?? '').toLowerCase()] ?? 'SubStr';
    const lines = nline[3] === undefined ? 1 : Number.parseInt(nline[3], 10);
    if (options.bufsize > 0 && lines > options.bufsize) {
      problems.at(
        ptype,
        'SYS0602',
        `pattern type '${ptype.value}' is designed to match ${lines} lines, please set --bufsize to at least ${lines}`,
        0,
      );
      return null;
    }
    const source = pattern.value;
    if (kind === 'SubStr') return { kind, negate, lines, text: substSpecialChars(source) };
    if (kind === 'PerlFunc') {
      problems.at(
        pattern,
        'SYS0801',
        `${ptype.value} pattern needs Perl code, which is not supported yet`,
        0,
      );
      return { kind, negate, lines, code: source };
    }
    if (deferRegex(options, source)) return { kind: 'RegExp', negate, lines, source, regex: null };
    const compiled = compilePerlRegex(source);
    if (!compiled.ok) {
      problems.local(pattern, [compiled.problem]);
      return null;
    }
    problems.local(pattern, compiled.warnings);
    return { kind: 'RegExp', negate, lines, source, regex: compiled.regex };
  }
  const cached = SINGLE_LINE.exec(ptype.value);
  if (cached !== null) {
    if (!/^[A-Za-z]\w*$/.test(pattern.value)) {
      problems.at(pattern, 'SYS0603', `invalid cached pattern name '${pattern.value}'`, 0);
      return null;
    }
    return { kind: 'Cached', negate: (cached[1] ?? '') !== '', lines: 1, name: pattern.value };
  }
  if (/^tvalue$/i.test(ptype.value)) {
    const upper = pattern.value.toUpperCase();
    if (upper !== 'TRUE' && upper !== 'FALSE') {
      problems.at(pattern, 'SYS0604', `invalid truth value '${pattern.value}'`, 0);
      return null;
    }
    return { kind: 'TValue', negate: false, lines: 1, value: upper === 'TRUE' };
  }
  problems.at(ptype, 'SYS0601', `invalid pattern type '${ptype.value}'`, 0);
  return null;
}

/** SEC analyze_varmap (VM-syntax): `name[=N]; name2=M; cachename`, RegExp and PerlFunc only. */
export function parseVarmap(field: Field, pattern: Pattern, problems: RuleProblems): VarMapItem[] {
  if ((pattern.kind !== 'RegExp' && pattern.kind !== 'PerlFunc') || pattern.negate) {
    problems.at(
      field,
      'SYS0606',
      `variable maps are supported for RegExp and PerlFunc patterns only, ignoring variable map '${field.value}'`,
    );
    return [];
  }
  const items: VarMapItem[] = [];
  let offset = 0;
  // Perl split(/\s*;\s*/) drops trailing empty fields; leading empty ones fail the item check.
  const parts = field.value.split(/[\t\n\v\f\r ]*;[\t\n\v\f\r ]*/);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  for (const part of parts) {
    const at = field.value.indexOf(part, offset);
    offset = at < 0 ? offset : at + part.length;
    const m = /^[\t\n\v\f\r ]*([A-Za-z]\w*)(?:[\t\n\v\f\r ]*=[\t\n\v\f\r ]*0*([0-9]+))?[\t\n\v\f\r ]*$/.exec(
      part,
    );
    if (m === null) {
      problems.at(
        field,
        'SYS0605',
        `invalid variable map item '${part}' in '${field.value}'`,
        Math.max(at, 0),
      );
      continue;
    }
    items.push({ name: m[1] ?? '', index: m[2] === undefined ? null : Number.parseInt(m[2], 10) });
  }
  return items;
}
