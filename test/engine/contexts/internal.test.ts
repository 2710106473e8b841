import { describe, expect, it } from 'vitest';
import { harness } from './helpers.js';

describe('ContextStore: internal contexts (CTX-internal, IE-intcontext)', () => {
  it('CTX-internal: the internal context exists only between setInternal and clearInternal', () => {
    const h = harness({ startTime: 42 });
    h.store.setInternal('_FILE_EVENT_/var/log/x');
    expect(h.store.exists('_FILE_EVENT_/var/log/x')).toBe(true);
    expect(h.store.check('_FILE_EVENT_/var/log/x', 1e9)).toBe(true);
    expect(h.store.lifetime('_FILE_EVENT_/var/log/x')).toBe(0);
    expect(h.store.ctime('_FILE_EVENT_/var/log/x')).toBe(42);
    expect(h.store.size('_FILE_EVENT_/var/log/x')).toBe(0);
    expect(h.store.aliases('_FILE_EVENT_/var/log/x')).toEqual(['_FILE_EVENT_/var/log/x']);
    expect(h.store.count).toBe(0);
    expect(h.store.snapshot()).toEqual([]);
    h.store.clearInternal();
    expect(h.store.exists('_FILE_EVENT_/var/log/x')).toBe(false);
    expect(h.store.check('_FILE_EVENT_/var/log/x', 1)).toBe(false);
  });

  it('CTX-internal: one shared object; the next event gets its own name only', () => {
    const h = harness();
    h.store.setInternal('_INTERNAL_EVENT');
    h.store.setInternal('SPAWNED');
    expect(h.store.exists('_INTERNAL_EVENT')).toBe(false);
    expect(h.store.aliases('SPAWNED')).toEqual(['SPAWNED']);
    h.store.clearInternal();
    h.store.clearInternal();
    expect(h.store.exists('SPAWNED')).toBe(false);
  });

  it('CTX-internal: changing actions are refused with a warning and change nothing', () => {
    const h = harness();
    h.store.setInternal('I');
    h.store.create('I', 10, h.list(), 'd', 100);
    h.store.delete('I');
    h.store.obsolete('I', 100);
    h.store.set('I', 10, h.list(), 'd', 100);
    h.store.alias('I', 'J');
    h.store.unalias('I');
    h.store.add('I', 'x', 100);
    h.store.prepend('I', 'x', 100);
    h.store.fill('I', 'x', 100);
    h.store.setLifetime('I', 10, 100);
    h.store.setCtime('I', 50, 100);
    expect(h.at(3)).toEqual(
      [
        'create',
        'delete',
        'obsolete',
        'set',
        'alias',
        'unalias',
        'add',
        'prepend',
        'fill',
        'setltime',
        'setctime',
      ].map((a) => `Invalid use of ${a} action for internal context 'I'`),
    );
    expect(h.store.exists('I')).toBe(true);
    expect(h.store.exists('J')).toBe(false);
    expect(h.store.size('I')).toBe(0);
    expect(h.store.lifetime('I')).toBe(0);
    expect(h.store.ctime('I')).toBe(0);
    expect(h.expiries).toEqual([]);
  });

  it('CTX-internal: reading actions work on it (empty store)', () => {
    const h = harness();
    h.store.setInternal('I');
    expect(h.store.lines('I')).toEqual([]);
    expect(h.store.empty('I')).toEqual([]);
    expect(h.store.pop('I')).toBe('');
    expect(h.store.shift('I')).toBe('');
    expect(h.store.trim('I', 100)).toEqual([]);
    expect(h.at(3)).toEqual([]);
  });

  it('CTX-internal: aliasing a user context to the internal name does nothing (name in use)', () => {
    const h = harness();
    h.store.create('U', 0, null, '', 1);
    h.store.setInternal('I');
    h.store.alias('U', 'I');
    expect(h.store.aliases('U')).toEqual(['U']);
    expect(h.at(6)).toContain("Alias 'I' already exists");
  });

  it('CTX-internal: a user context of the same name is overwritten and gone after the event, without its list', () => {
    const h = harness();
    h.store.create('I', 5, h.list(), 'd', 100);
    h.store.add('I', 'user line', 100);
    h.store.setInternal('I');
    expect(h.store.size('I')).toBe(0);
    h.store.clearInternal();
    expect(h.store.exists('I')).toBe(false);
    expect(h.store.count).toBe(0);
    h.store.cleanup(1000);
    expect(h.expiries).toEqual([]);
  });

  it('CTX-internal: an overwritten user context with an alias lives on under the alias only', () => {
    const h = harness();
    h.store.create('I', 0, null, '', 100);
    h.store.alias('I', 'U');
    h.store.add('U', 'kept', 100);
    h.store.setInternal('I');
    h.store.clearInternal();
    expect(h.store.exists('I')).toBe(false);
    expect(h.store.lines('U')).toEqual(['kept']);
    expect(h.store.aliases('U')).toEqual(['U']);
    // A later delete of U must not touch a new context that took the name I.
    h.store.create('I', 0, null, '', 101);
    h.store.delete('U');
    expect(h.store.exists('I')).toBe(true);
  });
});

describe('ContextStore: restarts and logging', () => {
  it('CTX-restarts: clear drops every context without running expiry lists', () => {
    const h = harness();
    h.store.create('A', 5, h.list(), 'a', 100);
    h.store.alias('A', 'B');
    h.store.create('C', 0, h.list(), 'c', 100);
    h.store.setInternal('I');
    h.store.clear();
    expect(h.store.count).toBe(0);
    expect(['A', 'B', 'C', 'I'].some((n) => h.store.exists(n))).toBe(false);
    h.store.cleanup(1e9);
    expect(h.expiries).toEqual([]);
    h.store.create('A', 0, null, '', 200);
    expect(h.store.snapshot()[0]).toMatchObject({ names: ['A'], initTime: 200 });
  });

  it('OPT-debug: below level 6 no debug text is logged, warnings still are', () => {
    const h = harness({ logLevel: 5 });
    h.store.create('A', 0, null, '', 1);
    h.store.delete('A');
    h.store.set('A', 1, null, '', 1);
    expect(h.logs).toEqual(["3 Context 'A' does not exist, can't change settings"]);
  });

  it('OPT-debug: at level 6 each action logs its intent as SEC does', () => {
    const h = harness();
    h.store.create('A', 0, null, '', 1);
    h.store.add('A', 'x', 1);
    h.store.alias('A', 'B');
    expect(h.at(6)).toEqual([
      "Creating context 'A'",
      "Adding event(s) 'x' to context 'A'",
      "Creating alias 'B' for context 'A'",
    ]);
  });
});
