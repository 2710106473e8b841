import { describe, expect, it } from 'vitest';
import { type ShuffleFacts, shuffleOf } from '../../src/inputs/index.js';

const regular: ShuffleFacts['handle'] = { type: 'regular', dev: 1n, ino: 100n };

function facts(offset: number | null, path: ShuffleFacts['path'], handle = regular): ShuffleFacts {
  return { handle, offset, path };
}

describe('IN-rotation: shuffleOf decides from the handle and a stat of the name', () => {
  it('a removed file (stat fails) is intact: the old handle is kept', () => {
    expect(shuffleOf(facts(10, null))).toBe('intact');
  });

  it('another inode or device at the name is a recreated file', () => {
    expect(shuffleOf(facts(10, { dev: 1n, ino: 101n, size: 50n }))).toBe('recreated');
    expect(shuffleOf(facts(10, { dev: 2n, ino: 100n, size: 50n }))).toBe('recreated');
  });

  it('a file smaller than the read offset was truncated; equal or larger is intact', () => {
    expect(shuffleOf(facts(10, { dev: 1n, ino: 100n, size: 9n }))).toBe('truncated');
    expect(shuffleOf(facts(10, { dev: 1n, ino: 100n, size: 10n }))).toBe('intact');
    expect(shuffleOf(facts(10, { dev: 1n, ino: 100n, size: 11n }))).toBe('intact');
  });

  it('a pipe is never truncated, but can be recreated', () => {
    const pipe = { type: 'pipe' as const, dev: 1n, ino: 7n };
    expect(shuffleOf(facts(null, { dev: 1n, ino: 7n, size: 0n }, pipe))).toBe('intact');
    expect(shuffleOf(facts(null, { dev: 1n, ino: 8n, size: 0n }, pipe))).toBe('recreated');
  });

  it('compares inodes beyond 2^53 exactly', () => {
    const big = { type: 'regular' as const, dev: 1n, ino: 2n ** 60n + 1n };
    expect(shuffleOf(facts(0, { dev: 1n, ino: 2n ** 60n, size: 0n }, big))).toBe('recreated');
  });
});
