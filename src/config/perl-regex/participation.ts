import type { Node } from './ast.js';

/**
 * In Perl a back-reference to a group that did not take part in the match fails; in JS it matches
 * the empty string (`(a)?b\1` matches "b" in JS, not in Perl). The emitter gives such groups a
 * participation marker (see emit.ts) and guards the reference with it. This finds the groups that
 * need one: those a back-reference can see unset, i.e. referenced before they close, or reachable
 * from the reference only through an alternation branch, an optional quantifier or a negative
 * lookaround. Groups sharing a name referenced by `\k<name>` always get one ("leftmost defined").
 */
export function groupsNeedingMarkers(root: Node, names: ReadonlyMap<string, readonly number[]>): Set<number> {
  const w: Walk = { stack: [], clock: 0, groups: new Map(), refs: [] };
  walk(root, w);
  const out = new Set<number>();
  for (const ref of w.refs) {
    const targets = typeof ref.ref === 'number' ? [ref.ref] : (names.get(ref.ref) ?? []);
    if (targets.length > 1) {
      for (const t of targets) out.add(t);
      continue;
    }
    const target = targets[0];
    const group = target === undefined ? undefined : w.groups.get(target);
    if (target !== undefined && group !== undefined && maybeUnset(group, ref)) out.add(target);
  }
  return out;
}

interface Seen {
  readonly path: readonly Node[]; // ancestors, outermost first
  closedAt: number;
}
interface RefSeen {
  readonly ref: number | string;
  readonly path: readonly Node[];
  readonly at: number;
}
interface Walk {
  readonly stack: Node[];
  clock: number;
  readonly groups: Map<number, Seen>;
  readonly refs: RefSeen[];
}

function walk(node: Node, w: Walk): void {
  if (node.kind === 'backref') {
    w.refs.push({ ref: node.ref, path: [...w.stack], at: w.clock++ });
    return;
  }
  const seen = node.kind === 'group' && node.index !== null ? { path: [...w.stack], closedAt: -1 } : null;
  w.stack.push(node);
  for (const child of children(node)) walk(child, w);
  w.stack.pop();
  if (seen !== null && node.kind === 'group' && node.index !== null) {
    seen.closedAt = w.clock++;
    w.groups.set(node.index, seen);
  }
}

function children(node: Node): readonly Node[] {
  switch (node.kind) {
    case 'seq':
      return node.items;
    case 'alt':
      return node.branches;
    case 'group':
    case 'look':
    case 'atomic':
    case 'quant':
      return [node.body];
    default:
      return [];
  }
}

function maybeUnset(group: Seen, ref: RefSeen): boolean {
  if (group.closedAt > ref.at) return true; // forward reference, or a reference inside the group
  let k = 0;
  while (k < group.path.length && k < ref.path.length && group.path[k] === ref.path[k]) k++;
  const lca = group.path[k - 1];
  if (lca?.kind === 'alt') return true; // the reference is in another branch
  for (const node of group.path.slice(k)) {
    if (node.kind === 'alt') return true;
    if (node.kind === 'quant' && (node.min === 0 || node.min > node.max)) return true;
    if (node.kind === 'look' && node.negate) return true;
  }
  return false;
}
