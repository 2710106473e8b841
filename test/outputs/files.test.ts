import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Outputs } from '../../src/outputs/outputs.js';
import { RecordingLogger, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let logger: RecordingLogger;
let stdout: string[];
let outputs: Outputs;

beforeEach(() => {
  tmp = tempDir();
  logger = new RecordingLogger();
  stdout = [];
  outputs = new Outputs({ logger, socketTimeout: 60, stdoutWrite: (text) => stdout.push(text) });
});

afterEach(() => {
  outputs.closeAll();
  tmp.remove();
});

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

describe('write, writen, closef (ACT-write, ACT-writen, ACT-closef)', () => {
  it('ACT-write: appends text and a newline, creating the file; ACT-writen adds none', () => {
    const file = tmp.path('out.log');
    writeFileSync(file, 'old\n');
    outputs.write(file, 'one', true);
    outputs.write(file, 'tw', false);
    outputs.write(file, 'o', false);
    outputs.write(file, '', true);
    expect(readFileSync(file, 'latin1')).toBe('old\none\ntwo\n');
  });

  it('ACT-write: the file stays open, keyed by its name, until closef', () => {
    const file = tmp.path('a.log');
    const moved = tmp.path('b.log');
    outputs.write(file, 'first', true);
    renameSync(file, moved);
    outputs.write(file, 'second', true);
    expect(readFileSync(moved, 'latin1')).toBe('first\nsecond\n');
    outputs.closef(file);
    outputs.write(file, 'third', true);
    expect(readFileSync(file, 'latin1')).toBe('third\n');
    expect(readFileSync(moved, 'latin1')).toBe('first\nsecond\n');
  });

  it('ACT-write: the file name is used as bytes (latin1), not re-encoded', () => {
    outputs.write(tmp.path('caf\xe9'), 'x', true);
    expect(readFileSync(Buffer.from(tmp.path('caf\xe9'), 'latin1'), 'latin1')).toBe('x\n');
  });

  it('ACT-write: text is written as latin1, one byte per character', () => {
    const file = tmp.path('bytes');
    outputs.write(file, 'caf\xe9\xff\x00', false);
    expect([...readFileSync(file)]).toEqual([0x63, 0x61, 0x66, 0xe9, 0xff, 0x00]);
  });

  it('ACT-writen: "-" is standard output (writen - ab; writen - c; writen - %.nl)', () => {
    outputs.write('-', 'ab', false);
    outputs.write('-', 'c', false);
    outputs.write('-', '\n', false);
    outputs.write('-', 'line', true);
    expect(stdout.join('')).toBe('abc\nline\n');
    outputs.closef('-');
    outputs.write('-', 'again', true);
    expect(stdout.join('')).toBe('abc\nline\nagain\n');
  });

  it('ACT-write: an existing file that is neither regular nor a FIFO is refused', () => {
    outputs.write('/dev/null', 'x', true);
    outputs.write(tmp.dir, 'x', true);
    const refused = logger.messages(6).filter((m) => m.includes('not a regular file or pipe'));
    expect(refused).toHaveLength(2);
  });

  it('ACT-write: a FIFO without a reader fails to open (O_NONBLOCK), as in SEC', () => {
    const fifo = tmp.path('fifo');
    mkfifo(fifo);
    outputs.write(fifo, 'lost', true);
    expect(logger.messages(6).some((m) => m.startsWith(`Can't open '${fifo}'`))).toBe(true);
  });

  it('ACT-write: a FIFO with a reader gets the data; a failed write drops the handle', () => {
    const fifo = tmp.path('fifo');
    mkfifo(fifo);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    outputs.write(fifo, 'hello', true);
    const buf = Buffer.alloc(64);
    expect(buf.toString('latin1', 0, readSync(reader, buf))).toBe('hello\n');
    closeSync(reader);
    outputs.write(fifo, 'broken', true); // EPIPE: the handle is dropped
    outputs.write(fifo, 'reopen', true); // reopened, and without a reader it fails (ENXIO)
    const debug = logger.messages(6);
    expect(debug.some((m) => m.startsWith("Error when writing event 'broken'"))).toBe(true);
    expect(debug.some((m) => m.startsWith(`Can't open '${fifo}' for writing event 'reopen'`))).toBe(true);
  });

  it('ACT-closef: closing a file that is not open is only logged', () => {
    outputs.closef(tmp.path('never'));
    expect(logger.messages(6)).toContain(`File '${tmp.path('never')}' is not open, can't close`);
  });

  it('SIG-HUP: closeAll closes every file (later writes reopen by name)', () => {
    const file = tmp.path('c.log');
    outputs.write(file, 'one', true);
    renameSync(file, tmp.path('c.old'));
    outputs.closeAll();
    outputs.write(file, 'two', true);
    expect(readFileSync(file, 'latin1')).toBe('two\n');
  });
});

describe('owritecl (ACT-owritecl)', () => {
  it('ACT-owritecl: opens, writes without a newline and closes each time', () => {
    const file = tmp.path('o.log');
    outputs.owritecl(file, 'a');
    renameSync(file, tmp.path('o.old'));
    outputs.owritecl(file, 'b');
    expect(readFileSync(file, 'latin1')).toBe('b');
    expect(readFileSync(tmp.path('o.old'), 'latin1')).toBe('a');
  });

  it('ACT-owritecl: its handles are separate from write handles', () => {
    const file = tmp.path('s.log');
    outputs.write(file, 'w', false);
    outputs.owritecl(file, 'o');
    outputs.write(file, 'w', false);
    expect(readFileSync(file, 'latin1')).toBe('wow');
  });

  it('ACT-owritecl: "-" prints to standard output', () => {
    outputs.owritecl('-', 'x');
    expect(stdout).toEqual(['x']);
  });

  it('ACT-owritecl: an empty string to a FIFO sends EOF to its reader', () => {
    const fifo = tmp.path('eof');
    mkfifo(fifo);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    outputs.owritecl(fifo, 'data');
    outputs.owritecl(fifo, '');
    const buf = Buffer.alloc(16);
    expect(readSync(reader, buf)).toBe(4);
    expect(readSync(reader, buf)).toBe(0); // every writer has closed: end of file
    closeSync(reader);
  });
});
