import type { Node } from '../../config/perl-regex/ast.js';
import type { ByteSet } from '../../config/perl-regex/byte-set.js';
import { parsePerlRegex } from '../../config/perl-regex/parser.js';
import { foldByte } from './fold.js';
import {
  best,
  compareQuality,
  cross,
  finish,
  keyOf,
  type Literals,
  MAX_CLASS,
  power,
  union,
  usable,
} from './literal-set.js';

/**
 * What one node tells about the subjects a match of it can come from: `exact`, the folded texts
 * the node can consume (null = too many or unknown); `all`, sets of which EACH has a member in
 * every subject where the node matches (a conjunction of alternatives; empty = nothing known).
 */
interface Info {
  readonly exact: Literals | null;
  readonly all: readonly Literals[];
}

/** Most sets kept per pattern: the longest ones (the rarest is chosen among them later). */
const MAX_SETS = 8;

const anything = (): Info => ({ exact: null, all: [] });
const nothingConsumed = (): Info => ({ exact: new Set(['']), all: [] });

/** The folded images of the bytes of `set`, as one-byte texts; null past MAX_CLASS or when empty. */
function imageOf(set: ByteSet): Literals | null {
  const out = new Set<string>();
  // Stops at the first byte past the cap: wide classes (\S, .) cost a few tests, not 256.
  for (let c = 0; c < 256; c++) {
    if (!set.has(c)) continue;
    out.add(String.fromCharCode(foldByte(c)));
    if (out.size > MAX_CLASS) return null;
  }
  return out.size === 0 ? null : out;
}

/** The single best set a node requires on its own (its exact texts or one of `all`). */
function requirement(info: Info): Literals | null {
  return best([info.exact, ...info.all]);
}

/** `run` with `tail` appended to every member. */
function withTail(run: Literals, tail: string): Literals {
  if (tail === '') return run;
  const out = new Set<string>();
  for (const x of run) out.add(x + tail);
  return out;
}

/**
 * A sequence: known text is joined left to right (cross products of alternatives, a common
 * `tail` of one-text items such as plain characters); every stretch of known text is required,
 * and so is a common tail alone, and so is every requirement of the items.
 */
function analyzeSeq(items: readonly Node[]): Info {
  let run: Literals = new Set(['']);
  let tail = '';
  let whole = true;
  const all: Literals[] = [];
  const need = (s: Literals | null): void => {
    if (usable(s)) all.push(s);
  };
  const flush = (): Literals => {
    if (run.size > 1) need(new Set([tail])); // after an alternation: the part all branches share
    const known = withTail(run, tail);
    tail = '';
    need(known);
    return known;
  };
  for (const item of items) {
    if (item.kind === 'char' && item.folded === null) {
      tail += String.fromCharCode(foldByte(item.code)); // the common case, without an Info
      continue;
    }
    const info = analyze(item);
    all.push(...info.all);
    const exact = info.exact;
    if (exact !== null && exact.size === 1) {
      tail += exact.values().next().value as string;
      continue;
    }
    const known = flush();
    run = new Set(['']);
    if (exact === null) {
      whole = false; // unknown text ends the stretch
      continue;
    }
    const joined = cross(known, exact);
    if (joined === null) whole = false;
    run = joined ?? exact;
  }
  const known = flush();
  return { exact: whole ? known : null, all };
}

function analyzeAlt(branches: readonly Node[]): Info {
  const infos = branches.map(analyze);
  const exacts = infos.map((i) => i.exact);
  const exact = exacts.every((e) => e !== null) ? union(exacts as Literals[]) : null;
  // Every branch must name a requirement, else a match may come from a branch that needs nothing.
  const reqs = infos.map(requirement);
  const req = reqs.every((r) => r !== null) ? union(reqs as Literals[]) : null;
  return { exact, all: usable(req) ? [req] : [] };
}

function analyzeQuant(node: Extract<Node, { kind: 'quant' }>): Info {
  if (node.min > node.max) return anything();
  if (node.max === 0) return nothingConsumed();
  const body = analyze(node.body);
  if (node.min === 0) {
    // Optional: zero or one copy of known text stays known text (colou?r); nothing is required.
    const exact = node.max === 1 && body.exact !== null ? union([new Set(['']), body.exact]) : null;
    return { exact, all: [] };
  }
  if (body.exact === null) return { exact: null, all: body.all };
  // min copies in a row are part of every match of more copies.
  const atLeast = power(body.exact, node.min);
  const all = [...body.all, ...[atLeast, body.exact].filter(usable)];
  return { exact: node.min === node.max ? atLeast : null, all };
}

/** Exact texts and requirements of a parsed Perl regex node (sound: never more than the node needs). */
function analyze(node: Node): Info {
  switch (node.kind) {
    case 'char':
      if (node.folded === null)
        return { exact: new Set([String.fromCharCode(foldByte(node.code))]), all: [] };
      return { exact: imageOf(node.folded), all: [] };
    case 'set':
      return { exact: imageOf(node.set), all: [] };
    case 'seq':
      return analyzeSeq(node.items);
    case 'alt':
      return analyzeAlt(node.branches);
    case 'group':
    case 'atomic':
      return analyze(node.body);
    case 'quant':
      return analyzeQuant(node);
    case 'look': {
      // A positive lookaround's body matches inside the subject; a negative one requires nothing.
      if (node.negate) return nothingConsumed();
      const body = analyze(node.body);
      return { exact: new Set(['']), all: [...body.all, ...[body.exact].filter(usable)] };
    }
    case 'assert':
    case 'empty':
      return nothingConsumed();
    case 'backref':
    case 'fail':
      return anything();
  }
}

/**
 * Distinct sets, best first, without the ones another implies: a set one of whose members lies
 * inside a required single text is present whenever that text is.
 */
function prune(sets: readonly Literals[]): (readonly string[])[] {
  const byKey = new Map<string, readonly string[]>();
  for (const s of sets) {
    const f = finish(s);
    byKey.set(keyOf(f), f);
  }
  const list = [...byKey.values()];
  const singles = list.filter((f) => f.length === 1);
  const implied = (t: readonly string[]): boolean =>
    singles.some((f) => f !== t && t.some((member) => (f[0] as string).includes(member)));
  return list
    .filter((t) => !implied(t))
    .sort((a, b) => compareQuality(b, a))
    .slice(0, MAX_SETS);
}

/**
 * What every subject the Perl pattern matches contains: one member of EACH returned set (folded
 * texts, fold.ts). Empty when nothing useful is known (the rule then always runs). The pattern is
 * read by parsePerlRegex, as compilePerlRegex reads it.
 */
export function requiredLiterals(source: string): readonly (readonly string[])[] {
  let root: Node;
  try {
    root = parsePerlRegex(source).root;
  } catch {
    return [];
  }
  const info = analyze(root);
  return prune([...[info.exact].filter(usable), ...info.all]);
}
