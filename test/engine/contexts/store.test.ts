import { describe, expect, it } from 'vitest';
import { harness } from './helpers.js';

describe('ContextStore: create, set, delete, alias (sec-features 3.2, 4.2)', () => {
  it('ACT-create makes a context with its lifetime, list and %s', () => {
    const h = harness();
    const l = h.list();
    h.store.create('A', 60, l, 'desc', 100);
    expect(h.store.exists('A')).toBe(true);
    expect(h.store.lifetime('A')).toBe(60);
    expect(h.store.ctime('A')).toBe(100);
    expect(h.store.size('A')).toBe(0);
    expect(h.store.count).toBe(1);
    const [snap] = h.store.snapshot();
    expect(snap).toMatchObject({
      names: ['A'],
      initTime: 100,
      ctime: 100,
      lifetime: 60,
      actions: l,
      desc: 'desc',
    });
  });

  it('CTX-recreate empties the store, resets ctime/lifetime/list/%s, keeps aliases and init time', () => {
    const h = harness();
    h.store.create('A', 60, h.list(), 'old', 100);
    h.store.alias('A', 'B');
    h.store.add('A', 'x\ny', 101);
    h.store.create('B', 10, null, 'new', 150);
    expect(h.store.size('A')).toBe(0);
    expect(h.store.ctime('A')).toBe(150);
    expect(h.store.lifetime('A')).toBe(10);
    expect(h.store.aliases('A')).toEqual(['A', 'B']);
    expect(h.store.snapshot()[0]).toMatchObject({ initTime: 100, actions: null, desc: 'new' });
  });

  it('CTX-set-extend: set X T resets ctime and lifetime; a list replaces the list and %s', () => {
    const h = harness();
    const l1 = h.list();
    const l2 = h.list();
    h.store.create('A', 60, l1, 'd1', 100);
    h.store.set('A', 1800, l2, 'd2', 130);
    expect(h.store.ctime('A')).toBe(130);
    expect(h.store.lifetime('A')).toBe(1800);
    expect(h.store.snapshot()[0]).toMatchObject({ actions: l2, desc: 'd2' });
  });

  it('CTX-set-extend: set X - changes only the list; without a list, %s is kept too', () => {
    const h = harness();
    const l1 = h.list();
    const l2 = h.list();
    h.store.create('A', 60, l1, 'd1', 100);
    h.store.set('A', null, l2, 'd2', 130);
    expect(h.store.ctime('A')).toBe(100);
    expect(h.store.lifetime('A')).toBe(60);
    expect(h.store.snapshot()[0]).toMatchObject({ actions: l2, desc: 'd2' });
    h.store.set('A', 5, null, 'd3', 140);
    h.store.set('A', 7, { actions: [] }, 'd4', 141);
    expect(h.store.snapshot()[0]).toMatchObject({ ctime: 141, lifetime: 7, actions: l2, desc: 'd2' });
  });

  it('ACT-set: set X 0 makes the context infinite', () => {
    const h = harness();
    h.store.create('A', 5, h.list(), 'd', 100);
    h.store.set('A', 0, null, '', 100);
    expect(h.store.check('A', 1_000_000)).toBe(true);
    expect(h.expiries).toEqual([]);
  });

  it('CTX-set-extend: set on a missing context only warns', () => {
    const h = harness();
    h.store.set('NOPE', 10, h.list(), 'd', 100);
    expect(h.store.exists('NOPE')).toBe(false);
    expect(h.at(3)).toEqual(["Context 'NOPE' does not exist, can't change settings"]);
  });

  it('ACT-delete / CTX-alias: delete through any name removes all names, without the list', () => {
    const h = harness();
    h.store.create('A', 10, h.list(), 'd', 100);
    h.store.alias('A', 'B');
    h.store.alias('B', 'C');
    h.store.delete('C');
    expect(['A', 'B', 'C'].map((n) => h.store.exists(n))).toEqual([false, false, false]);
    expect(h.store.count).toBe(0);
    expect(h.expiries).toEqual([]);
    expect(h.at(6)).toContain("Context 'A' deleted");
  });

  it('ACT-delete of a missing context logs at debug only', () => {
    const h = harness();
    h.store.delete('X');
    expect(h.at(3)).toEqual([]);
    expect(h.at(6)).toContain("Context 'X' does not exist or is already going through deletion");
  });

  it('CTX-alias: the alias shares the object (store, lifetime, ctime)', () => {
    const h = harness();
    h.store.create('A', 10, null, '', 100);
    h.store.alias('A', 'B');
    h.store.add('B', 'line', 101);
    expect(h.store.lines('A')).toEqual(['line']);
    h.store.setLifetime('A', 50, 101);
    expect(h.store.lifetime('B')).toBe(50);
    expect(h.store.aliases('B')).toEqual(['A', 'B']);
    expect(h.store.count).toBe(1);
  });

  it('CTX-alias: aliasing to a name in use does nothing (debug), even to another context', () => {
    const h = harness();
    h.store.create('A', 0, null, '', 100);
    h.store.create('B', 0, null, '', 100);
    h.store.add('B', 'b', 100);
    h.store.alias('A', 'B');
    expect(h.store.lines('B')).toEqual(['b']);
    expect(h.store.aliases('A')).toEqual(['A']);
    expect(h.at(6)).toContain("Alias 'B' already exists");
    expect(h.at(3)).toEqual([]);
  });

  it('CTX-alias: aliasing a missing context warns', () => {
    const h = harness();
    h.store.alias('A', 'B');
    expect(h.store.exists('B')).toBe(false);
    expect(h.at(3)).toEqual(["Context 'A' does not exist, can't create alias"]);
  });

  it('ACT-unalias removes one name; the last name is a silent delete', () => {
    const h = harness();
    h.store.create('A', 10, h.list(), 'd', 100);
    h.store.alias('A', 'B');
    h.store.unalias('A');
    expect(h.store.exists('A')).toBe(false);
    expect(h.store.aliases('B')).toEqual(['B']);
    expect(h.store.count).toBe(1);
    h.store.unalias('B');
    expect(h.store.exists('B')).toBe(false);
    expect(h.store.count).toBe(0);
    expect(h.expiries).toEqual([]);
    expect(h.at(3)).toEqual([]);
    h.store.cleanup(1000);
    expect(h.expiries).toEqual([]);
  });

  it('ACT-unalias of a missing name logs at debug only', () => {
    const h = harness();
    h.store.unalias('X');
    expect(h.at(3)).toEqual([]);
    expect(h.at(6)).toContain(
      "Alias 'X' does not exist or the referred context is already going through deletion",
    );
  });

  it('an alias made after delete and re-create belongs to the new context only', () => {
    const h = harness();
    h.store.create('A', 0, null, '', 100);
    h.store.alias('A', 'B');
    h.store.delete('A');
    h.store.create('B', 0, null, '', 101);
    expect(h.store.aliases('B')).toEqual(['B']);
    expect(h.store.exists('A')).toBe(false);
  });
});

describe('ContextStore: queries do not check expiry (CTX-expiry-when)', () => {
  it('CTX-expiry-when: exists, size, lines, aliases, lifetime, ctime see a stale context', () => {
    const h = harness();
    h.store.create('A', 10, h.list(), 'd', 100);
    h.store.add('A', 'x', 100);
    // At 200 A is long stale, but nothing has collected it yet.
    expect(h.store.exists('A')).toBe(true);
    expect(h.store.size('A')).toBe(1);
    expect(h.store.lines('A')).toEqual(['x']);
    expect(h.store.aliases('A')).toEqual(['A']);
    expect(h.store.lifetime('A')).toBe(10);
    expect(h.store.ctime('A')).toBe(100);
    h.store.add('A', 'y', 200);
    expect(h.store.size('A')).toBe(2);
    expect(h.expiries).toEqual([]);
  });

  it('ACT-exists / ACT-getsize / ACT-getaliases / ACT-getltime on a missing context', () => {
    const h = harness();
    expect(h.store.exists('M')).toBe(false);
    expect(h.store.size('M')).toBeUndefined();
    expect(h.store.aliases('M')).toBeUndefined();
    expect(h.store.lifetime('M')).toBeUndefined();
    expect(h.store.ctime('M')).toBeUndefined();
    expect(h.store.lines('M')).toBeUndefined();
    expect(h.logs).toEqual([]);
  });

  it('ACT-getaliases returns a fresh array each time', () => {
    const h = harness();
    h.store.create('A', 0, null, '', 1);
    const names = h.store.aliases('A')!;
    names.push('Z');
    expect(h.store.aliases('A')).toEqual(['A']);
  });
});

describe('ContextStore: setltime and setctime', () => {
  it('ACT-setltime changes the lifetime without touching ctime', () => {
    const h = harness();
    h.store.create('A', 10, h.list(), 'd', 100);
    h.store.setLifetime('A', 100, 150);
    expect(h.store.ctime('A')).toBe(100);
    expect(h.store.lifetime('A')).toBe(100);
    expect(h.expiries).toEqual([]);
    h.store.setLifetime('A', 0, 150);
    expect(h.store.check('A', 10_000)).toBe(true);
  });

  it('ACT-setltime: a lifetime that has already run out expires the context at once', () => {
    const h = harness();
    h.store.create('A', 0, h.list(), 'd', 100);
    h.store.setLifetime('A', 50, 150);
    expect(h.store.exists('A')).toBe(true); // 150 - 100 <= 50: still valid (CTX-lifetime)
    h.store.setLifetime('A', 49, 150);
    expect(h.expiries).toEqual(['A/d@150']);
    expect(h.store.exists('A')).toBe(false);
    expect(h.at(6)).toContain("Context 'A' has become stale after lifetime adjustment");
  });

  it('ACT-setltime on a missing context warns', () => {
    const h = harness();
    h.store.setLifetime('M', 5, 1);
    expect(h.at(3)).toEqual(["Context 'M' does not exist, can't set lifetime"]);
  });

  it('ACT-setctime moves the creation time forward, up to now', () => {
    const h = harness();
    h.store.create('A', 10, null, '', 100);
    h.store.setCtime('A', 120, 120);
    expect(h.store.ctime('A')).toBe(120);
    expect(h.store.check('A', 130)).toBe(true);
    expect(h.at(3)).toEqual([]);
  });

  it('ACT-setctime refuses backwards and future times with a warning', () => {
    const h = harness();
    h.store.create('A', 10, null, '', 100);
    h.store.setCtime('A', 99, 120);
    h.store.setCtime('A', 121, 120);
    expect(h.store.ctime('A')).toBe(100);
    expect(h.at(3)).toEqual([
      "Can't set context creation time backwards to '99'",
      "Can't set context creation time into future to '121'",
    ]);
    h.store.setCtime('A', 100, 120);
    expect(h.at(6)).toContain("Context creation time already set to '100'");
    h.store.setCtime('M', 100, 120);
    expect(h.at(3)).toContain("Context 'M' does not exist, can't set creation time");
  });

  it('ACT-trim +T uses the current ctime, which setctime and set move', () => {
    const h = harness();
    h.store.create('A', 0, null, '', 100);
    h.store.add('A', 'old', 100);
    h.store.add('A', 'new', 110);
    h.store.set('A', 0, null, '', 105);
    expect(h.store.trim('A', h.store.ctime('A')! + 0)).toEqual(['old']);
    expect(h.store.lines('A')).toEqual(['new']);
  });
});
