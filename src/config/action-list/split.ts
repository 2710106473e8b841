import type { LocalProblem } from '../diagnostics.js';
import { trimRange } from './perl-text.js';

/** A top-level parenthesised group: offsets of its `(` and its matching `)`. */
export interface Group {
  readonly open: number;
  readonly close: number;
}

/** One action of a list: the text between separators, trimmed, with its top-level groups. */
export interface Part {
  readonly start: number;
  readonly end: number;
  readonly groups: readonly Group[];
}

export type SplitResult = { ok: true; parts: Part[] } | { ok: false; problems: LocalProblem[] };

/**
 * SEC's replace_subexpr over `text[from, to)` (AL-split, AL-unbalanced): finds the top-level
 * parenthesised groups. A parenthesis right after a backslash is not counted (`\(` masks it, and
 * so does `\\(`, as in SEC). Returns the offending offset when the parentheses do not balance: an
 * extra `)`, or the outermost `(` left open.
 */
export function findGroups(text: string, from: number, to: number): Group[] | number {
  const groups: Group[] = [];
  let depth = 0;
  let open = -1;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (i > from && text[i - 1] === '\\') continue;
    if (ch === '(') {
      depth++;
      if (depth === 1) open = i;
    } else if (ch === ')') {
      depth--;
      if (depth < 0) return i;
      if (depth === 0) groups.push({ open, close: i });
    }
  }
  return depth === 0 ? groups : open;
}

/**
 * SEC's analyze_actionlist front half (AL-split): trims the list, masks the top-level groups,
 * splits on `;` outside them with the whitespace around each `;`, and drops trailing empty parts
 * (Perl's split). A leading or inner empty part is kept here and rejected by the caller, as SEC
 * rejects it ("Invalid action ''"); its `start` is then the offset of the `;` that ends it.
 */
export function splitActionList(text: string, from: number, to: number): SplitResult {
  const [start, end] = trimRange(text, from, to);
  const found = findGroups(text, start, end);
  if (typeof found === 'number') {
    return {
      ok: false,
      problems: [{ code: 'SYS0301', message: 'unbalanced parentheses in action list', offset: found }],
    };
  }
  const parts: Part[] = [];
  let pieceStart = start;
  let g = 0;
  for (let i = start; i <= end; i++) {
    const group = found[g];
    if (group !== undefined && i === group.open) {
      i = group.close;
      g++;
      continue;
    }
    if (i < end && text[i] !== ';') continue;
    parts.push(makePart(text, pieceStart, i, found));
    pieceStart = i + 1;
  }
  while (parts.length > 0 && isEmptyPart(parts[parts.length - 1]!)) parts.pop();
  return { ok: true, parts };
}

/** True for a part with no text (it stands between two separators). */
export function isEmptyPart(part: Part): boolean {
  return part.end === part.start;
}

function makePart(text: string, from: number, sep: number, groups: readonly Group[]): Part {
  const [start, end] = trimRange(text, from, sep);
  if (start === end) return { start: sep, end: sep, groups: [] };
  return { start, end, groups: groups.filter((gr) => gr.open >= start && gr.close < end) };
}

/** A part with its top-level groups replaced by NUL, as SEC's if/while patterns see it. */
export interface MaskedPart {
  readonly masked: string;
  /** The source range of masked characters [from, to), a NUL standing for its whole group. */
  readonly sourceRange: (from: number, to: number) => { start: number; end: number };
}

/** SEC's EXPRSYMBOL view of one part (ACT-if, ACT-while): `if %v (a) else (b)` reads `if %v \0 else \0`. */
export function maskPart(source: string, part: Part): MaskedPart {
  const starts: number[] = [];
  const ends: number[] = [];
  let masked = '';
  let g = 0;
  for (let i = part.start; i < part.end; i++) {
    const group = part.groups[g];
    starts.push(i);
    if (group !== undefined && group.open === i) {
      masked += '\0';
      i = group.close;
      g++;
    } else {
      masked += source[i];
    }
    ends.push(i + 1);
  }
  const sourceRange = (from: number, to: number) => ({
    start: starts[from] ?? part.end,
    end: to > from ? (ends[to - 1] ?? part.end) : (starts[from] ?? part.end),
  });
  return { masked, sourceRange };
}
