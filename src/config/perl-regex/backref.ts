import type { Node } from './ast.js';
import { braceBody, octalDigits } from './escape-chars.js';
import { charNode } from './literal.js';
import type { ParseState } from './state.js';

/** Perl group names: a non-digit word character, then word characters (ASCII for byte patterns). */
export const GROUP_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Records a back-reference; numbers and names are checked against the whole pattern after parsing. */
export function backref(st: ParseState, ref: number | string, offset: number): Node {
  st.refs.push({ ref, offset });
  return { kind: 'backref', ref, ci: st.flags.i, offset };
}

/**
 * `\1`..`\9` are always back-references. A longer number is one only when that many groups were
 * opened before it; otherwise it is an octal escape of up to three digits, unless it starts with
 * 8 or 9 (then it is a reference, to a group that does not exist). Verified with perl 5.36.
 */
export function parseNumberedEscape(st: ParseState, start: number): Node {
  const digits = /^\d+/.exec(st.src.slice(st.pos))?.[0] ?? '';
  const num = Number(digits);
  if (num <= 9 || num <= st.groupCount || /^[89]/.test(digits)) {
    st.pos += digits.length;
    return backref(st, num, start);
  }
  return charNode(st, octalDigits(st, 3));
}

/** `\g1 \g{1} \g-1 \g{-1} \g{name}` and `\k<name> \k'name' \k{name}` (SEC HP-re-named). */
export function parseBackrefEscape(st: ParseState, start: number): Node {
  const letter = st.peek();
  st.pos++;
  if (letter === 'k') return namedRef(st, start);
  let spec: string;
  if (st.peek() === '{') {
    spec = braceBody(st, start, '\\g{}').trim();
  } else {
    spec = /^-?\d+/.exec(st.src.slice(st.pos))?.[0] ?? '';
    st.pos += spec.length;
  }
  if (spec === '') st.fail('SYS0505', "unterminated '\\g...' reference", start);
  if (!/^-?\d+$/.test(spec)) return nameRef(st, spec, start);
  const n = Number(spec);
  if (n === 0) st.fail('SYS0503', 'reference to invalid group 0', start);
  if (n > 0) return backref(st, n, start);
  const target = st.groupCount + 1 + n;
  if (target < 1)
    st.fail('SYS0503', `relative reference '${st.src.slice(start, st.pos)}' to a nonexistent group`, start);
  return backref(st, target, start);
}

function namedRef(st: ParseState, start: number): Node {
  const open = st.peek();
  const close = open === '<' ? '>' : open === "'" ? "'" : open === '{' ? '}' : '';
  const end = close === '' ? -1 : st.src.indexOf(close, st.pos + 1);
  if (end < 0) st.fail('SYS0505', "'\\k' must be followed by <name>, 'name' or {name}", start);
  const name = st.src.slice(st.pos + 1, end);
  st.pos = end + 1;
  return nameRef(st, open === '{' ? name.trim() : name, start);
}

export function nameRef(st: ParseState, name: string, start: number): Node {
  const m = GROUP_NAME.exec(name);
  if (m === null || m[0] !== name) {
    st.fail('SYS0504', `group name '${name}' must start with a non-digit word character`, start);
  }
  return backref(st, name, start);
}
