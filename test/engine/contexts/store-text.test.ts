import { describe, expect, it } from 'vitest';
import { harness } from './helpers.js';

describe('ContextStore: add, prepend, fill and the store readers', () => {
  it('CTX-autocreate: add/prepend/fill on a missing context create it (infinite, no list, %s "")', () => {
    for (const op of ['add', 'prepend', 'fill'] as const) {
      const h = harness();
      h.store[op]('A', 'x', 100);
      expect(h.store.lines('A')).toEqual(['x']);
      expect(h.store.snapshot()[0]).toMatchObject({ ctime: 100, lifetime: 0, actions: null, desc: '' });
    }
  });

  it('CTX-autocreate happens even when the text adds nothing', () => {
    const h = harness();
    h.store.add('A', '', 100);
    h.store.add('B', '\n\n', 100);
    expect(h.store.size('A')).toBe(0);
    expect(h.store.size('B')).toBe(0);
    expect(h.store.count).toBe(2);
  });

  it('CTX-store-split: a multi-line add stores one line per piece', () => {
    const h = harness();
    h.store.add('A', '\nmid\n\nend\n\n', 100);
    expect(h.store.lines('A')).toEqual(['', 'mid', '', 'end']);
  });

  it('ACT-prepend: prepend E a; prepend E b gives b, a; a block keeps its order', () => {
    const h = harness();
    h.store.prepend('E', 'a', 100);
    h.store.prepend('E', 'b', 101);
    h.store.prepend('E', 'c1\nc2', 102);
    expect(h.store.lines('E')).toEqual(['c1', 'c2', 'b', 'a']);
    expect(h.store.snapshot()[0]!.lineTimes).toEqual([102, 102, 101, 100]);
  });

  it('ACT-fill empties the store, then adds', () => {
    const h = harness();
    h.store.add('A', 'a\nb', 100);
    h.store.fill('A', 'c', 101);
    expect(h.store.lines('A')).toEqual(['c']);
    h.store.fill('A', '', 102);
    expect(h.store.lines('A')).toEqual([]);
  });

  it('CTX-store-split / OPT-evstoresize: an add that would overflow adds nothing and warns', () => {
    const h = harness({ evstoresize: 3 });
    h.store.add('A', 'a\nb', 100);
    h.store.add('A', 'c\nd', 101);
    expect(h.store.lines('A')).toEqual(['a', 'b']);
    h.store.prepend('A', 'p\nq', 101);
    expect(h.store.lines('A')).toEqual(['a', 'b']);
    h.store.add('A', 'c', 102);
    expect(h.store.lines('A')).toEqual(['a', 'b', 'c']);
    expect(h.at(3)).toEqual([
      "Can't add event(s) 'c\nd' to context 'A', store full",
      "Can't prepend event(s) 'p\nq' to context 'A', store full",
    ]);
  });

  it('OPT-evstoresize: fill counts only the new lines; trailing empties do not count', () => {
    const h = harness({ evstoresize: 2 });
    h.store.add('A', 'a\nb', 100);
    h.store.fill('A', 'x\ny\n\n\n', 101);
    expect(h.store.lines('A')).toEqual(['x', 'y']);
    h.store.fill('A', 'x\ny\nz', 102);
    expect(h.store.lines('A')).toEqual(['x', 'y']);
    expect(h.at(3)).toEqual(["Can't fill context 'A' with event(s) 'x\ny\nz', store full"]);
  });

  it('OPT-evstoresize 0 means no limit', () => {
    const h = harness({ evstoresize: 0 });
    h.store.add('A', Array.from({ length: 1000 }, (_, i) => String(i)).join('\n'), 1);
    expect(h.store.size('A')).toBe(1000);
  });

  it('ACT-pop / ACT-shift: last / first line; "" for an empty store; undefined when missing', () => {
    const h = harness();
    h.store.add('A', '1\n2\n3', 100);
    expect(h.store.pop('A')).toBe('3');
    expect(h.store.shift('A')).toBe('1');
    expect(h.store.pop('A')).toBe('2');
    expect(h.store.pop('A')).toBe('');
    expect(h.store.shift('A')).toBe('');
    expect(h.store.pop('M')).toBeUndefined();
    expect(h.store.shift('M')).toBeUndefined();
  });

  it('ACT-empty removes and returns the lines; undefined for a missing context', () => {
    const h = harness();
    h.store.add('A', 'a\nb', 100);
    const view = h.store.lines('A');
    expect(h.store.empty('A')).toEqual(['a', 'b']);
    expect(h.store.size('A')).toBe(0);
    expect(view).toEqual(['a', 'b']); // an earlier view is not emptied under the caller
    expect(h.store.empty('M')).toBeUndefined();
  });

  it('ACT-trim / VD-trim: strictly earlier lines go, times stay aligned through pop and shift', () => {
    const h = harness();
    h.store.add('A', 'a', 100);
    h.store.add('A', 'b', 105);
    h.store.prepend('A', 'p', 110);
    h.store.add('A', 'c', 110);
    expect(h.store.shift('A')).toBe('p');
    expect(h.store.trim('A', 105)).toEqual(['a']);
    expect(h.store.lines('A')).toEqual(['b', 'c']);
    expect(h.store.snapshot()[0]!.lineTimes).toEqual([105, 110]);
    expect(h.store.trim('A', 100)).toEqual([]);
    expect(h.store.trim('M', 100)).toBeUndefined();
  });

  it('snapshot is a copy: later changes do not alter it', () => {
    const h = harness();
    h.store.add('A', 'a', 100);
    const snap = h.store.snapshot();
    h.store.add('A', 'b', 101);
    h.store.alias('A', 'B');
    expect(snap[0]).toMatchObject({ names: ['A'], lines: ['a'], lineTimes: [100] });
  });
});
