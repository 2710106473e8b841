import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpawnLines } from '../../src/outputs/spawn-lines.js';

describe('SpawnLines (CH-spawn-read)', () => {
  it('CH-spawn-read: complete lines are ready at once, a partial line waits for its newline', () => {
    const out = new SpawnLines();
    out.push('a\nb');
    expect(out.take()).toEqual({ lines: ['a'], received: true });
    out.push('c\n\nd');
    expect(out.take()).toEqual({ lines: ['bc', ''], received: true });
    expect(out.take()).toEqual({ lines: [], received: false });
  });

  it('CH-spawn-read: a final line without a newline is emitted when the pipe closes', () => {
    const out = new SpawnLines();
    out.push('x\ny');
    out.close();
    expect(out.take().lines).toEqual(['x', 'y']);
    expect(out.closed).toBe(true);
  });

  it('CH-spawn-read: a pipe closing after a newline adds no empty event', () => {
    const out = new SpawnLines();
    out.push('x\n');
    out.close();
    expect(out.take().lines).toEqual(['x']);
  });

  it('CH-reap: bytes without a complete line still count as received output', () => {
    const out = new SpawnLines();
    out.push('partial');
    expect(out.take()).toEqual({ lines: [], received: true });
    expect(out.bufferedBytes).toBe(7);
  });

  it('CH-spawn-read: bufferedBytes counts what was received and not yet released', () => {
    const out = new SpawnLines();
    out.push('abc\nde');
    expect(out.bufferedBytes).toBe(6);
    out.take();
    expect(out.bufferedBytes).toBe(2);
  });

  it('CH-spawn-read: any chunking of the output gives the same events', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\xe9') }),
        fc.array(fc.nat()),
        (text, cuts) => {
          const out = new SpawnLines();
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          let prev = 0;
          const lines: string[] = [];
          for (const p of [...points, text.length]) {
            out.push(text.slice(prev, p));
            prev = p;
            lines.push(...out.take().lines);
          }
          out.close();
          lines.push(...out.take().lines);
          const expected = text.split('\n');
          if (expected[expected.length - 1] === '') expected.pop();
          expect(lines).toEqual(expected);
        },
      ),
    );
  });
});
