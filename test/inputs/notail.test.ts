import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drain, makeSet, tempDir } from './helpers.js';

let dir = '';
let cleanup = (): void => undefined;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('IN-roundrobin: one line per file per poll, in sorted name order', () => {
  it('interleaves the lines of several files by name, then drains the longer ones', () => {
    writeFileSync(join(dir, 'b.log'), 'b1\nb2\nb3\n');
    writeFileSync(join(dir, 'a.log'), 'a1\na2\n');
    writeFileSync(join(dir, 'c.log'), 'c1\n');
    const { set } = makeSet(dir, ['c.log', 'a.log', 'b.log'], { tail: false });
    set.open(100);
    expect(set.names).toEqual(['a.log', 'b.log', 'c.log']);
    expect(drain(set, 100)).toEqual(['a.log:a1', 'b.log:b1', 'c.log:c1', 'a.log:a2', 'b.log:b2', 'b.log:b3']);
    expect(set.exhausted).toBe(true);
    set.close();
  });

  it('serves the read-ahead buffer before polling again', () => {
    writeFileSync(join(dir, 'a'), 'a1\na2\n');
    writeFileSync(join(dir, 'b'), 'b1\n');
    const { set } = makeSet(dir, ['a', 'b'], { tail: false });
    set.open(1);
    expect(set.next(1)?.line).toBe('a1');
    // b1 was read ahead in the same poll; a line appended to a now must come after it
    writeFileSync(join(dir, 'a'), 'a1\na2\n');
    expect(set.next(1)?.line).toBe('b1');
    expect(set.next(1)?.line).toBe('a2');
    set.close();
  });

  it('sorts the names by bytes, as Perl sort does (upper case before lower case)', () => {
    for (const name of ['b', 'B', 'a']) writeFileSync(join(dir, name), `${name}\n`);
    const { set } = makeSet(dir, ['b', 'a', 'B'], { tail: false });
    set.open(1);
    expect(drain(set, 1)).toEqual(['B:B', 'a:a', 'b:b']);
    set.close();
  });

  it('takes the context of the last pattern that names a file (OPT-input)', () => {
    writeFileSync(join(dir, 'x'), 'one\n');
    const { set } = makeSet(dir, [
      { pattern: 'x', context: 'FIRST' },
      { pattern: 'x', context: 'LAST' },
    ]);
    set.open(1);
    expect(set.snapshot().map((s) => s.context)).toEqual(['LAST']);
    set.close();
  });
});

describe('IN-lines and IN-notail-exit', () => {
  it('delivers a final unterminated line at EOF under --notail, and keeps \\r', () => {
    writeFileSync(join(dir, 'f'), 'one\r\ntwo\n\nlast');
    const { set } = makeSet(dir, ['f'], { tail: false });
    set.open(5);
    expect(drain(set, 5)).toEqual(['f:one\r', 'f:two', 'f:', 'f:last']);
    expect(set.exhausted).toBe(true);
    expect(set.snapshot()[0]).toMatchObject({ open: false, lines: 4 });
    set.close();
  });

  it('decodes bytes as latin1, one char per byte', () => {
    writeFileSync(join(dir, 'bin'), Buffer.from([0xc3, 0xa9, 0x00, 0xff, 0x0a]));
    const { set } = makeSet(dir, ['bin'], { tail: false });
    set.open(1);
    expect(set.next(1)?.line).toBe('\u00c3\u00a9\u0000\u00ff');
    set.close();
  });

  it('assembles lines across reads of --blocksize bytes (OPT-blocksize)', () => {
    writeFileSync(join(dir, 'f'), 'abcdefghij\nkl\nmnopq');
    const { set } = makeSet(dir, ['f'], { tail: false, blocksize: 3 });
    set.open(1);
    const got: (string | null)[] = [];
    // partial reads return null with sawData set: the loop must not sleep then
    let sawWhileNull = false;
    for (let i = 0; i < 20 && !set.exhausted; i++) {
      const line = set.next(1);
      if (line === null && set.sawData) sawWhileNull = true;
      if (line !== null) got.push(line.line);
    }
    expect(got).toEqual(['abcdefghij', 'kl', 'mnopq']);
    expect(sawWhileNull).toBe(true);
    set.close();
  });

  it('is not exhausted while one input is open, and is exhausted with a missing input', () => {
    writeFileSync(join(dir, 'short'), 'x\n');
    writeFileSync(join(dir, 'long'), 'y1\ny2\ny3\n');
    const { set, logger } = makeSet(dir, ['short', 'long', 'missing'], { tail: false });
    set.open(1);
    expect(logger.messages(3)).toContain('Input file missing does not exist!');
    expect(set.next(1)?.line).toBe('y1');
    expect(set.next(1)?.line).toBe('x');
    expect(set.exhausted).toBe(false);
    expect(drain(set, 1)).toEqual(['long:y2', 'long:y3']);
    expect(set.exhausted).toBe(true);
    expect(set.sawData).toBe(false);
    set.close();
  });

  it('under --notail reads from the start even without --fromstart, and never reopens', () => {
    writeFileSync(join(dir, 'f'), 'old\n');
    const { set } = makeSet(dir, ['f'], { tail: false, reopenTimeout: 1 });
    set.open(1);
    expect(drain(set, 1)).toEqual(['f:old']);
    writeFileSync(join(dir, 'f'), 'old\nnew\n');
    expect(drain(set, 10)).toEqual([]);
    expect(set.exhausted).toBe(true);
    set.close();
  });

  it('reports an unsupported file type and leaves it closed', () => {
    const { set, logger } = makeSet(dir, ['.'], { tail: false });
    set.open(1);
    expect(logger.messages(2)).toContain('Input file . is of unsupported type!');
    expect(set.exhausted).toBe(true);
    set.close();
  });
});
