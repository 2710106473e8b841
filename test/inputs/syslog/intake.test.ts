import { describe, expect, it } from 'vitest';
import { Intake, type Pausable, type RawMessage } from '../../../src/inputs/syslog/index.js';

const msg = (n: number, transport: RawMessage['transport'] = 'tcp'): RawMessage => ({
  bytes: new TextEncoder().encode(`m${n}`),
  peer: '192.0.2.1',
  peerPort: 1000,
  transport,
  listener: `${transport}://0.0.0.0:514`,
  index: 0,
  context: null,
  receivedAt: 0,
  truncated: false,
});

class FakeStream implements Pausable {
  paused = false;
  readonly calls: string[] = [];
  pause(): void {
    this.paused = true;
    this.calls.push('pause');
  }
  resume(): void {
    this.paused = false;
    this.calls.push('resume');
  }
}

describe('intake: queue and flow control (issue 5 backpressure)', () => {
  it('pauses every stream at highWater, resumes below lowWater, once each', () => {
    const intake = new Intake({ queueLimit: 100, highWater: 4, lowWater: 2 });
    const a = new FakeStream();
    const b = new FakeStream();
    intake.addStream(a);
    intake.addStream(b);
    for (let i = 0; i < 3; i++) intake.offerFrame(msg(i));
    expect(a.paused).toBe(false);
    intake.offerFrame(msg(3));
    intake.offerFrame(msg(4)); // frames read before the pause took effect are still kept
    expect([a.calls, b.calls]).toEqual([['pause'], ['pause']]);
    const late = new FakeStream();
    intake.addStream(late);
    expect(late.paused).toBe(true);
    expect([intake.take(), intake.take(), intake.take()].map((m) => m?.peerPort)).toEqual([1000, 1000, 1000]);
    expect(a.paused).toBe(true); // 2 left: not below lowWater
    intake.take();
    expect([a.calls, b.calls, late.calls]).toEqual([
      ['pause', 'resume'],
      ['pause', 'resume'],
      ['pause', 'resume'],
    ]);
    expect(intake.counters.get('pauses')).toBe(1);
  });

  it('a removed stream is no longer paused or resumed', () => {
    const intake = new Intake({ queueLimit: 100, highWater: 1, lowWater: 1 });
    const a = new FakeStream();
    intake.addStream(a);
    intake.removeStream(a);
    intake.offerFrame(msg(0));
    expect(a.calls).toEqual([]);
  });

  it('drops datagrams beyond queueLimit (its listener counts them), never frames', () => {
    const intake = new Intake({ queueLimit: 2, highWater: 10, lowWater: 5 });
    expect([0, 1, 2].map((i) => intake.offerDatagram(msg(i, 'udp')))).toEqual([true, true, false]);
    intake.offerFrame(msg(3));
    expect(intake.queued).toBe(3);
    // Received and refused messages are counted by their listeners (per-listener.test.ts,
    // udp.test.ts); the intake counts only its pauses, and keeps its queue length as a gauge.
    expect(intake.counters.snapshot()).toEqual({ queued: 3 });
    intake.take();
    expect(intake.counters.get('queued')).toBe(2);
  });

  it('keeps FIFO order across compactions and returns null when empty', () => {
    const intake = new Intake({ queueLimit: 10_000, highWater: 10_000, lowWater: 1 });
    const seen: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 1500; i++) intake.offerDatagram(msg(round * 1500 + i, 'udp'));
      for (let i = 0; i < 1500; i++) seen.push(new TextDecoder().decode(intake.take()?.bytes));
    }
    expect(seen).toEqual(Array.from({ length: 4500 }, (_, i) => `m${i}`));
    expect(intake.take()).toBeNull();
  });
});

describe('Intake.onNextMessage (wakes an idle engine loop)', () => {
  it('calls the waiter once on the next message, at once when one is queued, and not after withdrawal', () => {
    const intake = new Intake({ queueLimit: 10, highWater: 10, lowWater: 5 });
    let woken = 0;
    const wake = () => {
      woken += 1;
    };
    intake.onNextMessage(wake);
    expect(woken).toBe(0);
    intake.offerDatagram(msg(1, 'udp'));
    intake.offerDatagram(msg(2, 'udp'));
    expect(woken).toBe(1);
    // A message is waiting: woken at once.
    intake.onNextMessage(wake);
    expect(woken).toBe(2);
    intake.take();
    intake.take();
    const withdraw = intake.onNextMessage(wake);
    withdraw();
    intake.offerFrame(msg(3));
    expect(woken).toBe(2);
  });
});
