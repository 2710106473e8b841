import {
  appendFileSync,
  closeSync,
  openSync,
  renameSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drain, makeSet, settle, tempDir } from './helpers.js';

let dir = '';
let cleanup = (): void => undefined;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const path = (name: string): string => join(dir, name);

describe('OPT-tail and OPT-fromstart: where reading starts', () => {
  it('--tail starts at EOF and follows appended lines', () => {
    writeFileSync(path('f'), 'old1\nold2\n');
    const { set } = makeSet(dir, ['f']);
    set.open(1);
    expect(drain(set, 1)).toEqual([]);
    expect(set.snapshot()[0]).toMatchObject({ open: true, type: 'regular', offset: 10, size: 10 });
    appendFileSync(path('f'), 'new\n');
    expect(drain(set, 2)).toEqual(['f:new']);
    expect(set.exhausted).toBe(false);
    set.close();
  });

  it('--fromstart reads existing content first', () => {
    writeFileSync(path('f'), 'old1\nold2\n');
    const { set } = makeSet(dir, ['f'], { fromstart: true });
    set.open(1);
    expect(drain(set, 1)).toEqual(['f:old1', 'f:old2']);
    set.close();
  });

  it('a partial last line waits for its newline in tail mode (IN-lines)', () => {
    writeFileSync(path('f'), '');
    const { set } = makeSet(dir, ['f']);
    set.open(1);
    appendFileSync(path('f'), 'par');
    expect(set.next(1)).toBeNull();
    expect(set.sawData).toBe(true);
    expect(set.next(1)).toBeNull();
    expect(set.sawData).toBe(false);
    appendFileSync(path('f'), 'tial\nnext');
    expect(drain(set, 2)).toEqual(['f:partial']);
    expect(set.exhausted).toBe(false);
    set.close();
  });
});

describe('IN-rotation: checked only on a poll without new bytes', () => {
  it('reads the rest of a renamed file, then the new file from its start', () => {
    writeFileSync(path('f'), 'a\n');
    const { set, logger } = makeSet(dir, ['f']);
    set.open(1);
    appendFileSync(path('f'), 'b\nc\n');
    expect(set.next(1)?.line).toBe('b');
    // rotate: the old file gets one more line after the rename, then a new file appears
    renameSync(path('f'), path('f.1'));
    appendFileSync(path('f.1'), 'd-old\n');
    writeFileSync(path('f'), 'e-new\n');
    expect(drain(set, 2)).toEqual(['f:c', 'f:d-old']);
    expect(logger.messages(4)).toContain('Reopening f and processing from the start');
    expect(drain(set, 2)).toEqual(['f:e-new']);
    expect(logger.messages(4)).toContain('Input file f has been recreated');
    set.close();
  });

  it('joins a partial line of the old file with the start of the new one, as SEC does', () => {
    writeFileSync(path('f'), '');
    const { set } = makeSet(dir, ['f']);
    set.open(1);
    appendFileSync(path('f'), 'half');
    expect(set.next(1)).toBeNull();
    renameSync(path('f'), path('f.1'));
    writeFileSync(path('f'), '-new\n');
    expect(settle(set, 2)).toEqual(['f:half-new']);
    set.close();
  });

  it('re-opens a truncated file from the start', () => {
    writeFileSync(path('f'), 'x'.repeat(50) + '\n');
    const { set, logger } = makeSet(dir, ['f']);
    set.open(1);
    truncateSync(path('f'), 0);
    appendFileSync(path('f'), 'after\n');
    expect(settle(set, 2)).toEqual(['f:after']);
    expect(logger.messages(4)).toContain('Input file f has been truncated');
    set.close();
  });

  it('keeps the old handle of a removed file until the name comes back', () => {
    writeFileSync(path('f'), '');
    const writer = openSync(path('f'), 'a');
    const { set } = makeSet(dir, ['f']);
    set.open(1);
    unlinkSync(path('f'));
    expect(drain(set, 1)).toEqual([]);
    writeSync(writer, 'still\n');
    closeSync(writer);
    expect(drain(set, 2)).toEqual(['f:still']);
    expect(set.snapshot()[0]?.open).toBe(true);
    writeFileSync(path('f'), 'reborn\n');
    expect(settle(set, 3)).toEqual(['f:reborn']);
    set.close();
  });

  it('does not check rotation under --notail', () => {
    writeFileSync(path('f'), 'one\n');
    const { set } = makeSet(dir, ['f'], { tail: false, blocksize: 4 });
    set.open(1);
    expect(set.next(1)?.line).toBe('one');
    renameSync(path('f'), path('f.1'));
    writeFileSync(path('f'), 'two\n');
    expect(drain(set, 1)).toEqual([]);
    expect(set.exhausted).toBe(true);
    set.close();
  });
});

describe('OPT-reopen-timeout and OPT-check-timeout', () => {
  it('reads a file missing at start-up from its beginning once it appears', () => {
    const { set, logger } = makeSet(dir, ['late'], { reopenTimeout: 5 });
    set.open(100);
    expect(logger.messages(6)).toContain('Input file late has not been created yet');
    writeFileSync(path('late'), 'first\n');
    expect(drain(set, 104)).toEqual([]);
    expect(set.snapshot()[0]?.open).toBe(false);
    expect(drain(set, 105)).toEqual([]); // re-opened at this poll, read at the next
    expect(drain(set, 105)).toEqual(['late:first']);
    set.close();
  });

  it('without --reopen-timeout a missing file stays closed', () => {
    const { set, logger } = makeSet(dir, ['late']);
    set.open(100);
    expect(logger.messages(3)).toContain('Input file late does not exist!');
    writeFileSync(path('late'), 'first\n');
    expect(drain(set, 10_000)).toEqual([]);
    expect(set.snapshot()[0]?.open).toBe(false);
    set.close();
  });

  it('does not poll a file for S seconds after a poll without data', () => {
    writeFileSync(path('f'), '');
    const { set } = makeSet(dir, ['f'], { checkTimeout: 10 });
    set.open(0);
    expect(set.next(0)).toBeNull(); // no data: next check at 10
    appendFileSync(path('f'), 'x\n');
    expect(set.next(9)).toBeNull();
    expect(set.next(10)?.line).toBe('x');
    set.close();
  });
});

describe('OPT-input-timeout and OPT-timeout-script', () => {
  it('runs the script with 1 after S seconds without a line and with 0 when input resumes', () => {
    writeFileSync(path('f'), '');
    const { set, scripts } = makeSet(dir, ['f'], { inputTimeout: 30, timeoutScript: '/bin/alarm' });
    set.open(0);
    expect(set.next(29)).toBeNull();
    expect(scripts).toEqual([]);
    expect(set.next(30)).toBeNull();
    expect(set.next(31)).toBeNull();
    expect(scripts).toEqual([['/bin/alarm', '1', 'f']]);
    appendFileSync(path('f'), 'back\n');
    expect(set.next(40)?.line).toBe('back');
    expect(scripts).toEqual([
      ['/bin/alarm', '1', 'f'],
      ['/bin/alarm', '0', 'f'],
    ]);
    expect(set.next(69)).toBeNull();
    expect(set.next(70)).toBeNull();
    expect(scripts).toHaveLength(3);
    set.close();
  });

  it('ignores --input-timeout without --timeout-script', () => {
    writeFileSync(path('f'), '');
    const { set, scripts } = makeSet(dir, ['f'], { inputTimeout: 1, timeoutScript: null });
    set.open(0);
    expect(set.next(100)).toBeNull();
    expect(scripts).toEqual([]);
    set.close();
  });
});
