import { closeSync, openSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegularFileHandle } from '../../src/inputs/index.js';
import type { ReadOutcome } from '../../src/inputs/types.js';
import { tempDir } from './helpers.js';

// The handle reads ahead in large pieces; each read(max) must still return what SEC's
// sysread of `max` bytes at its offset would (OPT-blocksize, IN-lines).

let dir = '';
let cleanup = (): void => undefined;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

function text(o: ReadOutcome): string {
  if (o.kind !== 'data') throw new Error(`expected data, got ${o.kind}`);
  return o.text;
}

/** Bytes 0..n-1 of a pattern whose every position differs from its neighbours. */
function content(n: number, seed = 0): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(32 + ((i * 7 + seed) % 90));
  return s;
}

function open(path: string, position = 0): RegularFileHandle {
  return new RegularFileHandle(openSync(path, 'r'), position, null, true);
}

describe('RegularFileHandle.read', () => {
  it('returns blocks of exactly `max` bytes across read-ahead boundaries, then the rest, then eof', () => {
    const path = join(dir, 'f');
    const data = content(200_000);
    writeFileSync(path, data, 'latin1');
    const h = open(path);
    const blocks: string[] = [];
    for (let o = h.read(1000); o.kind === 'data'; o = h.read(1000)) blocks.push(o.text);
    expect(blocks.join('')).toBe(data);
    expect(blocks.slice(0, -1).every((b) => b.length === 1000)).toBe(true);
    expect(blocks.length).toBe(200);
    expect(h.position()).toBe(200_000);
    expect(h.read(1000).kind).toBe('eof');
    h.close();
  });

  it('starts at the given offset and reports the offset of what it returned, not of what it read ahead', () => {
    const path = join(dir, 'f');
    const data = content(10_000);
    writeFileSync(path, data, 'latin1');
    const h = open(path, 123);
    expect(text(h.read(50))).toBe(data.slice(123, 173));
    expect(h.position()).toBe(173);
    h.close();
  });

  it('sees bytes appended after a read, in one block with the bytes read ahead before', () => {
    const path = join(dir, 'f');
    writeFileSync(path, 'abc', 'latin1');
    const h = open(path);
    expect(text(h.read(8))).toBe('abc');
    expect(h.read(8).kind).toBe('eof');
    writeFileSync(path, 'abcdefghijklmnopq', 'latin1');
    expect(text(h.read(8))).toBe('defghijk');
    // 'lmnopq' is read ahead; what is appended now joins it in the next block, as SEC's read would.
    writeFileSync(path, 'abcdefghijklmnopqrstuvwxyz', 'latin1');
    expect(text(h.read(8))).toBe('lmnopqrs');
    expect(text(h.read(8))).toBe('tuvwxyz');
    h.close();
  });

  it('serves a --blocksize larger than the read-ahead size whole', () => {
    const path = join(dir, 'f');
    const data = content(300_000, 3);
    writeFileSync(path, data, 'latin1');
    const h = open(path);
    expect(text(h.read(100_000))).toBe(data.slice(0, 100_000));
    expect(text(h.read(250_000))).toBe(data.slice(100_000));
    h.close();
  });

  it('readRest reads the file from SEC offset as it is now, not the bytes read ahead', () => {
    const path = join(dir, 'f');
    writeFileSync(path, content(5000), 'latin1');
    const h = open(path);
    expect(h.read(100).kind).toBe('data');
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.from('CHANGED', 'latin1'), 0, 7, 100);
    closeSync(fd);
    const rest = h.readRest();
    expect(rest.length).toBe(4900);
    expect(rest.startsWith('CHANGED')).toBe(true);
    expect(h.position()).toBe(5000);
    expect(h.read(100).kind).toBe('eof');
    h.close();
  });

  it('after a truncation in place, still returns what it had read ahead, then eof at SEC offset', () => {
    const path = join(dir, 'f');
    const data = content(10_000);
    writeFileSync(path, data, 'latin1');
    const h = open(path);
    expect(text(h.read(1000))).toBe(data.slice(0, 1000));
    truncateSync(path, 0);
    // SEC's read would find nothing here; the bytes read ahead before the truncation come first.
    const rest: string[] = [];
    for (let o = h.read(1000); o.kind === 'data'; o = h.read(1000)) rest.push(o.text);
    expect(rest.join('')).toBe(data.slice(1000));
    expect(h.position()).toBe(10_000);
    expect(h.size()).toBe(0);
    h.close();
  });

  it('returns eof once closed', () => {
    const path = join(dir, 'f');
    writeFileSync(path, 'x\n', 'latin1');
    const h = open(path);
    h.close();
    expect(h.read(10).kind).toBe('eof');
  });
});
