/**
 * RFC 6587 de-framing of a syslog TCP (or TLS, RFC 5425) byte stream into messages. Pure: no I/O,
 * no clock. One Deframer per connection.
 *
 * Invariants (issue 5):
 * - The framing is detected once per connection from its first byte (blank CR/LF bytes before it
 *   are skipped): a NONZERO-DIGIT means octet counting (`MSG-LEN SP SYSLOG-MSG`), anything else
 *   means LF-delimited ("non-transparent") framing.
 * - A bad octet count (no SP after the digits, a leading zero, more than 9 digits, or no digit
 *   where a frame must start) switches the connection to LF framing for good; the bytes read so
 *   far start the next LF frame, which is flagged `badOctetCount`.
 * - No frame is longer than `maxFrame` bytes: a longer one is cut at `maxFrame`, flagged
 *   `truncated`, and the rest of it (up to the count, or to the next LF) is discarded. The cut
 *   frame is emitted as soon as `maxFrame` bytes are held, so memory per connection is bounded.
 * - The output depends only on the byte stream, never on how it was split into reads.
 * - Trailing CR and NUL bytes stay in the frame (the parser removes them). Empty LF frames are
 *   not messages and are skipped. CR/LF between octet-counted frames is tolerated.
 */

export type Framing = 'octet-counting' | 'lf';

export interface Frame {
  readonly bytes: Uint8Array;
  /** The message was longer than maxFrame (or the stream ended inside it). */
  readonly truncated: boolean;
  readonly framing: Framing;
  /** The first LF frame after a bad octet count (it starts with the bad header's bytes). */
  readonly badOctetCount: boolean;
}

export interface DeframerOptions {
  /** The largest frame kept, in bytes (>= 1). */
  readonly maxFrame: number;
}

export interface Deframer {
  /**
   * Frames completed by this chunk, in stream order. A frame that lies whole in the chunk is a
   * view of it: the caller must not reuse the chunk's memory (Node gives each socket read a
   * buffer of its own); frames spanning chunks are copied.
   */
  push(chunk: Uint8Array): Frame[];
  /** End of stream: the incomplete last frame, if any (an unterminated LF line is complete). */
  end(): Frame[];
  /** The framing detected so far (null before the first significant byte). */
  readonly framing: Framing | null;
}

const LF = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const ZERO = 0x30;
const NINE = 0x39;
const MAX_DIGITS = 9;

type Mode = 'detect' | 'header' | 'body' | 'lf';

/** A byte buffer that grows by doubling up to a fixed capacity. */
class Pending {
  #buf = new Uint8Array(256);
  length = 0;

  append(src: Uint8Array, from: number, to: number): void {
    const need = this.length + (to - from);
    if (need > this.#buf.length) {
      let size = this.#buf.length * 2;
      while (size < need) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.#buf.subarray(0, this.length));
      this.#buf = grown;
    }
    this.#buf.set(src.subarray(from, to), this.length);
    this.length = need;
  }

  take(): Uint8Array {
    const out = this.#buf.slice(0, this.length);
    this.length = 0;
    if (this.#buf.length > 4096) this.#buf = new Uint8Array(256);
    return out;
  }
}

class StreamDeframer implements Deframer {
  readonly #max: number;
  #mode: Mode = 'detect';
  #framing: Framing | null = null;
  #pending = new Pending();
  /** Octet counting: bytes of the current frame still to read, and how many of them to keep. */
  #remaining = 0;
  #keep = 0;
  #count = 0;
  /** Octet counting: digits of the count read so far. */
  #digits = 0;
  /** LF framing: inside an over-long line, discarding up to its LF. */
  #discarding = false;
  #badCount = false;
  #ended = false;

  constructor(opts: DeframerOptions) {
    this.#max = Math.max(1, Math.floor(opts.maxFrame));
  }

  get framing(): Framing | null {
    return this.#framing;
  }

  push(chunk: Uint8Array): Frame[] {
    const out: Frame[] = [];
    if (this.#ended) return out;
    let i = 0;
    while (i < chunk.length) {
      switch (this.#mode) {
        case 'detect':
          i = this.#detect(chunk, i);
          break;
        case 'header':
          i = this.#header(chunk, i);
          break;
        case 'body':
          i = this.#body(chunk, i, out);
          break;
        case 'lf':
          i = this.#lf(chunk, i, out);
          break;
      }
    }
    return out;
  }

  end(): Frame[] {
    if (this.#ended) return [];
    this.#ended = true;
    const mode = this.#mode;
    if (mode === 'lf' && !this.#discarding && this.#pending.length > 0) {
      return [this.#frame(false, 'lf')];
    }
    // An octet-counted frame cut short by the end of the stream is kept, flagged truncated
    // (a count without its SP too: its digits are the frame).
    if (mode === 'header' && this.#digits > 0) this.#heldDigits();
    if ((mode === 'header' || mode === 'body') && this.#pending.length > 0) {
      return [this.#frame(true, 'octet-counting')];
    }
    return [];
  }

  #detect(chunk: Uint8Array, i: number): number {
    const b = chunk[i] as number;
    if (b === LF || b === CR) return i + 1;
    const octet = b > ZERO && b <= NINE;
    this.#framing = octet ? 'octet-counting' : 'lf';
    this.#mode = octet ? 'header' : 'lf';
    return i;
  }

  /** MSG-LEN = NONZERO-DIGIT 0*8DIGIT, then SP. */
  #header(chunk: Uint8Array, i: number): number {
    const b = chunk[i] as number;
    // The digits are not held: without leading zeros they are exactly String(#count).
    const digits = this.#digits;
    if (digits === 0 && (b === LF || b === CR)) return i + 1;
    if (b >= ZERO && b <= NINE && !(digits === 0 && b === ZERO) && digits < MAX_DIGITS) {
      this.#digits += 1;
      this.#count = this.#count * 10 + (b - ZERO);
      return i + 1;
    }
    if (b === SP && digits > 0) {
      this.#digits = 0;
      this.#remaining = this.#count;
      this.#keep = Math.min(this.#count, this.#max);
      this.#mode = 'body';
      return i + 1;
    }
    // Bad count: the digits read so far begin an LF frame; this byte is read as LF framing.
    if (digits > 0) this.#heldDigits();
    this.#framing = 'lf';
    this.#mode = 'lf';
    this.#badCount = true;
    return i;
  }

  /** The digits of the count read so far, as bytes held for the frame they begin. */
  #heldDigits(): void {
    const text = String(this.#count);
    const bytes = new Uint8Array(text.length);
    for (let d = 0; d < text.length; d++) bytes[d] = text.charCodeAt(d);
    this.#pending.append(bytes, 0, bytes.length);
    this.#digits = 0;
  }

  #body(chunk: Uint8Array, i: number, out: Frame[]): number {
    const n = Math.min(this.#remaining, chunk.length - i);
    const room = this.#keep - this.#pending.length;
    if (n === this.#remaining && this.#pending.length === 0 && this.#keep === n) {
      // The common case: the whole frame is in this chunk and fits: a view of it, nothing held.
      out.push(this.#frame(false, 'octet-counting', chunk.subarray(i, i + n)));
      this.#keep = 0;
    } else if (room > 0) {
      this.#pending.append(chunk, i, i + Math.min(n, room));
      if (this.#pending.length === this.#keep) {
        out.push(this.#frame(this.#count > this.#keep, 'octet-counting'));
        this.#keep = 0;
      }
    }
    this.#remaining -= n;
    if (this.#remaining === 0) {
      this.#mode = 'header';
      this.#count = 0;
    }
    return i + n;
  }

  #lf(chunk: Uint8Array, i: number, out: Frame[]): number {
    const nl = chunk.indexOf(LF, i);
    const stop = nl < 0 ? chunk.length : nl;
    if (this.#discarding) {
      if (nl >= 0) this.#discarding = false;
      return nl < 0 ? stop : nl + 1;
    }
    if (nl >= 0 && this.#pending.length === 0 && nl - i <= this.#max) {
      // The common case: a whole line in this chunk: a view of it, nothing held.
      if (nl > i) out.push(this.#frame(false, 'lf', chunk.subarray(i, nl)));
      return nl + 1;
    }
    const room = Math.max(0, this.#max - this.#pending.length);
    if (stop - i > room) {
      this.#pending.append(chunk, i, i + room);
      out.push(this.#frame(true, 'lf'));
      this.#discarding = nl < 0;
      return nl < 0 ? stop : nl + 1;
    }
    this.#pending.append(chunk, i, stop);
    if (nl < 0) return stop;
    if (this.#pending.length > 0) out.push(this.#frame(false, 'lf'));
    return nl + 1;
  }

  /** A frame of the held bytes, or of `bytes` taken whole from a chunk (nothing held then). */
  #frame(truncated: boolean, framing: Framing, bytes: Uint8Array = this.#pending.take()): Frame {
    const badOctetCount = framing === 'lf' && this.#badCount;
    if (badOctetCount) this.#badCount = false;
    return { bytes, truncated, framing, badOctetCount };
  }
}

/** A de-framer for one connection (issue 5: RFC 6587 octet counting or LF, max frame size). */
export function createDeframer(opts: DeframerOptions): Deframer {
  return new StreamDeframer(opts);
}
