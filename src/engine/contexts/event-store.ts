/**
 * A context's event store (sec-features CTX-model, VD-trim): the stored lines and, aligned index
 * for index, the time each line was stored. Every operation keeps the two arrays the same length
 * and in the same order, so `trim` and the dump can tell when each line arrived.
 */

/**
 * SEC CTX-store-split: the text is split on `\n` like Perl's `split(/\n/, $text)`: trailing empty
 * pieces are dropped, leading and middle ones are kept, and '' (or only newlines) gives nothing.
 */
export function splitStoreText(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  let end = parts.length;
  while (end > 0 && parts[end - 1] === '') end--;
  parts.length = end;
  return parts;
}

export class EventStore {
  #lines: string[] = [];
  #times: number[] = [];

  get size(): number {
    return this.#lines.length;
  }

  /** A live view of the lines: valid until the next change to this store. */
  get lines(): readonly string[] {
    return this.#lines;
  }

  /** The insertion time of each line, aligned with `lines` (VD-trim). */
  get times(): readonly number[] {
    return this.#times;
  }

  /** ACT-add: appends `lines`, each stamped `now`. */
  append(lines: readonly string[], now: number): void {
    // A loop rather than push(...lines): a spread of a very long text would overflow the stack.
    for (const line of lines) {
      this.#lines.push(line);
      this.#times.push(now);
    }
  }

  /** ACT-prepend: the block goes in front and keeps its own order (`b1 b2` then the old lines). */
  prepend(lines: readonly string[], now: number): void {
    if (lines.length === 0) return;
    this.#lines = lines.concat(this.#lines);
    this.#times = new Array<number>(lines.length).fill(now).concat(this.#times);
  }

  /** ACT-fill: the store becomes `lines`, each stamped `now`. */
  replace(lines: readonly string[], now: number): void {
    this.#lines = lines.slice();
    this.#times = new Array<number>(lines.length).fill(now);
  }

  /** ACT-empty and CTX-recreate: removes every line and returns them (the old array, no copy). */
  clear(): string[] {
    const old = this.#lines;
    this.#lines = [];
    this.#times = [];
    return old;
  }

  /** ACT-pop: the last line, or undefined when the store is empty. */
  pop(): string | undefined {
    this.#times.pop();
    return this.#lines.pop();
  }

  /** ACT-shift: the first line, or undefined when the store is empty. */
  shift(): string | undefined {
    this.#times.shift();
    return this.#lines.shift();
  }

  /**
   * ACT-trim: removes every line stored strictly before `before` and returns them in store order.
   * Times need not be sorted (prepend puts newer lines first), so every entry is tested.
   */
  trim(before: number): string[] {
    const removed: string[] = [];
    const lines = this.#lines;
    const times = this.#times;
    let kept = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const time = times[i]!;
      if (time < before) {
        removed.push(line);
      } else {
        lines[kept] = line;
        times[kept] = time;
        kept++;
      }
    }
    lines.length = kept;
    times.length = kept;
    return removed;
  }
}
