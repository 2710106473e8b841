import { describe, expect, it } from 'vitest';
import { UTC_ZONE } from '../../../src/engine/variables/index.js';
import { type Batch, BatchReader } from '../../../src/inputs/ingest/batch.js';
import { HandOver, type HandOverSource } from '../../../src/inputs/ingest/hand-over.js';
import { Counters, type RawMessage } from '../../../src/inputs/syslog/index.js';

/** A queue of `n` messages of listener 0, with the wake-up the listeners give. */
function source(n: number): HandOverSource & { wake: (() => void) | null; add(k: number): void } {
  const queue: RawMessage[] = [];
  let seq = 0;
  const src = {
    wake: null as (() => void) | null,
    add(k: number) {
      for (let i = 0; i < k; i++)
        queue.push({
          bytes: Buffer.from(`<13>Nov 28 10:00:00 h t: ${seq++}`, 'latin1'),
          peer: '192.0.2.1',
          peerPort: 514,
          transport: 'udp',
          listener: 'udp://127.0.0.1:0',
          index: 0,
          context: null,
          truncated: false,
          receivedAt: 0,
        });
      const wake = src.wake;
      src.wake = null;
      wake?.();
    },
    next: () => queue.shift() ?? null,
    get queued() {
      return queue.length;
    },
    onNextMessage(wake: () => void) {
      src.wake = wake;
      return () => undefined;
    },
  };
  src.add(n);
  return src;
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

function handOver(src: HandOverSource, intake = new Counters()) {
  const batches: Batch[] = [];
  const h = new HandOver(
    src,
    { batch: 2, window: 4, clockOffset: 0, render: [{ format: 'classic', zone: UTC_ZONE }] },
    intake,
    (batch) => batches.push(batch),
  );
  const lines = () =>
    batches.flatMap((b) => {
      const r = new BatchReader(b, [{ url: 'udp://127.0.0.1:0', context: null }]);
      const out: string[] = [];
      for (let i = r.next(); i !== null; i = r.next()) out.push(i.event.line.split(': ')[1] ?? '');
      return out;
    });
  return { h, batches, lines, intake };
}

describe('HandOver: the network thread side of the window (issue 7)', () => {
  it('hands over at most the window in batches, and more only as messages are acknowledged', async () => {
    const src = source(9);
    const { h, batches, lines, intake } = handOver(src);
    h.pump();
    expect(batches.map((b) => b.count)).toEqual([2, 2]);
    expect(intake.get('handedOver')).toBe(4);
    h.acked(3);
    await tick();
    expect(batches.map((b) => b.count)).toEqual([2, 2, 2, 1]);
    h.acked(4);
    await tick();
    expect(lines()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
    expect(src.queued).toBe(0);
  });

  it('waits for the next arrival when the queue is empty, then hands it over', async () => {
    const src = source(1);
    const { h, lines } = handOver(src);
    h.pump();
    expect(lines()).toEqual(['0']);
    src.add(2);
    await tick();
    expect(lines()).toEqual(['0', '1', '2']);
  });

  it('once closing, hands over everything queued whatever the window', () => {
    const src = source(7);
    const { h, batches } = handOver(src);
    h.closing();
    h.pump();
    expect(batches.map((b) => b.count)).toEqual([2, 2, 2, 1]);
  });
});
