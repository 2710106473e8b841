import { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { settle } from './counter.js';
import type { Target } from './targets.js';

export interface TcpResult {
  readonly sent: number;
  readonly received: number;
  /** Messages handled per second, from the connection to the last message counted. */
  readonly rate: number;
}

/** Most messages sent and not yet counted: the receiver may buffer more than TCP shows. */
const MAX_BACKLOG = 400_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function connect(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = new Socket();
    s.once('connect', () => resolve(s));
    s.once('error', reject);
    s.connect(port, '127.0.0.1');
  });
}

function write(s: Socket, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    s.once('error', onError);
    const done = (): void => {
      s.off('error', onError);
      resolve();
    };
    if (s.write(data)) done();
    else s.once('drain', done);
  });
}

/**
 * One connection writing `frames` (perBuffer octet-counted messages) again and again for
 * `seconds`, as fast as the receiver takes them; the rate counts the messages it handled.
 */
export async function tcpThroughput(
  t: Target,
  frames: Buffer,
  perBuffer: number,
  seconds: number,
): Promise<TcpResult> {
  const base = (await settle(t.counter, Number.POSITIVE_INFINITY, 300, 5000)).count;
  const s = await connect(t.tcpPort);
  const t0 = performance.now();
  let sent = 0;
  let counted = base;
  let lastCheck = t0;
  try {
    while (performance.now() - t0 < seconds * 1000) {
      await write(s, frames);
      sent += perBuffer;
      if (performance.now() - lastCheck > 100) {
        counted = await t.counter.read();
        lastCheck = performance.now();
      }
      while (sent - (counted - base) > MAX_BACKLOG && performance.now() - t0 < (seconds + 60) * 1000) {
        await sleep(20);
        counted = await t.counter.read();
      }
    }
  } finally {
    s.end();
  }
  const { count, lastMove } = await settle(t.counter, base + sent, 2000, 120_000);
  const received = count - base;
  return { sent, received, rate: (received / Math.max(lastMove - t0, 1)) * 1000 };
}
