/** A fixed ring of the last N lines, pre-filled with empty strings (PT-buffer-fill). */
class Ring {
  readonly lines: string[];
  readonly sources: (string | null | undefined)[];
  pos = 0;

  constructor(size: number) {
    this.lines = new Array<string>(size).fill('');
    this.sources = new Array<string | null | undefined>(size).fill(undefined);
  }

  push(line: string, source: string | null): void {
    this.pos = (this.pos + 1) % this.lines.length;
    this.lines[this.pos] = line;
    this.sources[this.pos] = source;
  }

  /** The last n lines, oldest first, joined with "\n" (PT-N). */
  last(n: number): string {
    if (n === 1) return this.lines[this.pos] ?? '';
    const size = this.lines.length;
    const out: string[] = [];
    for (let i = n - 1; i >= 0; i--) out.push(this.lines[(this.pos - i + size * n) % size] ?? '');
    return out.join('\n');
  }

  /** `_inputsrc` of the last n slots, joined with spaces; a filler slot gives "" (VAR-inputsrc). */
  lastSources(n: number): string {
    const size = this.lines.length;
    const out: string[] = [];
    for (let i = n - 1; i >= 0; i--) {
      const s = this.sources[(this.pos - i + size * n) % size];
      out.push(s === undefined ? '' : (s ?? 'synthetic'));
    }
    return out.join(' ');
  }

  /** ACT-rewrite: replace the last k lines (k ≤ size) with `lines`, padded or truncated. */
  rewrite(k: number, lines: readonly string[]): void {
    const size = this.lines.length;
    const count = Math.min(k, size);
    const fitted =
      lines.length >= count
        ? lines.slice(lines.length - count)
        : [...new Array<string>(count - lines.length).fill(''), ...lines];
    for (let i = 0; i < count; i++)
      this.lines[(this.pos - (count - 1 - i) + size * count) % size] = fitted[i] ?? '';
  }
}

/**
 * SEC's input buffers (IN-buffers): one joint ring for every source, and with nojointbuf one ring
 * per input plus one for synthetic and internal events. A pattern reads the ring that holds the
 * current line.
 */
export class InputBuffers {
  readonly #size: number;
  readonly #joint: boolean;
  readonly #all: Ring;
  readonly #bySource = new Map<string, Ring>();
  readonly #synthetic: Ring;
  #current: Ring;
  #currentSource: string | null = null;

  constructor(size: number, jointbuf: boolean) {
    this.#size = Math.max(1, size);
    // OPT-bufsize: N=1 forces jointbuf.
    this.#joint = jointbuf || this.#size === 1;
    this.#all = new Ring(this.#size);
    this.#synthetic = new Ring(this.#size);
    this.#current = this.#all;
  }

  get size(): number {
    return this.#size;
  }

  push(line: string, source: string | null): void {
    this.#all.push(line, source);
    this.#currentSource = source;
    if (this.#joint) {
      this.#current = this.#all;
      return;
    }
    let ring = this.#synthetic;
    if (source !== null) {
      ring = this.#bySource.get(source) ?? new Ring(this.#size);
      this.#bySource.set(source, ring);
    }
    ring.push(line, source);
    this.#current = ring;
  }

  /** The text an N-line pattern sees for the current event. */
  text(n: number): string {
    return this.#current.last(Math.min(n, this.#size));
  }

  /** `$+{_inputsrc}` for an N-line match (VAR-inputsrc). */
  inputsrc(n: number): string {
    if (this.#joint) return this.#all.lastSources(Math.min(n, this.#size));
    return this.#currentSource ?? 'synthetic';
  }

  rewrite(k: number, lines: readonly string[]): void {
    this.#current.rewrite(k === 0 ? lines.length : k, lines);
  }

  /** The rings' contents, oldest first, for dumps (DUMP-text: buffer mode and content). */
  snapshot():
    | { joint: true; size: number; lines: string[]; sources: (string | null)[] }
    | { joint: false; size: number; perSource: { source: string; lines: string[] }[]; synthetic: string[] } {
    const n = this.#size;
    const ordered = (r: Ring): string[] => r.last(n).split('\n').slice(-n);
    if (this.#joint) {
      const sources = ordered(this.#all).map(
        (_, i) => this.#all.sources[(this.#all.pos - (n - 1 - i) + n * n) % n] ?? null,
      );
      return { joint: true, size: n, lines: ordered(this.#all), sources };
    }
    const perSource = [...this.#bySource.entries()].map(([source, r]) => ({ source, lines: ordered(r) }));
    return { joint: false, size: n, perSource, synthetic: ordered(this.#synthetic) };
  }

  /** Forget a dynamic input's ring (dropinput). */
  drop(source: string): void {
    this.#bySource.delete(source);
  }
}
