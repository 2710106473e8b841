import type { Node } from './ast.js';
import { ByteSet } from './byte-set.js';
import { casePartner, foldClosure } from './char-sets.js';
import { note } from './escape-chars.js';
import type { ParseState } from './state.js';

/** A literal byte, with its case set when /i applies (a code point above 0xFF never matches). */
export function charNode(st: ParseState, code: number): Node {
  note(st, code);
  if (code > 0xff) return { kind: 'set', set: ByteSet.empty(), ci: false };
  const partner = st.flags.i ? casePartner(code, st.rules().latin1Fold) : -1;
  return { kind: 'char', code, folded: partner < 0 ? null : ByteSet.of(code, partner) };
}

/** A set written under the current flags: folded when /i applies. */
export function setNode(st: ParseState, set: ByteSet): Node {
  const ci = st.flags.i;
  return { kind: 'set', set: ci ? foldClosure(set, st.rules().latin1Fold) : set, ci };
}
