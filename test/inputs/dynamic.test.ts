import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAddinputOffset } from '../../src/inputs/index.js';
import { drain, makeSet, tempDir } from './helpers.js';

let dir = '';
let cleanup = (): void => undefined;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const path = (name: string): string => join(dir, name);

describe('ACT-addinput', () => {
  it('adds a file at EOF (`-`) with its context; its lines carry that context', () => {
    writeFileSync(path('main'), '');
    writeFileSync(path('dyn'), 'old\n');
    const { set } = makeSet(dir, ['main']);
    set.open(1);
    set.addinput('dyn', '-', 'DYNCTX', 1);
    expect(set.names).toEqual(['dyn', 'main']);
    appendFileSync(path('dyn'), 'new\n');
    expect(set.next(2)).toEqual({ line: 'new', source: 'dyn', context: 'DYNCTX' });
    expect(set.snapshot()[0]).toMatchObject({ name: 'dyn', dynamic: true, context: 'DYNCTX', lines: 1 });
    expect(set.snapshot()[1]).toMatchObject({ name: 'main', dynamic: false, context: null });
    set.close();
  });

  it('seeks a byte offset; white space around it is allowed; past EOF seeks EOF', () => {
    writeFileSync(path('a'), 'abcdef\nline2\n');
    writeFileSync(path('b'), 'first\n');
    writeFileSync(path('c'), 'gone\n');
    const { set, logger } = makeSet(dir, []);
    set.open(1);
    set.addinput('a', '3', 'A', 1);
    set.addinput('b', ' 0 ', 'B', 1);
    set.addinput('c', '999', 'C', 1);
    expect(logger.messages(4)).toContain('Offset 999 beyond EOF, seeking EOF in input file c');
    expect(drain(set, 1)).toEqual(['a:def', 'b:first', 'a:line2']);
    set.close();
  });

  it('refuses a bad offset and an input that is already there', () => {
    writeFileSync(path('f'), '');
    writeFileSync(path('d'), '');
    const { set, logger } = makeSet(dir, ['f']);
    set.open(1);
    set.addinput('d', '1x', 'D', 1);
    expect(set.names).toEqual(['f']);
    set.addinput('f', '-', 'X', 1);
    set.addinput('d', '-', 'D', 1);
    set.addinput('d', '-', 'D2', 1);
    expect(logger.messages(3)).toEqual([
      "Invalid file offset '1x' specified for input file 'd'",
      "Input file 'f' already exists in the list of inputs, can't add",
      "Dynamic input file 'd' already exists in the list of inputs, can't add",
    ]);
    expect(set.snapshot().map((s) => [s.name, s.context])).toEqual([
      ['d', 'D'],
      ['f', null],
    ]);
    set.close();
  });

  it('reads a file that did not exist yet from its start once it appears (with --reopen-timeout)', () => {
    const { set } = makeSet(dir, [], { reopenTimeout: 2 });
    set.open(10);
    set.addinput('later', '-', 'L', 10);
    writeFileSync(path('later'), 'one\ntwo\n');
    expect(drain(set, 11)).toEqual([]);
    expect(drain(set, 12)).toEqual([]); // opened from offset 0 at this poll
    expect(drain(set, 12)).toEqual(['later:one', 'later:two']);
    set.close();
  });

  it('parses OFFSET like SEC: `-` or digits, surrounded by optional white space', () => {
    expect(parseAddinputOffset('-')).toBe(-1);
    expect(parseAddinputOffset('\t42 ')).toBe(42);
    expect(parseAddinputOffset('0')).toBe(0);
    expect(parseAddinputOffset('-1')).toBeNull();
    expect(parseAddinputOffset('')).toBeNull();
    expect(parseAddinputOffset('4 2')).toBeNull();
  });
});

describe('ACT-dropinput', () => {
  it('closes a dynamic input and discards its read-ahead lines', () => {
    writeFileSync(path('a'), 'a1\na2\n');
    writeFileSync(path('z'), 'z1\nz2\n');
    const { set } = makeSet(dir, ['a'], { fromstart: true });
    set.open(1);
    set.addinput('z', '0', 'Z', 1);
    expect(set.next(1)?.line).toBe('a1'); // z1 is now in the read-ahead buffer
    set.dropinput('z');
    expect(set.names).toEqual(['a']);
    expect(drain(set, 1)).toEqual(['a:a2']);
    set.close();
  });

  it('cannot drop a command-line input', () => {
    writeFileSync(path('a'), '');
    const { set, logger } = makeSet(dir, ['a']);
    set.open(1);
    set.dropinput('a');
    set.dropinput('nothing');
    expect(set.names).toEqual(['a']);
    expect(logger.messages(3)).toEqual([
      "Dynamic input file 'a' not found, can't drop",
      "Dynamic input file 'nothing' not found, can't drop",
    ]);
    set.close();
  });
});

describe('reopenAll: SIGHUP and SIGABRT', () => {
  it('SIGHUP forgets dynamic inputs, drops read-ahead lines and re-opens files at EOF', () => {
    writeFileSync(path('a'), 'a1\na2\n');
    writeFileSync(path('b'), 'b1\n');
    writeFileSync(path('d'), '');
    const { set } = makeSet(dir, ['a', 'b'], { fromstart: true });
    set.open(1);
    set.addinput('d', '-', 'D', 1);
    expect(set.next(1)?.line).toBe('a1');
    set.reopenAll(2, false, { forgetDynamic: true });
    expect(set.names).toEqual(['a', 'b']);
    expect(drain(set, 2)).toEqual([]);
    expect(set.snapshot().map((s) => s.lines)).toEqual([0, 0]);
    set.close();
  });

  it('SIGABRT with --keepopen keeps open inputs where they are, and dynamic inputs', () => {
    writeFileSync(path('a'), 'a1\na2\n');
    writeFileSync(path('d'), 'd1\n');
    let patterns: Record<string, string[]> = { 'glob*': ['a'] };
    const { set } = makeSet(dir, ['glob*'], { fromstart: true, expand: (p) => patterns[p] ?? [] });
    set.open(1);
    set.addinput('d', '0', 'D', 1);
    expect(set.next(1)?.line).toBe('a1');
    writeFileSync(path('new'), 'n1\n');
    patterns = { 'glob*': ['a', 'new'] };
    set.reopenAll(2, true);
    expect(set.names).toEqual(['a', 'd', 'new']);
    // d1 was read ahead before the restart and is kept; `new` was opened at EOF
    expect(drain(set, 2)).toEqual(['d:d1', 'a:a2']);
    expect(set.snapshot().find((s) => s.name === 'a')?.lines).toBe(2);
    set.close();
  });

  it('SIGABRT without --keepopen re-opens every input, dynamic ones too, at EOF', () => {
    writeFileSync(path('a'), 'a1\n');
    writeFileSync(path('d'), 'd1\n');
    const { set } = makeSet(dir, ['a'], { fromstart: true });
    set.open(1);
    set.addinput('d', '0', 'D', 1);
    set.reopenAll(2, false);
    expect(set.names).toEqual(['a', 'd']);
    expect(set.snapshot().map((s) => s.dynamic)).toEqual([false, true]);
    expect(drain(set, 2)).toEqual([]);
    set.close();
  });

  it('a dynamic input that the command line now names stops being dynamic', () => {
    writeFileSync(path('a'), '');
    writeFileSync(path('d'), '');
    const { set, logger } = makeSet(dir, ['a']);
    set.open(1);
    set.addinput('d', '-', 'D', 1);
    set.reopenAll(2, true, {
      specs: [
        { pattern: 'a', context: null },
        { pattern: 'd', context: 'CMD' },
      ],
    });
    expect(logger.messages(4)).toContain(
      'Dynamic input file d has been provided in command line and is no longer regarded dynamic',
    );
    expect(set.snapshot().find((s) => s.name === 'd')).toMatchObject({ dynamic: false, context: 'CMD' });
    set.dropinput('d');
    expect(set.names).toEqual(['a', 'd']);
    set.close();
  });

  it('with --keepopen an input no pattern matches any more is closed and its read-ahead dropped', () => {
    writeFileSync(path('a'), 'a1\na2\n');
    writeFileSync(path('b'), 'b1\n');
    const { set } = makeSet(dir, ['a', 'b'], { fromstart: true });
    set.open(1);
    expect(set.next(1)?.line).toBe('a1');
    set.reopenAll(2, true, { specs: [{ pattern: 'a', context: null }] });
    expect(set.names).toEqual(['a']);
    expect(drain(set, 2)).toEqual(['a:a2']);
    set.close();
  });
});
