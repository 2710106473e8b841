import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drain, ended, makeSet, received, tempDir } from './helpers.js';

let dir = '';
let cleanup = (): void => undefined;
const children: ChildProcess[] = [];
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
  cleanup();
});

/** A child writing `text` on its stdout and exiting. */
function printer(text: string): Readable {
  const child = spawn('/bin/sh', ['-c', 'printf "%s" "$1"', 'sh', text], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  children.push(child);
  return child.stdout;
}

/** `cat` as a pipe: what the test writes to `input` comes out of `output`. */
function cat(): { input: Writable; output: Readable } {
  const child = spawn('cat', [], { stdio: ['pipe', 'pipe', 'ignore'] });
  children.push(child);
  return { input: child.stdin, output: child.stdout };
}

describe('standard input (`-`) from a pipe', () => {
  it('--notail: lines of a child process, the final unterminated one at EOF, then exhausted', async () => {
    const stdout = printer('l1\nl2\r\nend');
    const { set } = makeSet(dir, ['-'], { tail: false, stdin: stdout });
    set.open(1);
    await ended(stdout);
    expect(drain(set, 1)).toEqual(['-:l1', '-:l2\r', '-:end']);
    expect(set.exhausted).toBe(true);
    set.close();
  });

  it('--tail: a partial line waits for its newline; EOF closes stdin for good', async () => {
    const { input, output } = cat();
    const { set } = makeSet(dir, [{ pattern: '-', context: 'STDIN' }], { stdin: output });
    set.open(1);
    expect(set.next(1)).toBeNull();
    input.write('a\npar');
    await received(output, 5);
    expect(set.next(1)).toEqual({ line: 'a', source: '-', context: 'STDIN' });
    expect(set.next(1)).toBeNull();
    input.write('tial\nend');
    await received(output, 8);
    expect(set.next(2)?.line).toBe('partial');
    input.end();
    await ended(output);
    expect(drain(set, 3)).toEqual(['-:end']);
    expect(drain(set, 10)).toEqual([]);
    expect(set.snapshot()[0]).toMatchObject({ name: '-', open: false, lines: 3 });
    expect(set.exhausted).toBe(false);
    set.close();
  });

  it('reads stdin in --blocksize pieces, so other inputs interleave', async () => {
    writeFileSync(join(dir, 'file'), 'f1\nf2\nf3\n');
    const stdout = printer('s1\ns2\ns3\n');
    const { set } = makeSet(dir, ['-', 'file'], { tail: false, blocksize: 3, stdin: stdout });
    set.open(1);
    await ended(stdout);
    expect(drain(set, 1)).toEqual(['-:s1', 'file:f1', '-:s2', 'file:f2', '-:s3', 'file:f3']);
    set.close();
  });

  it('keeps bytes not yet read across a full re-open (SIGHUP), as the kernel pipe would', async () => {
    const { input, output } = cat();
    const { set } = makeSet(dir, ['-'], { stdin: output, blocksize: 3 });
    set.open(1);
    input.write('ab\ncd\n');
    await received(output, 6);
    expect(set.next(1)?.line).toBe('ab'); // one read of 3 bytes: 'cd\n' still waits in the pipe
    set.reopenAll(2, false, { forgetDynamic: true });
    expect(drain(set, 2)).toEqual(['-:cd']);
    set.close();
  });
});

describe('standard input redirected from a regular file', () => {
  it('--tail starts at its EOF and follows appends; stdin has no device/inode', () => {
    const file = join(dir, 'in');
    writeFileSync(file, 'before\n');
    const fd = openSync(file, 'r');
    const { set } = makeSet(dir, ['-'], { stdin: { fd } });
    set.open(1);
    expect(drain(set, 1)).toEqual([]);
    appendFileSync(file, 'after\n');
    expect(drain(set, 2)).toEqual(['-:after']);
    expect(set.snapshot()[0]).toMatchObject({ type: 'regular', dev: '-', inode: '-', offset: 13 });
    set.close();
    closeSync(fd); // the InputSet never closes the descriptor it was given
  });

  it('--notail reads it from the start and closes it at EOF', () => {
    const file = join(dir, 'in');
    writeFileSync(file, 'one\ntwo');
    const fd = openSync(file, 'r');
    const { set } = makeSet(dir, ['-'], { tail: false, stdin: { fd } });
    set.open(1);
    expect(drain(set, 1)).toEqual(['-:one', '-:two']);
    expect(set.exhausted).toBe(true);
    set.close();
    closeSync(fd);
  });
});
