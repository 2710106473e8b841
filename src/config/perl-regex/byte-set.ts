/**
 * An immutable set of byte values 0..255. SEC matches byte strings (HP-bytes: inputs are read as
 * latin1, one char per byte), so every Perl character class, escape and case-folded literal is
 * resolved to exactly the bytes it matches; code points above 0xFF can never occur and are dropped.
 */
export class ByteSet {
  readonly #bits: Uint32Array;

  private constructor(bits: Uint32Array) {
    this.#bits = bits;
  }

  static empty(): ByteSet {
    return new ByteSet(new Uint32Array(8));
  }

  static full(): ByteSet {
    return new ByteSet(new Uint32Array(8).fill(0xffffffff));
  }

  static of(...codes: number[]): ByteSet {
    const bits = new Uint32Array(8);
    for (const c of codes) setBit(bits, c);
    return new ByteSet(bits);
  }

  /** Inclusive range; the part above 0xFF is dropped (such bytes never occur). */
  static range(lo: number, hi: number): ByteSet {
    const bits = new Uint32Array(8);
    for (let c = lo; c <= Math.min(hi, 255); c++) setBit(bits, c);
    return new ByteSet(bits);
  }

  static where(pred: (code: number) => boolean): ByteSet {
    const bits = new Uint32Array(8);
    for (let c = 0; c < 256; c++) if (pred(c)) setBit(bits, c);
    return new ByteSet(bits);
  }

  /** Parses a compact spec such as "09AZaz_" (pairs of inclusive range ends). */
  static ranges(spec: string): ByteSet {
    const bits = new Uint32Array(8);
    for (let i = 0; i + 1 < spec.length; i += 2) {
      for (let c = spec.charCodeAt(i); c <= spec.charCodeAt(i + 1); c++) setBit(bits, c);
    }
    return new ByteSet(bits);
  }

  has(code: number): boolean {
    if (code < 0 || code > 255) return false;
    return ((this.#bits[code >>> 5] ?? 0) & (1 << (code & 31))) !== 0;
  }

  union(other: ByteSet): ByteSet {
    const bits = new Uint32Array(8);
    for (let i = 0; i < 8; i++) bits[i] = (this.#bits[i] ?? 0) | (other.#bits[i] ?? 0);
    return new ByteSet(bits);
  }

  intersect(other: ByteSet): ByteSet {
    const bits = new Uint32Array(8);
    for (let i = 0; i < 8; i++) bits[i] = (this.#bits[i] ?? 0) & (other.#bits[i] ?? 0);
    return new ByteSet(bits);
  }

  /**
   * Adds the other case of every ASCII letter, and with `latin1` of every Latin-1 letter
   * (0xC0-0xDE except 0xD7, paired with +0x20). Letters sit at the same bit of adjacent words.
   */
  foldCase(latin1: boolean): ByteSet {
    const bits = this.#bits.slice();
    foldWords(bits, 2, 3, 0x07fffffe); // A-Z / a-z
    if (latin1) foldWords(bits, 6, 7, 0x7f7fffff); // À-Þ / à-þ without × and ÷
    return bits.every((w, i) => w === this.#bits[i]) ? this : new ByteSet(bits);
  }

  complement(): ByteSet {
    const bits = new Uint32Array(8);
    for (let i = 0; i < 8; i++) bits[i] = ~(this.#bits[i] ?? 0) >>> 0;
    return new ByteSet(bits);
  }

  equals(other: ByteSet): boolean {
    for (let i = 0; i < 8; i++) if (this.#bits[i] !== other.#bits[i]) return false;
    return true;
  }

  get size(): number {
    let n = 0;
    for (let c = 0; c < 256; c++) if (this.has(c)) n++;
    return n;
  }

  isEmpty(): boolean {
    return this.#bits.every((w) => w === 0);
  }

  isFull(): boolean {
    return this.#bits.every((w) => w === 0xffffffff);
  }

  /** The single member, or -1 when the set does not have exactly one member. */
  single(): number {
    let found = -1;
    for (let c = 0; c < 256; c++) {
      if (!this.has(c)) continue;
      if (found >= 0) return -1;
      found = c;
    }
    return found;
  }

  /** Maximal runs of members as inclusive [lo, hi] pairs, ascending. */
  runs(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let c = 0;
    while (c < 256) {
      if (!this.has(c)) {
        c++;
        continue;
      }
      const lo = c;
      while (c < 256 && this.has(c)) c++;
      out.push([lo, c - 1]);
    }
    return out;
  }
}

function foldWords(bits: Uint32Array, upper: number, lower: number, mask: number): void {
  const u = bits[upper] ?? 0;
  const l = bits[lower] ?? 0;
  bits[upper] = (u | (l & mask)) >>> 0;
  bits[lower] = (l | (u & mask)) >>> 0;
}

function setBit(bits: Uint32Array, code: number): void {
  if (code < 0 || code > 255) return;
  const i = code >>> 5;
  bits[i] = ((bits[i] ?? 0) | (1 << (code & 31))) >>> 0;
}
