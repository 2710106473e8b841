/**
 * Sets of literal strings in folded form (see fold.ts), as the extraction combines them. A set is
 * either "exact" (the text a regex node consumes is one of its members) or "required" (any subject
 * the whole pattern matches contains at least one member). Sizes are capped so that cross products
 * stay small; past a cap the extraction gives up precision, never soundness.
 */
export type Literals = ReadonlySet<string>;

/** Most alternatives an exact or required set may hold (cross products beyond it are dropped). */
export const MAX_ALTERNATIVES = 64;
/** A class is expanded into alternatives only up to this many distinct folded bytes. */
export const MAX_CLASS = 8;
/** Longest literal kept: a longer one is cut (any part of a required text is required too). */
export const MAX_LITERAL = 32;
/** Shortest literal worth a filter: a one-byte text is in nearly every line. */
export const MIN_LITERAL = 2;

/** Every a+b for a in `left`, b in `right`; null when the result would exceed MAX_ALTERNATIVES. */
export function cross(left: Literals, right: Literals): Literals | null {
  if (left.size * right.size > MAX_ALTERNATIVES) return null;
  const out = new Set<string>();
  for (const a of left) for (const b of right) out.add(a + b);
  return out;
}

/** `body` repeated exactly `times` times, or null past the cap. */
export function power(body: Literals, times: number): Literals | null {
  let out: Literals | null = new Set(['']);
  for (let k = 0; k < times && out !== null; k++) out = cross(out, body);
  return out;
}

/** The union, or null past the cap. */
export function union(sets: readonly Literals[]): Literals | null {
  const out = new Set<string>();
  for (const s of sets) for (const x of s) out.add(x);
  return out.size > MAX_ALTERNATIVES ? null : out;
}

function minLength(s: Iterable<string>): number {
  let min = Number.POSITIVE_INFINITY;
  for (const x of s) min = Math.min(min, x.length);
  return min;
}

/** Usable as a requirement: non-empty, and no member shorter than MIN_LITERAL (so no ""). */
export function usable(s: Literals | null): s is Literals {
  return s !== null && s.size > 0 && minLength(s) >= MIN_LITERAL;
}

/**
 * Orders requirements by how few lines they are likely to let through, not knowing the input:
 * longer shortest member first (beyond 8 bytes all count as rare), then fewer alternatives, then
 * longer. Positive: `a` is better.
 */
function compareBy(la: number, sa: number, lb: number, sb: number): number {
  if (Math.min(la, 8) !== Math.min(lb, 8)) return la - lb;
  if (sa !== sb) return sb - sa;
  return la - lb;
}

export function compareQuality(a: readonly string[], b: readonly string[]): number {
  return compareBy(minLength(a), a.length, minLength(b), b.length);
}

/** The most selective usable set among the candidates, or null. */
export function best(candidates: readonly (Literals | null)[]): Literals | null {
  let chosen: Literals | null = null;
  let chosenLength = 0;
  for (const c of candidates) {
    if (c === null || c.size === 0) continue;
    const length = minLength(c);
    if (length < MIN_LITERAL) continue;
    if (chosen === null || compareBy(length, c.size, chosenLength, chosen.size) > 0) {
      chosen = c;
      chosenLength = length;
    }
  }
  return chosen;
}

/** Cuts members to MAX_LITERAL bytes (duplicates merge), sorted for stable slot keys. */
export function finish(s: Literals): readonly string[] {
  const out = new Set<string>();
  for (const x of s) out.add(x.length > MAX_LITERAL ? x.slice(0, MAX_LITERAL) : x);
  return [...out].sort();
}

/** A key naming a finished set exactly (length-prefixed members: no two sets share one). */
export function keyOf(set: readonly string[]): string {
  let key = '';
  for (const x of set) key += `${x.length}:${x}`;
  return key;
}
