import { foldByte } from './fold.js';

/** One literal of the automaton and the slots (rule requirements) it satisfies. */
export interface AutomatonLiteral {
  /** Folded bytes (fold.ts), at least one char, none above 0xFF. */
  readonly text: string;
  readonly slots: readonly number[];
}

/**
 * An Aho–Corasick automaton over folded bytes, compiled to a dense transition table: one table
 * read per byte of the line, whatever the number of literals. Bytes no literal contains share
 * one column (class 0), which always leads back to the root. Entries are premultiplied state
 * offsets (state × classes); an entry is stored as -(offset + 1) when its target state ends a
 * literal, so the scan loop tests one sign per byte.
 */
export class LiteralAutomaton {
  readonly #classes: Uint16Array;
  readonly #width: number;
  readonly #delta: Int32Array;
  /** Per state: its slots are #outSlots[#outStart[s] .. #outStart[s + 1]). */
  readonly #outStart: Int32Array;
  readonly #outSlots: Int32Array;
  readonly states: number;

  constructor(literals: readonly AutomatonLiteral[]) {
    this.#classes = new Uint16Array(256);
    let width = 1;
    for (const lit of literals) {
      for (let i = 0; i < lit.text.length; i++) {
        const c = lit.text.charCodeAt(i);
        if (this.#classes[c] === 0) this.#classes[c] = width++;
      }
    }
    // Unfolded bytes read the column of their folded form.
    for (let c = 0; c < 256; c++) this.#classes[c] = this.#classes[foldByte(c)] ?? 0;
    this.#width = width;
    const trie = buildTrie(literals, this.#classes, width);
    this.states = trie.states;
    const { delta, outputs } = linkTrie(trie, width);
    this.#delta = delta;
    const starts = new Int32Array(this.states + 1);
    const flat: number[] = [];
    for (let s = 0; s < this.states; s++) {
      starts[s] = flat.length;
      for (const slot of outputs[s] ?? []) flat.push(slot);
    }
    starts[this.states] = flat.length;
    this.#outStart = starts;
    this.#outSlots = Int32Array.from(flat);
  }

  /**
   * Scans `text` once: sets marks[slot] to 1 for every slot one of whose literals occurs (marks
   * must be all 0 before), listing each such slot once in `found`, and returns how many. A char
   * above 0xFF stops the scan (no fold is defined there: the caller must treat every slot as
   * possibly present); the result is then -1 - (slots listed so far), so the marks can be reset.
   */
  scan(text: string, marks: Uint8Array, found: Int32Array): number {
    const classes = this.#classes;
    const delta = this.#delta;
    const width = this.#width;
    const n = text.length;
    let s = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) return -1 - count;
      const v = delta[s + (classes[c] as number)] as number;
      if (v >= 0) {
        s = v;
        continue;
      }
      s = -v - 1;
      const state = s / width;
      const end = this.#outStart[state + 1] as number;
      for (let k = this.#outStart[state] as number; k < end; k++) {
        const slot = this.#outSlots[k] as number;
        if (marks[slot] === 1) continue;
        marks[slot] = 1;
        found[count++] = slot;
      }
    }
    return count;
  }
}

interface Trie {
  /** Dense goto table, state × class → child state or -1. */
  readonly go: Int32Array;
  readonly states: number;
  /** Per state: the slots of the literals ending there. */
  readonly ends: (number[] | undefined)[];
}

function buildTrie(literals: readonly AutomatonLiteral[], classes: Uint16Array, width: number): Trie {
  let capacity = 1;
  for (const lit of literals) capacity += lit.text.length;
  const go = new Int32Array(capacity * width).fill(-1);
  const ends: (number[] | undefined)[] = [];
  let states = 1;
  for (const lit of literals) {
    let s = 0;
    for (let i = 0; i < lit.text.length; i++) {
      const k = s * width + (classes[lit.text.charCodeAt(i)] ?? 0);
      if ((go[k] as number) < 0) go[k] = states++;
      s = go[k] as number;
    }
    ends[s] = [...(ends[s] ?? []), ...lit.slots];
  }
  return { go: go.subarray(0, states * width), states, ends };
}

/**
 * Breadth-first failure links, folded into the dense table as it is filled: a missing edge takes
 * the (already final) entry of the failure state; a state's outputs include those of its failure
 * state, so they are known when the first edge into it is written (entries are encoded then).
 */
function linkTrie(
  trie: Trie,
  width: number,
): { delta: Int32Array; outputs: (readonly number[] | undefined)[] } {
  const { go, states, ends } = trie;
  const delta = new Int32Array(states * width);
  const fail = new Int32Array(states);
  const outputs: (readonly number[] | undefined)[] = new Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  const encode = (t: number): number => (outputs[t] === undefined ? t * width : -(t * width) - 1);
  const decode = (v: number): number => (v < 0 ? -v - 1 : v) / width;
  for (let cls = 0; cls < width; cls++) {
    const t = go[cls] as number;
    if (t < 0) continue; // delta[cls] = 0: back to the root, which ends no literal
    outputs[t] = ends[t];
    delta[cls] = encode(t);
    queue[tail++] = t;
  }
  for (let head = 0; head < tail; head++) {
    const s = queue[head] as number;
    const row = s * width;
    const failRow = (fail[s] as number) * width;
    for (let cls = 0; cls < width; cls++) {
      const t = go[row + cls] as number;
      if (t < 0) {
        delta[row + cls] = delta[failRow + cls] as number;
        continue;
      }
      const f = decode(delta[failRow + cls] as number);
      fail[t] = f;
      outputs[t] = merge(ends[t], outputs[f]);
      delta[row + cls] = encode(t);
      queue[tail++] = t;
    }
  }
  return { delta, outputs };
}

function merge(
  own: readonly number[] | undefined,
  inherited: readonly number[] | undefined,
): readonly number[] | undefined {
  if (own === undefined) return inherited;
  if (inherited === undefined) return own;
  return [...new Set([...own, ...inherited])];
}
