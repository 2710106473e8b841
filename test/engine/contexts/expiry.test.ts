import { describe, expect, it } from 'vitest';
import { harness } from './helpers.js';

describe('ContextStore: lifetime and expiry (CTX-lifetime, CX-name, CTX-expiry-action)', () => {
  it('CTX-lifetime: valid while now - ctime <= lifetime (inclusive, integer seconds)', () => {
    const h = harness();
    h.store.create('A', 60, h.list(), 'd', 100);
    expect(h.store.check('A', 160)).toBe(true);
    expect(h.expiries).toEqual([]);
    expect(h.store.check('A', 161)).toBe(false);
    expect(h.expiries).toEqual(['A/d@161']);
    expect(h.store.exists('A')).toBe(false);
  });

  it('CTX-lifetime: lifetime 0 never expires', () => {
    const h = harness();
    h.store.create('A', 0, h.list(), 'd', 100);
    h.store.cleanup(1e9);
    expect(h.store.check('A', 1e9)).toBe(true);
    expect(h.expiries).toEqual([]);
  });

  it('CX-name: a missing context is false and logs nothing', () => {
    const h = harness();
    expect(h.store.check('A', 1)).toBe(false);
    expect(h.logs).toEqual([]);
  });

  it('CX-name: checking a stale context runs its list once, under the checked name, then removes all names', () => {
    const h = harness();
    const seen: string[] = [];
    h.store.create(
      'A',
      10,
      h.list((s, t) => seen.push(`${t.thisName}:${s.exists('A')}`)),
      'saved',
      100,
    );
    h.store.alias('A', 'B');
    h.store.alias('A', 'C');
    expect(h.store.check('B', 111)).toBe(false);
    expect(h.expiries).toEqual(['B/saved@111']);
    expect(seen).toEqual(['B:true']); // the context is still there while its list runs
    expect(['A', 'B', 'C'].some((n) => h.store.exists(n))).toBe(false);
    expect(h.store.count).toBe(0);
    expect(h.at(6)).toEqual(
      expect.arrayContaining([
        "Deleting stale context 'B'",
        "Stale context 'A' deleted",
        "Stale context 'C' deleted",
      ]),
    );
  });

  it('CTX-expiry-action: %s is the desc saved at create/set time', () => {
    const h = harness();
    h.store.create('A', 10, h.list(), 'at-create', 100);
    h.store.set('A', null, h.list(), 'at-set', 105);
    h.store.cleanup(200);
    expect(h.expiries).toEqual(['A/at-set@200']);
  });

  it('a stale context without a list (or with an empty one) is just removed', () => {
    const h = harness();
    h.store.create('A', 10, null, '', 100);
    h.store.create('B', 10, { actions: [] }, '', 100);
    h.store.cleanup(111);
    expect(h.expiries).toEqual([]);
    expect(h.store.count).toBe(0);
  });

  it('CTX-expiry-action: delete, obsolete and unalias of the expiring context are refused during its list', () => {
    const h = harness();
    h.store.create(
      'A',
      10,
      h.list((s, _t, now) => {
        s.delete('A');
        s.obsolete('B', now);
        s.unalias('B');
        s.unalias('A');
        expect(s.aliases('A')).toEqual(['A', 'B']);
      }),
      'd',
      100,
    );
    h.store.alias('A', 'B');
    h.store.check('A', 111);
    expect(h.expiries).toEqual(['A/d@111']);
    expect(h.at(6)).toEqual(
      expect.arrayContaining([
        "Context 'A' does not exist or is already going through deletion",
        "Context 'B' does not exist or is already going through deletion",
        "Alias 'B' does not exist or the referred context is already going through deletion",
      ]),
    );
    expect(h.at(3)).toEqual([]);
  });

  it('CTX-expiry-action: set, create and alias inside the list cannot revive the context', () => {
    const h = harness();
    h.store.create(
      'A',
      10,
      h.list((s, _t, now) => {
        s.set('A', 1000, null, '', now);
        s.create('A', 1000, null, 'again', now);
        s.alias('A', 'NEW');
        s.add('A', 'kept while the list runs', now);
        expect(s.check('A', now)).toBe(true); // fresh ctime: valid, as valid_context tests time first
      }),
      'd',
      100,
    );
    h.store.check('A', 111);
    expect(h.store.exists('A')).toBe(false);
    expect(h.store.exists('NEW')).toBe(false);
    expect(h.store.count).toBe(0);
    expect(h.expiries).toHaveLength(1);
  });

  it('CTX-expiry-action: re-entering check or cleanup during the list does not run it twice', () => {
    const h = harness();
    h.store.create(
      'A',
      10,
      h.list((s, _t, now) => {
        expect(s.check('A', now)).toBe(false);
        s.cleanup(now);
        s.obsolete('A', now);
      }),
      'd',
      100,
    );
    h.store.cleanup(111);
    expect(h.expiries).toEqual(['A/d@111']);
    expect(h.store.count).toBe(0);
  });

  it('CTX-expiry-action: nested expiry (the list checks another stale context) runs both once', () => {
    const h = harness();
    const order: string[] = [];
    h.store.create(
      'A',
      5,
      h.list((s, t, now) => {
        order.push(`A as ${t.thisName} starts`);
        expect(s.check('B2', now)).toBe(false);
        order.push(`A as ${t.thisName} ends`);
      }),
      'da',
      100,
    );
    h.store.create(
      'B',
      5,
      h.list((_s, t) => order.push(`B as ${t.thisName}`)),
      'db',
      101,
    );
    h.store.alias('B', 'B2');
    // The pass reaches A first; A's list expires B; the pass then finds B gone.
    h.store.cleanup(200);
    expect(order).toEqual(['A as A starts', 'B as B2', 'A as A ends']);
    expect(h.expiries).toEqual(['A/da@200', 'B2/db@200']);
    expect(h.store.count).toBe(0);
  });

  it('CTX-expiry-action: nested expiry from inside a list hands the inner name to the runner', () => {
    const h = harness();
    const order: string[] = [];
    h.store.create(
      'INNER',
      5,
      h.list((_s, t) => order.push(t.thisName)),
      'i',
      100,
    );
    h.store.alias('INNER', 'IN2');
    h.store.create(
      'OUTER',
      5,
      h.list((s, t, now) => {
        order.push(t.thisName);
        s.check('IN2', now);
        order.push(t.thisName);
      }),
      'o',
      100,
    );
    h.store.check('OUTER', 200);
    expect(order).toEqual(['OUTER', 'IN2', 'OUTER']);
    expect(h.store.count).toBe(0);
  });

  it('TM-cleanup visits contexts in creation order and leaves valid ones alone', () => {
    const h = harness();
    h.store.create('C', 5, h.list(), 'c', 100);
    h.store.create('A', 5, h.list(), 'a', 100);
    h.store.create('KEEP', 500, h.list(), 'k', 100);
    h.store.create('B', 5, h.list(), 'b', 100);
    h.store.cleanup(106);
    expect(h.expiries).toEqual(['C/c@106', 'A/a@106', 'B/b@106']);
    expect(h.store.snapshot().map((s) => s.names)).toEqual([['KEEP']]);
  });

  it('TM-cleanup: a context deleted by an earlier expiry list in the same pass is not expired', () => {
    const h = harness();
    h.store.create(
      'FIRST',
      5,
      h.list((s) => s.delete('SECOND')),
      'f',
      100,
    );
    h.store.create('SECOND', 5, h.list(), 's', 100);
    h.store.cleanup(106);
    expect(h.expiries).toEqual(['FIRST/f@106']);
    expect(h.store.count).toBe(0);
  });

  it('TM-cleanup: a context aliased twice expires once, under its oldest remaining name', () => {
    const h = harness();
    h.store.create('A', 5, h.list(), 'd', 100);
    h.store.alias('A', 'B');
    h.store.alias('A', 'C');
    h.store.unalias('A');
    h.store.cleanup(106);
    expect(h.expiries).toEqual(['B/d@106']);
  });

  it('all names are removed even when the runner throws', () => {
    const h = harness();
    h.store.create(
      'A',
      5,
      h.list(() => {
        throw new Error('boom');
      }),
      'd',
      100,
    );
    h.store.alias('A', 'B');
    expect(() => h.store.check('A', 106)).toThrow('boom');
    expect(h.store.exists('A') || h.store.exists('B')).toBe(false);
    expect(h.store.count).toBe(0);
  });

  it('ACT-obsolete runs the list now, even for an infinite or fresh context', () => {
    const h = harness();
    h.store.create('A', 0, h.list(), 'd', 100);
    h.store.alias('A', 'B');
    h.store.obsolete('B', 100);
    expect(h.expiries).toEqual(['B/d@100']);
    expect(h.store.exists('A')).toBe(false);
  });

  it('ACT-obsolete of a missing context logs at debug; without a list the context just goes', () => {
    const h = harness();
    h.store.obsolete('M', 1);
    expect(h.at(6)).toContain("Context 'M' does not exist or is already going through deletion");
    h.store.create('N', 0, null, '', 1);
    h.store.obsolete('N', 1);
    expect(h.store.exists('N')).toBe(false);
    expect(h.expiries).toEqual([]);
  });

  it('ACT-obsolete of another context from inside an expiry list works', () => {
    const h = harness();
    h.store.create('OTHER', 0, h.list(), 'o', 100);
    h.store.create(
      'A',
      5,
      h.list((s, _t, now) => s.obsolete('OTHER', now)),
      'a',
      100,
    );
    h.store.check('A', 106);
    expect(h.expiries).toEqual(['A/a@106', 'OTHER/o@106']);
    expect(h.store.count).toBe(0);
  });
});
