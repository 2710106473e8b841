import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDeframer, type Frame } from '../../src/syslog/framing.js';

const enc = new TextEncoder();
const bytes = (s: string): Uint8Array => enc.encode(s);
const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

interface Shown {
  text: string;
  truncated: boolean;
  framing: string;
  bad: boolean;
}

const show = (frames: readonly Frame[]): Shown[] =>
  frames.map((f) => ({
    text: latin1(f.bytes),
    truncated: f.truncated,
    framing: f.framing,
    bad: f.badOctetCount,
  }));

/** De-frames `chunks` in order, then ends the stream. */
function run(chunks: readonly (string | Uint8Array)[], maxFrame = 65536): Frame[] {
  const d = createDeframer({ maxFrame });
  const out: Frame[] = [];
  for (const c of chunks) out.push(...d.push(typeof c === 'string' ? Buffer.from(c, 'latin1') : c));
  out.push(...d.end());
  return out;
}

const texts = (frames: readonly Frame[]): string[] => frames.map((f) => latin1(f.bytes));

/** Splits `data` at the given cut points (any order, duplicates allowed). */
function splitAt(data: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let prev = 0;
  for (const p of [...points, data.length]) {
    parts.push(data.subarray(prev, p));
    prev = p;
  }
  return parts;
}

describe('framing: LF (non-transparent) framing, RFC 6587 3.4.2', () => {
  it('splits on LF, keeps CR and NUL for the parser, skips empty lines', () => {
    const frames = run(['<13>one\r\n\n<14>two\0\n<15>three']);
    expect(show(frames)).toEqual([
      { text: '<13>one\r', truncated: false, framing: 'lf', bad: false },
      { text: '<14>two\0', truncated: false, framing: 'lf', bad: false },
      { text: '<15>three', truncated: false, framing: 'lf', bad: false },
    ]);
  });

  it('holds a partial line until its LF arrives', () => {
    const d = createDeframer({ maxFrame: 100 });
    expect(d.push(bytes('<13>hel'))).toEqual([]);
    expect(d.framing).toBe('lf');
    expect(texts(d.push(bytes('lo\n<13>x')))).toEqual(['<13>hello']);
    expect(texts(d.end())).toEqual(['<13>x']);
    expect(d.push(bytes('ignored\n'))).toEqual([]);
  });

  it('cuts a line longer than maxFrame, flags it, and resynchronises at the next LF', () => {
    const frames = run(['0123456789ABC\nshort\n0123456789\n'], 10);
    expect(show(frames)).toEqual([
      { text: '0123456789', truncated: true, framing: 'lf', bad: false },
      { text: 'short', truncated: false, framing: 'lf', bad: false },
      { text: '0123456789', truncated: false, framing: 'lf', bad: false },
    ]);
  });

  it('emits a cut frame before the rest of the over-long line arrives (bounded memory)', () => {
    const d = createDeframer({ maxFrame: 4 });
    expect(show(d.push(bytes('<13>abcdef')))).toEqual([
      { text: '<13>', truncated: true, framing: 'lf', bad: false },
    ]);
    expect(d.push(bytes('x'.repeat(10_000)))).toEqual([]);
    expect(texts(d.push(bytes('yy\nok\n')))).toEqual(['ok']);
    expect(d.end()).toEqual([]);
  });
});

describe('framing: octet counting, RFC 6587 3.4.1', () => {
  it('keeps the digits of a count the stream ended inside as a cut frame, in any split', () => {
    for (const chunks of [
      ['5 <13>x', '12'],
      ['5 <13>x1', '2'],
      ['5 <13>x', '1', '2'],
    ]) {
      expect(show(run(chunks))).toEqual([
        { text: '<13>x', truncated: false, framing: 'octet-counting', bad: false },
        { text: '12', truncated: true, framing: 'octet-counting', bad: false },
      ]);
    }
  });

  it('starts an LF frame with the digits of a bad count, split anywhere', () => {
    for (const chunks of [['123x y\n'], ['1', '23', 'x y\n'], ['123', 'x y\n']]) {
      expect(show(run(chunks))).toEqual([{ text: '123x y', truncated: false, framing: 'lf', bad: true }]);
    }
  });

  it('reads MSG-LEN SP MSG frames, LF inside a message included', () => {
    const m1 = '<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - line1\nline2';
    const m2 = '<13>x';
    const frames = run([`${m1.length} ${m1}${m2.length} ${m2}`]);
    expect(show(frames)).toEqual([
      { text: m1, truncated: false, framing: 'octet-counting', bad: false },
      { text: m2, truncated: false, framing: 'octet-counting', bad: false },
    ]);
  });

  it('tolerates CR/LF between frames and before the first one', () => {
    expect(texts(run(['\r\n5 <13>a\n5 <13>b\r\n']))).toEqual(['<13>a', '<13>b']);
  });

  it('cuts a frame longer than maxFrame and skips exactly the rest of its count', () => {
    const frames = run(['12 0123456789AB3 abc'], 10);
    expect(show(frames)).toEqual([
      { text: '0123456789', truncated: true, framing: 'octet-counting', bad: false },
      { text: 'abc', truncated: false, framing: 'octet-counting', bad: false },
    ]);
  });

  it('keeps a frame cut short by the end of the stream, flagged truncated', () => {
    expect(show(run(['20 <13>partial']))).toEqual([
      { text: '<13>partial', truncated: true, framing: 'octet-counting', bad: false },
    ]);
  });

  it('falls back to LF framing for good after a bad count, flagging the first LF frame', () => {
    const frames = run(['5 <13>a12x<13>b\n7 <13>ccc\n']);
    expect(show(frames)).toEqual([
      { text: '<13>a', truncated: false, framing: 'octet-counting', bad: false },
      { text: '12x<13>b', truncated: false, framing: 'lf', bad: true },
      { text: '7 <13>ccc', truncated: false, framing: 'lf', bad: false },
    ]);
  });

  it('treats a leading zero, a 10-digit count and a missing count as bad counts', () => {
    expect(show(run(['5 <13>a05 <13>b\n']))[1]).toMatchObject({ text: '05 <13>b', bad: true });
    expect(show(run(['1234567890 x\n']))[0]).toMatchObject({
      text: '1234567890 x',
      framing: 'lf',
      bad: true,
    });
    expect(show(run(['5 <13>a<13>b\n']))[1]).toMatchObject({ text: '<13>b', framing: 'lf', bad: true });
  });

  it('detects the framing per connection from the first byte', () => {
    expect(run(['<13>5 x\n'])[0]?.framing).toBe('lf');
    expect(run(['0 x\n'])[0]?.framing).toBe('lf');
    expect(run(['3 abc'])[0]?.framing).toBe('octet-counting');
  });
});

describe('framing: properties', () => {
  const cutsArb = fc.array(fc.nat(), { maxLength: 12 });
  const alphabet = fc.constantFrom(
    ...[0x0a, 0x0d, 0x20, 0x00, 0x30, 0x31, 0x35, 0x39, 0x3c, 0x3e, 0x61, 0xff].map((b) => b),
  );

  it('any split of a byte stream into reads yields the same frames', () => {
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 200 }),
        cutsArb,
        fc.integer({ min: 1, max: 40 }),
        (arr, cuts, max) => {
          const data = Uint8Array.from(arr);
          const whole = show(run([data], max));
          const split = show(run(splitAt(data, cuts), max));
          expect(split).toEqual(whole);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a valid octet-counted stream yields its messages (cut to maxFrame), whatever the split', () => {
    const msg = fc.string({ minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(
        fc.array(msg, { maxLength: 15 }),
        cutsArb,
        fc.integer({ min: 1, max: 80 }),
        (msgs, cuts, max) => {
          const wire = Buffer.concat(
            msgs.map((m) => Buffer.concat([bytes(`${bytes(m).length} `), bytes(m)])),
          );
          const frames = run(splitAt(wire, cuts), max);
          expect(frames.map((f) => Buffer.from(f.bytes).toString('hex'))).toEqual(
            msgs.map((m) => Buffer.from(bytes(m).subarray(0, max)).toString('hex')),
          );
          expect(frames.map((f) => f.truncated)).toEqual(msgs.map((m) => bytes(m).length > max));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an LF stream yields its non-empty lines, whatever the split', () => {
    const line = fc.string({ maxLength: 30 }).map((s) => s.replaceAll('\n', ' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 15 }), cutsArb, (lines, cuts) => {
        const wire = bytes(lines.map((l) => `<1>${l}\n`).join(''));
        const frames = run(splitAt(wire, cuts), 1000);
        expect(frames.map((f) => Buffer.from(f.bytes).toString())).toEqual(lines.map((l) => `<1>${l}`));
      }),
      { numRuns: 300 },
    );
  });
});
