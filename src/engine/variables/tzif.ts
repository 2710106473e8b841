import { parsePosixTz } from './posix-tz.js';
import type { TimeZone, ZoneInfo } from './zone.js';

/**
 * TZif zone files (RFC 8536, /usr/share/zoneinfo), read as glibc reads them (HP-localtime):
 * the 64-bit data block of version 2+ files (the 32-bit block of version 1), the local time type
 * of the last transition at or before an instant, and the POSIX TZ footer after the last one.
 */

interface Header {
  readonly version: number;
  readonly isutcnt: number;
  readonly isstdcnt: number;
  readonly leapcnt: number;
  readonly timecnt: number;
  readonly typecnt: number;
  readonly charcnt: number;
}

const HEADER_SIZE = 44;

function readHeader(view: DataView, at: number): Header | null {
  if (view.byteLength < at + HEADER_SIZE) return null;
  const magic = String.fromCharCode(
    view.getUint8(at),
    view.getUint8(at + 1),
    view.getUint8(at + 2),
    view.getUint8(at + 3),
  );
  if (magic !== 'TZif') return null;
  const v = view.getUint8(at + 4);
  const count = (i: number): number => view.getUint32(at + 20 + 4 * i);
  return {
    version: v === 0 ? 1 : v - 48,
    isutcnt: count(0),
    isstdcnt: count(1),
    leapcnt: count(2),
    timecnt: count(3),
    typecnt: count(4),
    charcnt: count(5),
  };
}

/** Size of a data block after its header; `t` is 4 (v1) or 8 (v2+) bytes per time. */
function blockSize(h: Header, t: number): number {
  return h.timecnt * t + h.timecnt + h.typecnt * 6 + h.charcnt + h.leapcnt * (t + 4) + h.isstdcnt + h.isutcnt;
}

function cString(bytes: Uint8Array, from: number, limit: number): string {
  let end = from;
  while (end < limit && bytes[end] !== 0) end += 1;
  return String.fromCharCode(...bytes.subarray(from, end));
}

interface Parsed {
  readonly times: readonly number[];
  readonly typeIndex: readonly number[];
  readonly types: readonly ZoneInfo[];
  readonly footer: TimeZone | null;
}

function readBlock(bytes: Uint8Array, view: DataView, h: Header, at: number, t: number): Parsed {
  let p = at;
  const times: number[] = [];
  for (let i = 0; i < h.timecnt; i += 1, p += t) {
    times.push(t === 8 ? Number(view.getBigInt64(p)) : view.getInt32(p));
  }
  const typeIndex = Array.from(bytes.subarray(p, p + h.timecnt));
  p += h.timecnt;
  const charsAt = p + h.typecnt * 6;
  const types: ZoneInfo[] = [];
  for (let i = 0; i < h.typecnt; i += 1, p += 6) {
    const abbr = cString(bytes, charsAt + view.getUint8(p + 5), charsAt + h.charcnt);
    types.push({ gmtoff: view.getInt32(p), isdst: view.getUint8(p + 4) !== 0, abbr });
  }
  return { times, typeIndex, types, footer: null };
}

/** The POSIX TZ string between the two newlines after the v2+ data block, if any. */
function readFooter(bytes: Uint8Array, at: number): TimeZone | null {
  if (bytes[at] !== 0x0a) return null;
  const end = bytes.indexOf(0x0a, at + 1);
  if (end === -1) return null;
  const text = String.fromCharCode(...bytes.subarray(at + 1, end));
  return text === '' ? null : parsePosixTz(text);
}

/** Parses a TZif file; null if the bytes are not one. */
export function parseTzif(bytes: Uint8Array): TimeZone | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h1 = readHeader(view, 0);
  if (h1 === null || h1.typecnt === 0) return null;
  const v1End = HEADER_SIZE + blockSize(h1, 4);
  if (h1.version < 2) {
    if (bytes.length < v1End) return null;
    return tzifZone(readBlock(bytes, view, h1, HEADER_SIZE, 4));
  }
  const h2 = readHeader(view, v1End);
  if (h2 === null || h2.typecnt === 0) return null;
  const v2End = v1End + HEADER_SIZE + blockSize(h2, 8);
  if (bytes.length < v2End) return null;
  const block = readBlock(bytes, view, h2, v1End + HEADER_SIZE, 8);
  return tzifZone({ ...block, footer: readFooter(bytes, v2End) });
}

function tzifZone(z: Parsed): TimeZone {
  // Before the first transition: the first standard-time type (glibc), else type 0.
  const initial = z.types.find((t) => !t.isdst) ?? z.types[0]!;
  const last = z.times.length - 1;
  return {
    at(epoch: number): ZoneInfo {
      if (last < 0 || epoch < z.times[0]!)
        return z.footer !== null && last < 0 ? z.footer.at(epoch) : initial;
      if (epoch >= z.times[last]! && z.footer !== null) return z.footer.at(epoch);
      let lo = 0;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (z.times[mid]! <= epoch) lo = mid;
        else hi = mid - 1;
      }
      return z.types[z.typeIndex[lo]!] ?? initial;
    },
  };
}
