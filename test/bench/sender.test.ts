import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeSender } from '../../bench/ingest/sender.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('bench UDP sender (Node fallback)', () => {
  it('offers the lines of its file as datagrams, cycling, and reports how many it sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-sender-'));
    const file = join(dir, 'messages.txt');
    writeFileSync(file, '<13>one\n<13>two\n<13>three\n');
    const sink = createSocket('udp4');
    const got: string[] = [];
    sink.on('message', (m) => got.push(m.toString('latin1')));
    await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', resolve));
    try {
      const res = await nodeSender(root, 'test').send(sink.address().port, 200, 0.2, file);
      await new Promise((r) => setTimeout(r, 200));
      expect(res.sent).toBeGreaterThan(5);
      expect(res.sent).toBeLessThanOrEqual(200 * res.seconds + 256);
      expect(got.length).toBe(res.sent);
      expect(got.slice(0, 4)).toEqual(['<13>one', '<13>two', '<13>three', '<13>one']);
    } finally {
      sink.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
