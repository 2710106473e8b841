import type { EngineEvent } from '../../engine/event.js';
import type { SyslogFormat, SyslogParseReason } from '../../syslog/index.js';
import type { RenderedMessage } from '../network-source.js';

/**
 * Parsed syslog messages on their way from the network thread to the engine thread (issue 7), in
 * the form that crosses threads cheapest: one string with every text end to end, the lengths and
 * small numbers in an Int32Array and the receipt times in a Float64Array, both transferred, not
 * copied. Structured cloning an array of event objects costs about twice as much on the
 * receiving side, which is the engine's.
 *
 * Per message, in `ints`: listener index, format code, error length (-1: none), line length,
 * field count, then name length (or a known name's code, below) and value length per field; in
 * `text`: the error reason, the line, then each field's name (unless coded) and value.
 */
export interface Batch {
  readonly count: number;
  readonly text: string;
  readonly ints: Int32Array;
  readonly at: Float64Array;
}

const FORMATS: readonly SyslogFormat[] = ['rfc5424', 'rfc3164', 'raw'];

/**
 * Field names every message has (render.ts matchFields) travel as a code, not as text: a
 * negative name length -1 - index. Other names (structured data) are written out.
 */
const KNOWN_NAMES = ['_host', '_facility', '_severity', '_peer', '_format', '_app', '_procid', '_msgid'];
const KNOWN_CODES = new Map(KNOWN_NAMES.map((name, i) => [name, -1 - i]));

export class BatchWriter {
  #text = '';
  readonly #ints: number[] = [];
  readonly #at: number[] = [];

  get count(): number {
    return this.#at.length;
  }

  add(listener: number, m: RenderedMessage, receivedAt: number): void {
    const ints = this.#ints;
    ints.push(listener, FORMATS.indexOf(m.format));
    if (m.error === null) ints.push(-1);
    else {
      ints.push(m.error.length);
      this.#text += m.error;
    }
    ints.push(m.line.length);
    this.#text += m.line;
    const countAt = ints.length;
    ints.push(0);
    let fields = 0;
    for (const name in m.fields) {
      const value = m.fields[name] as string;
      const code = KNOWN_CODES.get(name);
      if (code === undefined) {
        ints.push(name.length, value.length);
        this.#text += name + value;
      } else {
        ints.push(code, value.length);
        this.#text += value;
      }
      fields += 1;
    }
    ints[countAt] = fields;
    this.#at.push(receivedAt);
  }

  /** The batch, and the buffers to transfer with it. */
  finish(): { batch: Batch; transfer: ArrayBuffer[] } {
    const ints = Int32Array.from(this.#ints);
    const at = Float64Array.from(this.#at);
    return {
      batch: { count: this.count, text: this.#text, ints, at },
      transfer: [ints.buffer as ArrayBuffer, at.buffer as ArrayBuffer],
    };
  }
}

/** The listener of a message as the engine names it (its --input value and `=CTX`). */
export interface BatchListener {
  readonly url: string;
  readonly context: string | null;
}

/** One message taken out of a batch. */
export interface BatchItem {
  readonly event: EngineEvent;
  readonly listener: string;
  readonly receivedAt: number;
  readonly format: SyslogFormat;
  readonly error: SyslogParseReason | null;
}

/**
 * A substring that keeps nothing larger alive. V8 makes a longer substring a view of its parent,
 * and the batch text holds hundreds of messages: a line or field value kept by an operation or a
 * context (a $1, a stored line) would keep the whole batch. Shorter substrings are copies anyway.
 */
function own(text: string, start: number, end: number): string {
  const part = text.slice(start, end);
  return part.length < 13 ? part : ` ${part}`.slice(1);
}

/** An event whose syslog fields are taken out of its batch when first read. */
class BatchEvent implements EngineEvent {
  readonly line: string;
  readonly source: string;
  readonly context: string | null;
  #batch: Batch | null;
  #int: number;
  #pos: number;
  #count: number;
  #fields: Record<string, string> | undefined;

  constructor(
    line: string,
    source: string,
    context: string | null,
    batch: Batch,
    int: number,
    pos: number,
    count: number,
  ) {
    this.line = line;
    this.source = source;
    this.context = context;
    this.#batch = batch;
    this.#int = int;
    this.#pos = pos;
    this.#count = count;
  }

  get fields(): Readonly<Record<string, string>> {
    if (this.#fields !== undefined) return this.#fields;
    const fields: Record<string, string> = {};
    const batch = this.#batch as Batch;
    let int = this.#int;
    let pos = this.#pos;
    for (let f = 0; f < this.#count; f++) {
      const nameLength = batch.ints[int++] ?? 0;
      const valueLength = batch.ints[int++] ?? 0;
      let name: string;
      if (nameLength < 0) name = KNOWN_NAMES[-1 - nameLength] ?? '';
      else {
        name = batch.text.slice(pos, pos + nameLength);
        pos += nameLength;
      }
      fields[name] = own(batch.text, pos, pos + valueLength);
      pos += valueLength;
    }
    this.#fields = fields;
    this.#batch = null;
    return fields;
  }
}

/** Reads a batch's messages in order, each once. */
export class BatchReader {
  readonly #batch: Batch;
  readonly #listeners: readonly BatchListener[];
  #index = 0;
  #int = 0;
  #pos = 0;

  constructor(batch: Batch, listeners: readonly BatchListener[]) {
    this.#batch = batch;
    this.#listeners = listeners;
  }

  get remaining(): number {
    return this.#batch.count - this.#index;
  }

  get count(): number {
    return this.#batch.count;
  }

  next(): BatchItem | null {
    if (this.#index >= this.#batch.count) return null;
    const { ints } = this.#batch;
    const at = this.#batch.at[this.#index] ?? 0;
    this.#index += 1;
    const l = this.#listeners[ints[this.#int] ?? 0] ?? { url: '', context: null };
    const format = FORMATS[ints[this.#int + 1] ?? 0] ?? 'raw';
    const errorLength = ints[this.#int + 2] ?? -1;
    this.#int += 3;
    const error = errorLength < 0 ? null : (this.#take(errorLength) as SyslogParseReason);
    const length = ints[this.#int++] ?? 0;
    const line = own(this.#batch.text, this.#pos, this.#pos + length);
    this.#pos += length;
    const count = ints[this.#int++] ?? 0;
    // The fields are read only if a rule asks for them (most events match no RegExp rule).
    const event = new BatchEvent(line, l.url, l.context, this.#batch, this.#int, this.#pos, count);
    for (let f = 0; f < count; f++) {
      this.#pos += Math.max(0, ints[this.#int] ?? 0) + (ints[this.#int + 1] ?? 0);
      this.#int += 2;
    }
    return { event, listener: l.url, receivedAt: at, format, error };
  }

  /** Skips one message; its listener, or null at the end. */
  skip(): string | null {
    return this.next()?.listener ?? null;
  }

  #take(length: number): string {
    const start = this.#pos;
    this.#pos += length;
    return this.#batch.text.slice(start, this.#pos);
  }
}
