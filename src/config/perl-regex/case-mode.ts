import type { Node } from './ast.js';
import type { ByteSet } from './byte-set.js';
import { casePartner, foldClosure } from './char-sets.js';
import { RegexProblem } from './state.js';

/**
 * How /i is rendered (SEC HP-re-inline). Node 20 has no `(?i:...)`, so:
 * - 'flag': the JS `i` flag, when every case-sensitive atom of the pattern is under /i and folds in
 *   JS exactly as in Perl (typically `(?i)` at the very start);
 * - 'expand': no flag; each folded literal becomes a class such as `[aA]` (exact for bytes).
 * JS without `u` folds the Latin-1 letters too (é/É), which Perl does on bytes only under Unicode
 * rules, so a pattern with such a letter under /d rules is expanded rather than flagged.
 * Known limit: under the flag, a case-insensitive back-reference also folds Latin-1 letters it
 * captured from the subject (`(?i)(.)\1` matches "éÉ"; Perl under /d does not).
 */
export type CaseMode = 'flag' | 'expand';

interface Census {
  needsI: boolean; // some literal or back-reference is case-insensitive
  sensitive: boolean; // some case-relevant atom is case-sensitive
  unsafe: boolean; // some /i atom would fold differently in JS
  ciBackref: number; // offset of the first case-insensitive back-reference, or -1
}

export function chooseCaseMode(root: Node): CaseMode {
  const c: Census = { needsI: false, sensitive: false, unsafe: false, ciBackref: -1 };
  visit(root, c);
  if (!c.needsI) return 'expand'; // nothing needs folding at emit time: no flag
  if (!c.sensitive && !c.unsafe) return 'flag';
  if (c.ciBackref < 0) return 'expand';
  // A back-reference can only be case-insensitive through the flag, which would also fold the
  // case-sensitive atoms or the Latin-1 letters that Perl does not fold under /d.
  throw new RegexProblem({
    code: 'SYS0518',
    message:
      "case-insensitive back-reference: it needs '(?i)' over the whole pattern and no Latin-1 letters " +
      'that Perl does not fold; it cannot be translated',
    offset: c.ciBackref,
  });
}

function visit(node: Node, c: Census): void {
  switch (node.kind) {
    case 'char':
      visitChar(node.code, node.folded, c);
      return;
    case 'set': {
      if (foldClosure(node.set, true).equals(node.set)) return;
      if (node.ci) c.unsafe = true;
      else c.sensitive = true;
      return;
    }
    case 'backref':
      if (!node.ci) {
        c.sensitive = true;
        return;
      }
      c.needsI = true;
      if (c.ciBackref < 0) c.ciBackref = node.offset;
      return;
    case 'seq':
      for (const item of node.items) visit(item, c);
      return;
    case 'alt':
      for (const b of node.branches) visit(b, c);
      return;
    case 'group':
    case 'look':
    case 'atomic':
    case 'quant':
      visit(node.body, c);
      return;
    default:
      return;
  }
}

function visitChar(code: number, folded: ByteSet | null, c: Census): void {
  if (folded === null) {
    if (casePartner(code, true) >= 0) c.sensitive = true;
    return;
  }
  c.needsI = true;
  // `folded` is {code, Perl partner}; the JS flag folds code with its Latin-1-aware partner.
  if (!folded.has(casePartner(code, true))) c.unsafe = true;
}
