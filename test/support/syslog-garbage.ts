import type { Random } from '../../bench/random.js';

/**
 * Hostile syslog input for the flood tests (issue 5, Acceptance), with what a receiver must make
 * of it. The expectations come from the RFCs, not from our code: a datagram is one message
 * (RFC 5426); a TCP stream is read per RFC 6587, octet counting when it starts with a NONZERO-DIGIT
 * (`MSG-LEN SP MSG`), LF-delimited otherwise, and a count that breaks the grammar is a framing
 * error after which the rest is read as LF frames. Frames longer than the receiver's maximum
 * (64 KiB) are cut, once each.
 *
 * Most items carry a marker `junk<n>z` near their start, so a test can check that each one
 * reached the rules exactly once; pure random bytes carry none and are only counted.
 */

export const MAX_FRAME = 65536;

export interface GarbageDatagram {
  readonly kind: string;
  readonly bytes: Buffer;
  readonly marker: string | null;
  /** Text (latin1) the event line must contain, where the spec fixes it. */
  readonly text?: string;
}

export interface GarbageStream {
  readonly kind: string;
  /** Written in order, each as its own write. */
  readonly writes: readonly Buffer[];
  /** 'end': FIN after the writes, every frame is due; 'reset': RST, frames may be lost. */
  readonly ending: 'end' | 'reset';
  /** Messages the receiver must produce (with 'reset': at most this many). */
  readonly frames: number;
  readonly markers: readonly string[];
  /** Frames longer than MAX_FRAME. */
  readonly oversize: number;
  /** Octet counts that break the RFC 6587 grammar. */
  readonly framingErrors: number;
  /** Octet-counted frames the connection ended inside of. */
  readonly cutShort: number;
}

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

/** Malformed UTF-8: overlong NUL, 0xFF/0xFE, a surrogate, a lone continuation, cut sequences. */
const BAD_UTF8: readonly number[][] = [
  [0xc0, 0x80],
  [0xff],
  [0xfe, 0xfe],
  [0xed, 0xa0, 0x80],
  [0x80],
  [0xe2, 0x82],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf0, 0x9f],
];

const BAD_PRI = ['<999>', '<>', '<13', '<-1>', '<0013>', '<1a>', '>', '<', '<192>', '<<13>>'];

const BROKEN_5424 = [
  '<165>1 2003-10-11T22:14:15.003Z host app - ID47 [exampleSDID@32473 iut="3" eventSource=',
  '<165>1 ',
  '<165>1 2003-13-45T99:99:99Z',
  '<165>1 - - - - - [x a="\\',
  '<165>99 - - - - - -',
  '<165>1 - - - - - [a b="c"][',
  '<165>1 - - - - - ]',
  '<165>1 2003-10-11T22:14:15.003+25:00 h a p m -',
];

/** Bytes that are never LF, for the bodies of LF frames. */
function noLf(rng: Random, n: number): Buffer {
  const b = rng.bytes(n);
  for (let i = 0; i < n; i++) if (b[i] === 0x0a) b[i] = 0x2e;
  return b;
}

/** Cheap filler for the oversize frames: a repeated pattern with high bytes, no control bytes. */
function filler(n: number): Buffer {
  return Buffer.alloc(n, latin1('oversize \xff\xc3('));
}

function controls(rng: Random, n: number): Buffer {
  return Buffer.from(Array.from({ length: n }, () => rng.int(32)));
}

/**
 * What a receiver makes of bytes in one event line, as rsyslog does on receipt: trailing CR, LF
 * and NUL are dropped, other control characters (not TAB) become `#ooo` octal, the rest is kept
 * byte for byte (latin1, one char per byte).
 */
export function asEventText(bytes: Buffer): string {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0)) end--;
  let out = '';
  for (const b of bytes.subarray(0, end)) {
    out +=
      (b < 0x20 && b !== 0x09) || b === 0x7f ? `#${b.toString(8).padStart(3, '0')}` : String.fromCharCode(b);
  }
  return out;
}

/** One garbage datagram; `seq` makes its marker unique. `large` allows 9-60 KB datagrams. */
export function garbageDatagram(rng: Random, seq: number, large: boolean): GarbageDatagram {
  const marker = `junk${seq}z`;
  const roll = rng.int(100);
  if (large) {
    const body = Buffer.concat([latin1(`<13>${marker} large `), rng.bytes(rng.between(9000, 60000))]);
    return { kind: 'large', bytes: body, marker };
  }
  if (roll < 5) return { kind: 'empty', bytes: Buffer.alloc(0), marker: null };
  if (roll < 25) return { kind: 'random', bytes: rng.bytes(rng.between(1, 600)), marker: null };
  if (roll < 35) {
    const nuls = Buffer.alloc(rng.between(1, 40));
    const parts = [latin1(`<13>Nov 28 10:00:00 junkhost junk: ${marker} `), nuls, latin1('after'), nuls];
    const text = `junkhost junk: ${marker} ${'#000'.repeat(nuls.length)}after`;
    return { kind: 'nul', bytes: Buffer.concat(parts), marker, text };
  }
  if (roll < 50) {
    const bad = Buffer.from(rng.pick(BAD_UTF8));
    const tail = Buffer.concat([latin1(`junkhost junk: ${marker} `), bad, latin1(' tail '), bad]);
    const bytes = Buffer.concat([latin1('<14>Nov 28 10:00:00 '), tail]);
    return { kind: 'utf8', bytes, marker, text: tail.toString('latin1') };
  }
  if (roll < 60) {
    const bytes = Buffer.concat([latin1(`${marker} `), controls(rng, rng.between(1, 64))]);
    return { kind: 'controls', bytes, marker, text: asEventText(bytes) };
  }
  if (roll < 70) {
    return { kind: 'badpri', bytes: latin1(`${rng.pick(BAD_PRI)}${marker} bad pri`), marker };
  }
  if (roll < 85) {
    return { kind: 'bad5424', bytes: latin1(`${rng.pick(BROKEN_5424)} ${marker}`), marker };
  }
  // Well formed, from some other device: noise the rules must see like any message.
  const ok = rng.chance(0.5)
    ? `<${rng.int(192)}>1 2026-11-28T10:00:00Z dev${rng.int(50)} app ${rng.int(9999)} - - ${marker} ok`
    : `<${rng.int(192)}>Nov 28 10:00:00 dev${rng.int(50)} app[${rng.int(9999)}]: ${marker} ok`;
  return { kind: 'noise', bytes: latin1(ok), marker };
}

/** Cuts `data` into 1..n writes at random points. */
function splitRandomly(rng: Random, data: Buffer, n: number): Buffer[] {
  const cuts = [...new Set(Array.from({ length: n - 1 }, () => rng.int(data.length)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const c of [...cuts, data.length]) {
    if (c > prev) out.push(data.subarray(prev, c));
    prev = c;
  }
  return out;
}

const octet = (body: Buffer): Buffer => Buffer.concat([latin1(`${body.length} `), body]);

type Base = Omit<GarbageStream, 'kind' | 'writes' | 'frames' | 'markers'>;
const CLEAN: Base = { ending: 'end', oversize: 0, framingErrors: 0, cutShort: 0 };

/** One garbage TCP connection; markers use `seq`, `seq+1`, …, up to seq+99. */
export function garbageStream(rng: Random, seq: number): GarbageStream {
  const m = (i: number): string => `junk${seq + i}z`;
  const roll = rng.int(100);
  if (roll < 3) {
    const body = Buffer.concat([latin1(`<13>${m(0)} `), filler(rng.between(MAX_FRAME + 1000, 100_000))]);
    return {
      ...CLEAN,
      kind: 'octet-oversize',
      writes: splitRandomly(rng, octet(body), 4),
      frames: 1,
      markers: [m(0)],
      oversize: 1,
    };
  }
  if (roll < 6) {
    const long = Buffer.concat([
      latin1(`<13>${m(0)} `),
      filler(rng.between(MAX_FRAME + 1000, 90_000)),
      latin1('\n'),
    ]);
    const after = latin1(`<13>${m(1)} after the long line\n`);
    const writes = splitRandomly(rng, Buffer.concat([long, after]), 4);
    return { ...CLEAN, kind: 'lf-oversize', writes, frames: 2, markers: [m(0), m(1)], oversize: 1 };
  }
  if (roll < 16) {
    // The connection ends inside a frame: the count promises more than ever comes.
    const body = latin1(`<13>${m(0)} cut short`);
    const frame = Buffer.concat([latin1(`${body.length + rng.between(1, 500)} `), body]);
    return {
      ...CLEAN,
      kind: 'cut-short',
      writes: splitRandomly(rng, frame, 3),
      frames: 1,
      markers: [m(0)],
      cutShort: 1,
    };
  }
  if (roll < 22) {
    // A count that is too small: the rest of the message is not a count (a framing error), and
    // the stream goes on as LF frames.
    const first = latin1(`<13>${m(0)}`);
    const data = Buffer.concat([latin1(`${first.length} `), first, latin1(`x${m(1)} rest of a lie\n`)]);
    return {
      ...CLEAN,
      kind: 'short-count',
      writes: [data],
      frames: 2,
      markers: [m(0), m(1)],
      framingErrors: 1,
    };
  }
  if (roll < 30) {
    // Counts that break the grammar after a good frame: leading zero, 10 digits, no SP.
    const good = octet(latin1(`<13>${m(0)} fine`));
    const bad = rng.pick(['0 ', '1234567890 ', '12', '99x']);
    const data = Buffer.concat([good, latin1(`${bad}<13>${m(1)} after a bad count\n`)]);
    return {
      ...CLEAN,
      kind: 'bad-count',
      writes: splitRandomly(rng, data, 3),
      frames: 2,
      markers: [m(0), m(1)],
      framingErrors: 1,
    };
  }
  if (roll < 40) {
    const body = latin1(`<13>${m(0)} dropped mid-frame`);
    const data = Buffer.concat([latin1(`${body.length + 100} `), body]);
    return {
      ...CLEAN,
      kind: 'reset-mid-frame',
      writes: [data],
      ending: 'reset',
      frames: 1,
      markers: [m(0)],
      cutShort: 1,
    };
  }
  if (roll < 45) {
    return {
      ...CLEAN,
      kind: 'empty',
      writes: [],
      ending: rng.chance(0.5) ? 'end' : 'reset',
      frames: 0,
      markers: [],
    };
  }
  if (roll < 70) return randomLfStream(rng, m);
  return octetStream(rng, m);
}

/** LF frames of random bytes (NUL, CR, high bytes; never LF), some lines empty, split anywhere. */
function randomLfStream(rng: Random, m: (i: number) => string): GarbageStream {
  const parts: Buffer[] = [];
  const markers: string[] = [];
  const lines = rng.between(1, 30);
  for (let i = 0; i < lines; i++) {
    markers.push(m(i));
    parts.push(latin1(m(i)), noLf(rng, rng.between(0, 800)));
    // Several LFs in a row are empty lines, which are not messages; the last line may lack its LF.
    if (i < lines - 1 || rng.chance(0.5)) parts.push(latin1('\n'.repeat(rng.between(1, 3))));
  }
  const data = Buffer.concat(parts);
  return {
    ...CLEAN,
    kind: 'random-lf',
    writes: splitRandomly(rng, data, rng.between(1, 8)),
    frames: lines,
    markers,
  };
}

/** Well-formed octet-counted frames with hostile payloads (LF, NUL, bad UTF-8), CRLF between some. */
function octetStream(rng: Random, m: (i: number) => string): GarbageStream {
  const parts: Buffer[] = [];
  const markers: string[] = [];
  const frames = rng.between(1, 30);
  for (let i = 0; i < frames; i++) {
    markers.push(m(i));
    parts.push(octet(Buffer.concat([latin1(`<13>${m(i)} `), rng.bytes(rng.between(0, 600))])));
    if (rng.chance(0.2)) parts.push(latin1('\r\n'));
  }
  const data = Buffer.concat(parts);
  // A few connections dribble their bytes in small pieces, as a slow peer does.
  const pieces = rng.chance(0.1) ? Math.min(200, data.length) : rng.between(1, 8);
  return { ...CLEAN, kind: 'octet-garbage', writes: splitRandomly(rng, data, pieces), frames, markers };
}
