import { createSocket } from 'node:dgram';
import { performance } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../src/cli/index.js';
import { processZone } from '../../../src/engine/variables/index.js';
import {
  createIngestWorker,
  type ThreadedInputDeps,
  ThreadedNetworkInput,
} from '../../../src/inputs/ingest/threaded-input.js';
import { planListeners } from '../../../src/inputs/listener-plan.js';
import type { NetworkEvent } from '../../../src/inputs/network-input.js';
import { collect, drain, MemoryLogger, sendUdp, tcpClient, waitFor, writeParts } from '../syslog/helpers.js';

/** A ThreadedNetworkInput over --input values, started; `port(i)` is listener i's bound port. */
async function startThreaded(values: string[], deps: Partial<ThreadedInputDeps> = {}) {
  const inputs = parseCommandLine(values.map((v) => `--input=${v}`)).options.input;
  const plan = planListeners(inputs, processZone());
  expect(plan.errors).toEqual([]);
  const logger = new MemoryLogger();
  const parsed: [string, string | null][] = [];
  const input = new ThreadedNetworkInput(inputs, plan.specs, {
    logger,
    telemetry: { syslogParsed: (format, error) => parsed.push([format, error]) },
    ...deps,
  });
  await input.start();
  const port = (i = 0): number => {
    const a = input.addresses()[i];
    if (a === undefined) throw new Error(`no listener ${i}`);
    return a.port;
  };
  return { input, logger, parsed, port };
}

describe('ThreadedNetworkInput: listeners on an ingest thread (issue 7)', () => {
  let running: ThreadedNetworkInput | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
  });

  it('hands over parsed messages with their fields, listener and context, in stream order', async () => {
    const t0 = performance.now();
    const s = await startThreaded(['udp://127.0.0.1:0=ROUTERS', 'tcp://127.0.0.1:0']);
    running = s.input;
    await sendUdp('127.0.0.1', s.port(0), ['<34>Oct 11 22:14:15 mymachine su: failed for lonvick']);
    const [udp] = await collect(s.input, 1);
    expect(udp?.event).toMatchObject({
      line: 'Oct 11 22:14:15 mymachine su: failed for lonvick',
      source: 'udp://127.0.0.1:0',
      context: 'ROUTERS',
      fields: { _host: 'mymachine', _app: 'su', _facility: 'auth', _severity: 'crit', _peer: '127.0.0.1' },
    });
    expect(udp?.listener).toBe('udp://127.0.0.1:0');
    // The receipt time is on this thread's clock.
    expect(udp?.receivedAt).toBeGreaterThanOrEqual(t0);
    expect(udp?.receivedAt).toBeLessThanOrEqual(performance.now());

    const lines = Array.from(
      { length: 500 },
      (_, i) => `<13>1 2026-11-28T10:00:00Z h app 7 ID${i} - message ${i}`,
    );
    const client = await tcpClient('127.0.0.1', s.port(1));
    await writeParts(client, [lines.map((l) => `${l.length} ${l}`).join('')]);
    const got = await collect(s.input, 500);
    client.destroy();
    expect(got.map((e) => e.event.fields?._msgid)).toEqual(lines.map((_, i) => `ID${i}`));
    expect(got[499]?.event).toMatchObject({ source: 'tcp://127.0.0.1:0', context: null });
    expect(got[499]?.event.line).toMatch(/ h app\[7\]: message 499$/);
    // Every message was counted by format as the engine took it.
    expect(s.parsed.filter(([f]) => f === 'rfc5424')).toHaveLength(500);
    expect(s.parsed.filter(([f]) => f === 'rfc3164')).toHaveLength(1);
    // The listeners' counts, kept on the ingest thread, read here.
    const [u, t] = s.input.stats();
    expect(u).toMatchObject({ transport: 'udp', received: 1, kernelDrops: 0 });
    expect(u?.recvBuffer).toBeGreaterThan(0);
    expect(t).toMatchObject({ transport: 'tcp', received: 500, connectionsAccepted: 1 });
    expect(s.input.counters()).toMatchObject({ received: 501, 'udp.received': 1, 'tcp.received': 500 });
    await waitFor(() => s.input.stats()[1]?.connectionsOpen === 0, 3000, 'the connection to close');
    expect(s.input.queued).toBe(0);
  });

  it('counts a parse error by its reason and still delivers the message', async () => {
    const s = await startThreaded(['udp://127.0.0.1:0']);
    running = s.input;
    await sendUdp('127.0.0.1', s.port(), ['<999>no valid pri']);
    const [e] = await collect(s.input, 1);
    expect(e?.event.line).toContain('<999>no valid pri');
    expect(s.parsed).toEqual([['raw', 'pri']]);
  });

  it('drops and counts datagrams beyond the window and the queue while the engine takes none', async () => {
    const s = await startThreaded(['udp://127.0.0.1:0'], {
      batch: 2,
      window: 4,
      options: { queueLimit: 10 },
    });
    running = s.input;
    const payloads = Array.from({ length: 60 }, (_, i) => `<13>Nov 28 10:00:00 h t: ${i}`);
    await sendUdp('127.0.0.1', s.port(), payloads);
    await waitFor(() => {
      const c = s.input.counters();
      return (c.received ?? 0) + (c.queueFull ?? 0) === 60;
    });
    const { received = 0, queueFull = 0 } = s.input.counters();
    // Nothing taken yet: the queue (10) filled, plus at most the window (4) handed over.
    expect(queueFull).toBeGreaterThan(0);
    expect(received).toBeGreaterThanOrEqual(10);
    expect(received).toBeLessThanOrEqual(14);
    expect(s.input.queued).toBe(received);
    expect(s.input.queueCapacity).toBe(10);
    // Everything accepted is delivered, in the order it was sent.
    const got = await collect(s.input, received);
    const numbers = got.map((e) => Number(e.event.line.split(': ')[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(got).toHaveLength(received);
  });

  it('pauses a TCP sender instead of dropping, and delivers every frame once the engine takes them', async () => {
    const s = await startThreaded(['tcp://127.0.0.1:0'], {
      batch: 16,
      window: 32,
      options: { highWater: 64, lowWater: 16 },
    });
    running = s.input;
    const n = 20_000;
    const body = Array.from({ length: n }, (_, i) => `<13>Nov 28 10:00:00 h t: ${i}\n`).join('');
    const client = await tcpClient('127.0.0.1', s.port());
    client.write(body);
    await waitFor(() => (s.input.counters().pauses ?? 0) >= 1, 5000, 'the intake to pause the stream');
    // Paused: the ingest thread holds a bounded number, not all of them.
    expect(s.input.counters().received ?? 0).toBeLessThan(n);
    const got = await collect(s.input, n, 20_000);
    client.destroy();
    expect(got.map((e) => Number(e.event.line.split(': ')[1]))).toEqual(
      Array.from({ length: n }, (_, i) => i),
    );
    expect(s.input.counters()).toMatchObject({ received: n });
    expect(s.input.counters().queueFull ?? 0).toBe(0);
  });

  it('logs what the listeners log, through the engine thread logger', async () => {
    const s = await startThreaded(['udp://127.0.0.1:0?maxframe=16']);
    running = s.input;
    await sendUdp('127.0.0.1', s.port(), ['<13>Nov 28 10:00:00 host tag: a long message']);
    const [e] = await collect(s.input, 1);
    expect(e?.event.line.length).toBeLessThan(40);
    await waitFor(() => s.logger.messages().some((m) => m.includes('cut to 16')));
    expect(s.input.stats()[0]).toMatchObject({ oversize: 1 });
  });

  it('after close, what was received and not taken can be counted as dropped', async () => {
    const s = await startThreaded(['udp://127.0.0.1:0']);
    running = s.input;
    await sendUdp('127.0.0.1', s.port(), ['<13>a', '<13>b', '<13>c']);
    await waitFor(() => (s.input.counters().received ?? 0) === 3);
    // Exactly one taken (collect would take all three).
    const first: NetworkEvent[] = [];
    await waitFor(() => {
      const e = s.input.next(0);
      if (e !== null) first.push(e);
      return first.length === 1;
    });
    expect(first[0]?.event.line).toMatch(/ a$/);
    await s.input.close();
    const dropped: string[] = [];
    for (let l = s.input.discard(); l !== null; l = s.input.discard()) dropped.push(l);
    expect(dropped).toEqual(['udp://127.0.0.1:0', 'udp://127.0.0.1:0']);
    // The port is free again.
    const sock = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      sock.once('error', reject);
      sock.bind(s.port(), '127.0.0.1', () => resolve());
    });
    sock.close();
  });

  it('fails to start with an error naming the listener when its address is taken', async () => {
    const holder = createSocket('udp4');
    await new Promise<void>((r) => holder.bind(0, '127.0.0.1', () => r()));
    const port = holder.address().port;
    try {
      await expect(startThreaded([`udp://127.0.0.1:${port}`])).rejects.toThrow(
        new RegExp(`cannot listen on udp://127\\.0\\.0\\.1:${port} .*EADDRINUSE`),
      );
    } finally {
      holder.close();
    }
  });
});

describe('ThreadedNetworkInput: a network thread that dies (issue 7)', () => {
  it('is logged and started again on the same addresses, and the counts go on', async () => {
    const workers: Worker[] = [];
    const s = await startThreaded(['udp://127.0.0.1:0'], {
      startWorker: (init) => {
        const w = createIngestWorker(init);
        workers.push(w);
        return w;
      },
    });
    try {
      await sendUdp('127.0.0.1', s.port(), ['<13>before']);
      expect((await collect(s.input, 1))[0]?.event.line).toContain('before');
      const port = s.port();
      await workers[0]?.terminate();
      await waitFor(() => workers.length === 2, 5000, 'a second thread');
      await waitFor(() => s.logger.messages().some((m) => m.includes('network thread stopped')));
      // Bound again on the same port: a message sent there arrives through the new thread.
      let got: NetworkEvent[] = [];
      await waitFor(
        () => {
          void sendUdp('127.0.0.1', port, ['<13>after']);
          got = [...got, ...drain(s.input)];
          return got.length > 0;
        },
        5000,
        'a message through the new thread',
      );
      expect(got[0]?.event.line).toContain('after');
      // The counts carry on across threads: 'before' plus every 'after' taken, once all arrived.
      await waitFor(
        () => {
          got = [...got, ...drain(s.input)];
          return s.input.stats()[0]?.received === got.length + 1;
        },
        3000,
        () => `the counts to carry on (received ${s.input.stats()[0]?.received}, taken ${got.length + 1})`,
      );
    } finally {
      await s.input.close();
    }
  });
});
