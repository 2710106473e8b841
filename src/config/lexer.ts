import { type Diagnostic, diagnostic, type Locator } from './diagnostics.js';

/** One `keyword=value` field of a rule, with positions for diagnostics. */
export interface Field {
  readonly keyword: string;
  readonly value: string;
  /** Physical line and column of the keyword. */
  readonly line: number;
  readonly col: number;
  /** Maps a 0-based offset in `value` to its physical position (continuations included). */
  readonly locate: Locator;
}

/** The fields between two separators (CF-sep); the last occurrence of a keyword wins (CF-dup). */
export interface RuleBlock {
  /** SEC's "rule at line N": the line after the previous separator. */
  readonly startLine: number;
  readonly fields: ReadonlyMap<string, Field>;
}

export type LexItem =
  | { readonly kind: 'block'; readonly block: RuleBlock }
  | { readonly kind: 'label'; readonly name: string; readonly line: number; readonly col: number };

export interface LexResult {
  readonly items: readonly LexItem[];
  readonly diagnostics: readonly Diagnostic[];
}

/** A run of logical-line characters that came from one physical line. */
interface Segment {
  start: number;
  readonly line: number;
  readonly col: number;
}

// SEC CF-kv: `^\s*([[:alnum:]]+)\s*=\s*(.*\S)` on the trimmed line; Perl's \s on bytes.
const KEY_VALUE = /^([A-Za-z0-9]+)[\t\n\v\f\r ]*=[\t\n\v\f\r ]*/;
const WS = /[\t\n\v\f\r ]/;

function isWs(ch: string | undefined): boolean {
  return ch !== undefined && WS.test(ch);
}

function locatorFor(segments: readonly Segment[], base: number): Locator {
  return (offset) => {
    const at = base + offset;
    let seg = segments[0] ?? { start: 0, line: 0, col: 1 };
    for (const s of segments) {
      if (s.start <= at) seg = s;
      else break;
    }
    return { line: seg.line, col: seg.col + (at - seg.start) };
  };
}

/**
 * Splits a rule file into rule blocks and labels exactly as SEC's read_configfile does:
 * lines are trimmed; a line ending in `\` is continued by the next physical line, appended raw
 * (CF-cont); an empty line, a `#` line or EOF ends the current rule (CF-sep); `rem` is dropped
 * (CF-rem); `label` is emitted in sequence (CF-label). Never throws.
 */
export function lexRuleFile(text: string, file: string): LexResult {
  const items: LexItem[] = [];
  const diagnostics: Diagnostic[] = [];
  const physical = text.split('\n');
  // A final "\n" does not start another line (Perl's <$fh> returns no empty last record).
  if (physical.length > 0 && physical[physical.length - 1] === '') physical.pop();

  let fields = new Map<string, Field>();
  let ruleStart = 1;
  let line = '';
  let segments: Segment[] = [];
  let cont = false;

  const endBlock = (lineNo: number): void => {
    if (fields.size > 0) items.push({ kind: 'block', block: { startLine: ruleStart, fields } });
    fields = new Map();
    ruleStart = lineNo + 1;
  };

  for (let i = 0; i < physical.length; i++) {
    const lineNo = i + 1;
    const raw = physical[i] ?? '';
    if (cont) {
      segments.push({ start: line.length, line: lineNo, col: 1 });
      line += raw;
    } else {
      line = raw;
      segments = [{ start: 0, line: lineNo, col: 1 }];
    }
    // Trim both ends; an all-whitespace line becomes "".
    let lead = 0;
    while (lead < line.length && isWs(line[lead])) lead++;
    let end = line.length;
    while (end > lead && isWs(line[end - 1])) end--;
    line = line.slice(lead, end);
    for (const s of segments) s.start -= lead;

    if (line.endsWith('\\')) {
      line = line.slice(0, -1);
      cont = true;
      continue;
    }
    cont = false;

    if (line.length === 0 || line.startsWith('#')) {
      endBlock(lineNo);
      continue;
    }
    const m = KEY_VALUE.exec(line);
    if (m === null || m[0].length === line.length) {
      const at = locatorFor(segments, 0)(0);
      diagnostics.push(
        diagnostic(
          'SYS0102',
          `line not in keyword=value format or non-alphanumeric keyword: '${line}'`,
          file,
          at.line,
          at.col,
        ),
      );
      continue;
    }
    const keyword = m[1] ?? '';
    const value = line.slice(m[0].length);
    const keyAt = locatorFor(segments, 0)(0);
    if (keyword === 'label') {
      items.push({ kind: 'label', name: value, line: keyAt.line, col: keyAt.col });
      continue;
    }
    if (keyword === 'rem') continue;
    const previous = fields.get(keyword);
    if (previous !== undefined) {
      diagnostics.push(
        diagnostic(
          'SYS0103',
          `several '${keyword}' keywords specified, overriding previous value '${previous.value}' with '${value}'`,
          file,
          keyAt.line,
          keyAt.col,
        ),
      );
    }
    fields.set(keyword, {
      keyword,
      value,
      line: keyAt.line,
      col: keyAt.col,
      locate: locatorFor(segments.slice(), m[0].length),
    });
  }
  if (cont) {
    const at = locatorFor(segments, 0)(0);
    diagnostics.push(
      diagnostic('SYS0104', 'unfinished continuation line at end of file is dropped', file, at.line, at.col),
    );
  }
  endBlock(physical.length);
  return { items, diagnostics };
}
