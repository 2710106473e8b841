import type { Node } from './ast.js';

/**
 * The largest number of characters a node can match (Infinity when unbounded). Perl 5.36 rejects a
 * lookbehind that can be longer than 255 characters ("Lookbehind longer than 255 not implemented"),
 * and treats a back-reference inside one as unbounded; JS would accept both, so the loader checks
 * this to reject exactly the rules SEC rejects (SEC HP-re-lookbehind).
 */
export function maxWidth(node: Node): number {
  switch (node.kind) {
    case 'char':
    case 'set':
      return 1;
    case 'seq':
      return node.items.reduce((sum, item) => sum + maxWidth(item), 0);
    case 'alt':
      return node.branches.reduce((max, b) => Math.max(max, maxWidth(b)), 0);
    case 'group':
    case 'atomic':
      return maxWidth(node.body);
    case 'quant': {
      if (node.min > node.max) return 0;
      const body = maxWidth(node.body);
      return body === 0 ? 0 : body * node.max;
    }
    case 'backref':
      return Number.POSITIVE_INFINITY;
    case 'look':
    case 'assert':
    case 'empty':
    case 'fail':
      return 0;
  }
}

/** The smallest number of characters a node can match (0: it can match the empty string). */
export function minWidth(node: Node): number {
  switch (node.kind) {
    case 'char':
    case 'set':
      return 1;
    case 'seq':
      return node.items.reduce((sum, item) => sum + minWidth(item), 0);
    case 'alt':
      return node.branches.reduce((min, b) => Math.min(min, minWidth(b)), Number.POSITIVE_INFINITY);
    case 'group':
    case 'atomic':
      return minWidth(node.body);
    case 'quant':
      return node.min > node.max ? Number.POSITIVE_INFINITY : minWidth(node.body) * node.min;
    case 'fail':
      return Number.POSITIVE_INFINITY;
    default:
      return 0; // back-references (may be empty), lookarounds, assertions, \K
  }
}

/** Perl's limit on the length of a lookbehind. */
export const MAX_LOOKBEHIND = 255;
