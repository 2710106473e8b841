import { describe, expect, it } from 'vitest';
import { EventStore, splitStoreText } from '../../../src/engine/contexts/index.js';

describe('splitStoreText (CTX-store-split)', () => {
  it('CTX-store-split: trailing empty pieces are dropped, leading and middle ones kept', () => {
    expect(splitStoreText('a\nb')).toEqual(['a', 'b']);
    expect(splitStoreText('a\n\nb\n\n')).toEqual(['a', '', 'b']);
    expect(splitStoreText('\n\na')).toEqual(['', '', 'a']);
    expect(splitStoreText('a\n')).toEqual(['a']);
  });

  it('CTX-store-split: an empty string or only newlines gives nothing', () => {
    expect(splitStoreText('')).toEqual([]);
    expect(splitStoreText('\n')).toEqual([]);
    expect(splitStoreText('\n\n\n')).toEqual([]);
  });

  it('CTX-store-split: only \\n splits (a \\r stays in the line)', () => {
    expect(splitStoreText('a\r\nb')).toEqual(['a\r', 'b']);
  });
});

describe('EventStore (VD-trim: per-line insertion times)', () => {
  function filled(): EventStore {
    const s = new EventStore();
    s.append(['a1', 'a2'], 10);
    s.prepend(['p1', 'p2'], 20);
    s.append(['a3'], 30);
    return s;
  }

  it('ACT-prepend keeps a block in order in front; times stay aligned', () => {
    const s = filled();
    expect(s.lines).toEqual(['p1', 'p2', 'a1', 'a2', 'a3']);
    expect(s.times).toEqual([20, 20, 10, 10, 30]);
    expect(s.size).toBe(5);
  });

  it('VD-trim: pop and shift remove the matching time', () => {
    const s = filled();
    expect(s.pop()).toBe('a3');
    expect(s.shift()).toBe('p1');
    expect(s.lines).toEqual(['p2', 'a1', 'a2']);
    expect(s.times).toEqual([20, 10, 10]);
  });

  it('pop and shift of an empty store give undefined', () => {
    const s = new EventStore();
    expect(s.pop()).toBeUndefined();
    expect(s.shift()).toBeUndefined();
    expect(s.times).toEqual([]);
  });

  it('VD-trim: trim removes every line stored strictly before the time, wherever it sits', () => {
    const s = filled();
    expect(s.trim(20)).toEqual(['a1', 'a2']);
    expect(s.lines).toEqual(['p1', 'p2', 'a3']);
    expect(s.times).toEqual([20, 20, 30]);
    expect(s.trim(20)).toEqual([]);
    expect(s.trim(31)).toEqual(['p1', 'p2', 'a3']);
    expect(s.size).toBe(0);
  });

  it('ACT-fill replaces lines and times; clear returns the old lines and empties both', () => {
    const s = filled();
    s.replace(['f'], 40);
    expect(s.lines).toEqual(['f']);
    expect(s.times).toEqual([40]);
    expect(s.clear()).toEqual(['f']);
    expect(s.lines).toEqual([]);
    expect(s.times).toEqual([]);
  });

  it('replace copies its input (a later change to the caller array does not leak in)', () => {
    const s = new EventStore();
    const input = ['x'];
    s.replace(input, 1);
    input.push('y');
    expect(s.lines).toEqual(['x']);
  });

  it('append of a long text does not overflow the stack', () => {
    const s = new EventStore();
    s.append(new Array<string>(300_000).fill('l'), 5);
    expect(s.size).toBe(300_000);
    expect(s.times.length).toBe(300_000);
  });
});
