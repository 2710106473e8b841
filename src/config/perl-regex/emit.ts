import type { AssertionKind, Node, ParsedRegex } from './ast.js';
import type { CaseMode } from './case-mode.js';
import { literalText, setText, wordBoundaryText } from './js-text.js';
import { groupsNeedingMarkers } from './participation.js';
import { minWidth } from './width.js';

/** The translated pattern: JS source, flags, and where each Perl group landed among the JS groups. */
export interface Emitted {
  readonly source: string;
  readonly flags: '' | 'i';
  /** groupMap[n] is the JS group number of Perl group n (index 0 is 0, the whole match). */
  readonly groupMap: readonly number[];
}

/**
 * Writes the JS RegExp. JS groups are numbered by their opening parenthesis, like Perl's, but the
 * emulation of atomic groups and possessive quantifiers (SEC HP-re-possessive: `(?=(X))\N`) and the
 * participation markers add groups, so every Perl group's JS number is recorded, and
 * back-references are written once all numbers are known (they may point forward).
 */
export function emitRegex(parsed: ParsedRegex, mode: CaseMode): Emitted {
  const e = new Emitter(parsed, mode);
  e.node(parsed.root);
  const groupMap = [0];
  for (let n = 1; n <= parsed.groupCount; n++) groupMap.push(e.jsIndex.get(n) ?? 0);
  const source = e.parts.map((p) => (typeof p === 'string' ? p : p())).join('');
  return { source, flags: mode === 'flag' ? 'i' : '', groupMap };
}

class Emitter {
  readonly parts: Array<string | (() => string)> = [];
  readonly jsIndex = new Map<number, number>();
  readonly #marker = new Map<number, number>();
  readonly #needsMarker: Set<number>;
  readonly #parsed: ParsedRegex;
  readonly #mode: CaseMode;
  #next = 1;

  constructor(parsed: ParsedRegex, mode: CaseMode) {
    this.#parsed = parsed;
    this.#mode = mode;
    this.#needsMarker = groupsNeedingMarkers(parsed.root, parsed.names);
  }

  node(n: Node): void {
    switch (n.kind) {
      case 'seq':
        for (const item of n.items) this.#wrapped(item, item.kind === 'alt');
        return;
      case 'alt':
        n.branches.forEach((b, i) => {
          if (i > 0) this.parts.push('|');
          this.node(b);
        });
        return;
      case 'char':
        this.parts.push(
          n.folded !== null && this.#mode === 'expand' ? setText(n.folded) : literalText(n.code),
        );
        return;
      case 'set':
        this.parts.push(setText(n.set));
        return;
      case 'group':
        this.#group(n.index, n.body);
        return;
      case 'look':
        this.parts.push(`(?${n.behind ? '<' : ''}${n.negate ? '!' : '='}`);
        this.node(n.body);
        this.parts.push(')');
        return;
      case 'atomic':
        this.#atomic(n.body);
        return;
      case 'quant':
        this.#quant(n);
        return;
      case 'backref':
        this.parts.push(() => this.#backref(n.ref));
        return;
      case 'assert':
        this.parts.push(
          n.word === null ? ASSERTIONS[n.what] : wordBoundaryText(n.word, n.what === 'wordBoundary'),
        );
        return;
      case 'empty':
        return;
      case 'fail':
        this.parts.push('(?!)');
        return;
    }
  }

  #wrapped(n: Node, wrap: boolean): void {
    if (wrap) this.parts.push('(?:');
    this.node(n);
    if (wrap) this.parts.push(')');
  }

  #group(index: number | null, body: Node): void {
    if (index === null) {
      this.#wrapped(body, true);
      return;
    }
    this.parts.push('(');
    this.jsIndex.set(index, this.#next++);
    const marked = this.#needsMarker.has(index);
    this.#wrapped(body, marked && body.kind === 'alt'); // the marker follows every branch
    if (marked) {
      // Participation marker (participation.ts): captures the whole subject, so a reference can
      // tell "group took part" (marker set, never empty unless the subject is) from "did not".
      this.#marker.set(index, this.#next++);
      this.parts.push('(?<=^(?=([\\s\\S]*))[\\s\\S]*)');
    }
    this.parts.push(')');
  }

  /** SEC HP-re-possessive: `(?>X)` is `(?=(X))\N`; a lookahead is never re-entered on backtracking. */
  #atomic(body: Node): void {
    const j = this.#next++;
    this.parts.push('(?=(');
    this.node(body);
    this.parts.push(`))(?:\\${j})`);
  }

  #quant(n: Extract<Node, { kind: 'quant' }>): void {
    if (n.min > n.max) {
      // Perl accepts {3,2} and it never matches; JS rejects it. Groups inside keep their numbers.
      this.parts.push('(?:(?!)');
      this.node(n.body);
      this.parts.push(')');
      return;
    }
    if (n.possessive) {
      this.#atomic({ ...n, possessive: false });
      return;
    }
    if (n.max === 1 && n.min === 0 && minWidth(n.body) === 0) {
      // JS drops an optional iteration that matched the empty string (its captures stay unset);
      // Perl keeps it: `(a*)?` on "b" sets $1 = "". An alternation has no such check.
      this.parts.push(n.lazy ? '(?:|' : '(?:');
      this.node(n.body);
      this.parts.push(n.lazy ? ')' : '|)');
      return;
    }
    const b = n.body.kind;
    this.#wrapped(n.body, !(b === 'char' || b === 'set' || b === 'group' || b === 'backref'));
    this.parts.push(quantifierText(n.min, n.max) + (n.lazy ? '?' : ''));
  }

  #backref(ref: number | string): string {
    const targets = typeof ref === 'number' ? [ref] : (this.#parsed.names.get(ref) ?? []);
    const branches = targets.map((t, i) => {
      const earlier = targets.slice(0, i).map((u) => `(?!${this.#isSet(u)})`);
      return `${earlier.join('')}${this.#isSet(t)}\\${this.jsIndex.get(t) ?? 0}`;
    });
    return `(?:${branches.join('|')})`;
  }

  /**
   * Succeeds iff Perl group `n` took part (empty when it has no marker: then it always did). A set
   * marker holds the whole subject S: at any position p, either S does not start at p (p > 0) or
   * does not end at p (p < |S|). An unset one matches the empty string everywhere, so both fail.
   * Limit: in an empty subject a set marker looks unset, so the reference fails there.
   */
  #isSet(n: number): string {
    const m = this.#marker.get(n);
    return m === undefined ? '' : `(?:(?!\\${m})|(?<!\\${m}))`;
  }
}

const ASSERTIONS: Readonly<Record<AssertionKind, string>> = {
  start: '^', // there is never an `m` flag, so ^ and $ are the string's ends
  end: '$',
  endNl: '(?=\\n?$)', // SEC HP-re-dollar
  lineStart: '(?:^|(?<=\\n)(?!$))', // HP-re-caret-m: not after a newline that ends the string
  lineEnd: '(?=\\n|$)',
  wordBoundary: '\\b',
  notWordBoundary: '\\B',
};

function quantifierText(min: number, max: number): string {
  if (max === Number.POSITIVE_INFINITY) return min === 0 ? '*' : min === 1 ? '+' : `{${min},}`;
  if (min === 0 && max === 1) return '?';
  return min === max ? `{${min}}` : `{${min},${max}}`;
}
