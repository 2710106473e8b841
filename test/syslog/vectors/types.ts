import type { SyslogMessage } from '../../../src/syslog/index.js';

/** rfc5424: RFC 5424/5425/6587 examples and grammar; rfc3164: BSD variants; device: real lines; malformed: broken or hostile. */
export type Category = 'rfc5424' | 'rfc3164' | 'device' | 'malformed';

export interface Vector {
  readonly name: string;
  readonly category: Category;
  /** The received bytes (a string stands for its latin1 bytes). */
  readonly raw: string | Uint8Array;
  /** The fields that must come out; fields not named are not checked. */
  readonly expect: Partial<SyslogMessage>;
  /** Epoch seconds for year inference; DEFAULT_NOW when not given. */
  readonly now?: number;
}

/** 2024-06-15T12:00:00Z: the "now" of every vector, for the year of `Mmm dd` timestamps. */
export const DEFAULT_NOW = Date.parse('2024-06-15T12:00:00Z') / 1000;

/** Epoch ms of an ISO time, through Date (an oracle that shares no code with the parser). */
export function ts(iso: string, extraMs = 0): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad test time ${iso}`);
  return t + extraMs;
}

export function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
}

/** Latin1 bytes of a string (for parts of a vector that are written as text). */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'latin1'));
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}

/** Severity and facility codes of a PRIVAL, by the RFC's arithmetic. */
export function pri(prival: number): { facility: number; severity: number } {
  return { facility: Math.floor(prival / 8), severity: prival % 8 };
}

/** The names of the fields that differ between a result and a vector's expectation. */
export function mismatches(actual: Partial<SyslogMessage>, expect: Partial<SyslogMessage>): string[] {
  const out: string[] = [];
  for (const [key, want] of Object.entries(expect)) {
    const got = (actual as Record<string, unknown>)[key];
    if (key === 'timestamp' && typeof want === 'number' && typeof got === 'number') {
      if (Math.abs(want - got) > 0.002) out.push(key);
    } else if (JSON.stringify(normalize(got)) !== JSON.stringify(normalize(want))) {
      out.push(key);
    }
  }
  return out;
}

function normalize(v: unknown): unknown {
  if (v === undefined) return null;
  if (v === null || typeof v !== 'object') return v;
  return JSON.parse(JSON.stringify(v));
}
