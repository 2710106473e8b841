import { execFile, execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeWithProgram } from '../support/external.js';
import { drain, makeSet, tempDir } from './helpers.js';

let dir = '';
let cleanup = (): void => undefined;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

/** Opens the FIFO for writing without waiting (the InputSet already holds the read side). */
function writer(path: string): number {
  return openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
}

/** Runs `sh -c script` with $1 = the FIFO and resolves when it has exited. */
function shellWriter(script: string, fifo: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('/bin/sh', ['-c', script, 'sh', fifo], { timeout: 5000 }, (error) =>
      error === null ? resolve() : reject(error),
    );
  });
}

describeWithProgram('mkfifo', 'IN-fifo: named pipes as inputs', (mkfifo) => {
  let fifo = '';
  beforeEach(() => {
    fifo = join(dir, 'pipe');
    execFileSync(mkfifo, [fifo]);
  });

  it('--rwfifo: reads lines as they come, a partial line waits, and EOF never comes', () => {
    const { set } = makeSet(dir, ['pipe'], { rwfifo: true });
    set.open(1);
    expect(set.snapshot()[0]).toMatchObject({ open: true, type: 'pipe', offset: null });
    const w = writer(fifo);
    writeSync(w, 'one\ntw');
    expect(set.next(1)?.line).toBe('one');
    expect(set.next(1)).toBeNull();
    writeSync(w, 'o\n');
    expect(set.next(2)?.line).toBe('two');
    closeSync(w);
    expect(drain(set, 3)).toEqual([]);
    expect(set.snapshot()[0]?.open).toBe(true);
    set.close();
  });

  it('--rwfifo under --notail never reaches EOF, so the set is never exhausted', () => {
    const { set } = makeSet(dir, ['pipe'], { rwfifo: true, tail: false });
    set.open(1);
    const w = writer(fifo);
    writeSync(w, 'x\n');
    closeSync(w);
    expect(drain(set, 1)).toEqual(['pipe:x']);
    expect(set.exhausted).toBe(false);
    set.close();
  });

  it('--norwfifo under --tail: on EOF the last partial line is delivered and the FIFO re-opened', () => {
    const { set, logger } = makeSet(dir, ['pipe'], { rwfifo: false });
    set.open(1);
    expect(drain(set, 1)).toEqual([]);
    expect(logger.messages(6)).toEqual([]); // no writer yet: no EOF, no re-open
    const w = writer(fifo);
    writeSync(w, 'x\nlast');
    closeSync(w);
    expect(drain(set, 1)).toEqual(['pipe:x', 'pipe:last']);
    expect(logger.messages(6)).toContain('Reopening input pipe pipe');
    expect(set.snapshot()[0]?.open).toBe(true);
    const w2 = writer(fifo);
    writeSync(w2, 'again\n');
    closeSync(w2);
    expect(drain(set, 2)).toEqual(['pipe:again']);
    set.close();
  });

  it('--norwfifo under --notail: waits for a first writer, then closes the FIFO at its EOF', async () => {
    const { set, logger } = makeSet(dir, ['pipe'], { rwfifo: false, tail: false });
    set.open(1);
    // no writer yet: SEC's select() reports nothing, so this is not EOF
    expect(drain(set, 1)).toEqual([]);
    expect(set.exhausted).toBe(false);
    expect(logger.messages(6)).not.toContain('No writers on input pipe pipe, closing the pipe');
    await shellWriter('printf "c1\\nc2\\nc3" > "$1"', fifo);
    expect(drain(set, 1)).toEqual(['pipe:c1', 'pipe:c2', 'pipe:c3']);
    expect(set.exhausted).toBe(true);
    expect(set.snapshot()[0]).toMatchObject({ open: false, lines: 3 });
    set.close();
  });

  it('delivers FIFO and file lines in sorted round-robin order', () => {
    execFileSync('/bin/sh', ['-c', 'printf "f1\\nf2\\n" > "$1"', 'sh', join(dir, 'afile')]);
    const { set } = makeSet(dir, ['pipe', 'afile'], { rwfifo: true, tail: false });
    set.open(1);
    const w = writer(fifo);
    writeSync(w, 'p1\np2\n');
    closeSync(w);
    expect(drain(set, 1)).toEqual(['afile:f1', 'pipe:p1', 'afile:f2', 'pipe:p2']);
    set.close();
  });
});
