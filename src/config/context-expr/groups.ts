/**
 * SEC CX-group: the first step of SEC's analyze_context (its replace_subexpr). Every top-level
 * `( ... )` is replaced by one mark character and its content is kept aside, so the operator
 * search that follows never looks inside parentheses. A parenthesis right after a backslash is
 * not counted (`\(` is a literal one); a backslash cannot escape another backslash, so in
 * `a\\(b)` the `(` is literal and the `)` is unbalanced.
 */

/** Stands for one parenthesised group in `FlatText.text` (a private-use char: never in latin1 input). */
export const GROUP_MARK = '\uE000';

export interface Group {
  /** The text between the parentheses, as written. */
  readonly content: string;
  /** Offset of the content's first char in the original input. */
  readonly offset: number;
}

export interface FlatText {
  /** The input with every top-level group replaced by GROUP_MARK. */
  readonly text: string;
  /** origin[i] is the input offset of text[i]; origin[text.length] is the input's end. */
  readonly origin: readonly number[];
  /** The group behind each mark, keyed by the mark's index in `text`. */
  readonly groups: ReadonlyMap<number, Group>;
}

export type FlattenResult =
  | { readonly ok: true; readonly flat: FlatText }
  | { readonly ok: false; readonly offset: number; readonly message: string };

/**
 * Replaces the top-level groups of `input`. `base` is added to every offset (the input's position
 * inside the text the caller was given).
 */
export function flattenGroups(input: string, base: number): FlattenResult {
  let text = '';
  const origin: number[] = [];
  const groups = new Map<number, Group>();
  const open: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    const escaped = i > 0 && input[i - 1] === '\\';
    if (!escaped && ch === '(') {
      open.push(i);
      continue;
    }
    if (!escaped && ch === ')') {
      const start = open.pop();
      if (start === undefined) {
        return { ok: false, offset: base + i, message: "unbalanced parentheses: ')' without a matching '('" };
      }
      if (open.length === 0) {
        groups.set(text.length, { content: input.slice(start + 1, i), offset: base + start + 1 });
        text += GROUP_MARK;
        origin.push(base + start);
      }
      continue;
    }
    if (open.length === 0) {
      text += ch;
      origin.push(base + i);
    }
  }
  const unclosed = open[0];
  if (unclosed !== undefined) {
    return { ok: false, offset: base + unclosed, message: "unbalanced parentheses: '(' is never closed" };
  }
  origin.push(base + input.length);
  return { ok: true, flat: { text, origin, groups } };
}

/** True if text[start, end) contains the mark of a group. */
export function containsGroup(flat: FlatText, start: number, end: number): boolean {
  for (const index of flat.groups.keys()) {
    if (index >= start && index < end) return true;
  }
  return false;
}

/** The group whose mark is exactly text[start, end), if it is one. */
export function exactGroup(flat: FlatText, start: number, end: number): Group | undefined {
  return end === start + 1 ? flat.groups.get(start) : undefined;
}
