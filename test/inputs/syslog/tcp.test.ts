import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SyslogListeners } from '../../../src/inputs/syslog/index.js';
import {
  closed,
  collect,
  drain,
  hasIpv6Loopback,
  MemoryLogger,
  type Started,
  sendUdp,
  sleep,
  spec,
  startSet,
  tcpClient,
  text,
  waitFor,
  writeParts,
} from './helpers.js';

/** Deterministic cut points (a small LCG), so a failure is reproducible. */
function randomSplit(data: Buffer, seed: number, pieces: number): Buffer[] {
  let x = seed;
  const cuts = new Set<number>();
  for (let i = 0; i < pieces; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    cuts.add(x % data.length);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let prev = 0;
  for (const c of [...sorted, data.length]) {
    if (c > prev) parts.push(data.subarray(prev, c));
    prev = c;
  }
  return parts;
}

const octet = (m: string): string => `${Buffer.byteLength(m)} ${m}`;

describe('syslog TCP listener (issue 5, RFC 6587)', () => {
  let started: Started | null = null;
  const clients: Socket[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await started?.set.close();
    started = null;
  });

  const client = async (port: number, host = '127.0.0.1'): Promise<Socket> => {
    const c = await tcpClient(host, port);
    clients.push(c);
    return c;
  };

  it('de-frames LF and octet-counted streams split at random points, in order', async () => {
    started = await startSet([spec('tcp', '127.0.0.1', 0, 'NET')]);
    const msgs = Array.from(
      { length: 40 },
      (_, i) => `<14>1 - host app ${i} - - line ${i}${i % 7 === 0 ? '\nx' : ''}`,
    );
    const lfMsgs = msgs.map((m) => m.replaceAll('\n', ' '));
    const a = await client(started.port());
    const b = await client(started.port());
    const ports = new Map([a, b].map((s) => [s, s.localPort]));
    await Promise.all([
      writeParts(a, randomSplit(Buffer.from(lfMsgs.map((m) => `${m}\n`).join('')), 7, 30)),
      writeParts(b, randomSplit(Buffer.from(msgs.map(octet).join('')), 11, 30)),
    ]);
    const got = await collect(started.set, 80);
    const from = (s: Socket): string[] => got.filter((m) => m.peerPort === ports.get(s)).map(text);
    expect(from(a)).toEqual(lfMsgs);
    expect(from(b)).toEqual(msgs);
    expect(got[0]).toMatchObject({ transport: 'tcp', context: 'NET', peer: '127.0.0.1', truncated: false });
    expect(started.set.counters()).toMatchObject({ 'tcp.received': 80, connectionsAccepted: 2 });
  });

  it('keeps an unterminated last line and NUL bytes, and cuts oversize frames (flagged, logged)', async () => {
    started = await startSet([spec('tcp')], { maxFrame: 16 });
    const c = await client(started.port());
    await writeParts(c, ['<13>a\0b\n', `<13>${'y'.repeat(40)}\n`, '<13>tail']);
    const got = await collect(started.set, 3);
    expect(got.map((m) => [text(m), m.truncated])).toEqual([
      ['<13>a\0b', false],
      [`<13>${'y'.repeat(12)}`, true],
      ['<13>tail', false],
    ]);
    expect(started.set.counters()).toMatchObject({ oversize: 1, 'tcp.oversize': 1 });
    expect(started.logger.messages(4).join('\n')).toMatch(/frame from 127\.0\.0\.1:\d+ cut to 16 bytes/);
  });

  it('counts and logs a bad octet count, then reads LF frames', async () => {
    started = await startSet([spec('tcp')]);
    const c = await client(started.port());
    await writeParts(c, ['5 <13>a', '9x <13>b\n<13>c\n']);
    expect((await collect(started.set, 3)).map(text)).toEqual(['<13>a', '9x <13>b', '<13>c']);
    expect(started.set.counters().framingErrors).toBe(1);
    expect(started.logger.messages(4).join('\n')).toMatch(/bad octet count from 127\.0\.0\.1/);
  });

  it('serves 100 concurrent clients', async () => {
    started = await startSet([spec('tcp')]);
    const port = started.port();
    const socks = await Promise.all(Array.from({ length: 100 }, () => client(port)));
    const ports = socks.map((s) => s.localPort);
    await Promise.all(
      socks.map((s, i) =>
        writeParts(
          s,
          [0, 1, 2].map((k) => `<13>c${i} m${k}\n`),
        ),
      ),
    );
    const got = await collect(started.set, 300);
    for (const [i, p] of ports.entries()) {
      expect(got.filter((m) => m.peerPort === p).map(text)).toEqual([0, 1, 2].map((k) => `<13>c${i} m${k}`));
    }
  });

  it('a slow, a silent and a half-frame peer do not hold up another peer', async () => {
    started = await startSet([spec('tcp')]);
    const port = started.port();
    const silent = await client(port);
    const half = await client(port);
    await writeParts(half, ['50000 <13>never finished'], false);
    const slow = await client(port);
    const dribble = (async () => {
      for (const ch of '<13>slow\n') await writeParts(slow, [ch], false).then(() => sleep(15));
    })();
    const fast = await client(port);
    await writeParts(fast, ['<13>fast 1\n<13>fast 2\n']);
    const first = await collect(started.set, 2, 1000);
    expect(first.map(text)).toEqual(['<13>fast 1', '<13>fast 2']);
    await dribble;
    expect((await collect(started.set, 1)).map(text)).toEqual(['<13>slow']);
    expect(started.set.counters().connectionsOpen).toBe(3); // silent, half and slow stay open
    expect(silent.destroyed).toBe(false);
  });

  it('pauses TCP peers at highWater and resumes below lowWater, losing nothing', async () => {
    started = await startSet([spec('tcp')], { highWater: 20, lowWater: 5 });
    const { set } = started;
    const n = 3000;
    const line = (i: number): string => `<13>${String(i).padStart(6, '0')} ${'p'.repeat(180)}`;
    const c = await client(started.port());
    const sending = writeParts(c, [Array.from({ length: n }, (_, i) => `${line(i)}\n`).join('')]);
    await waitFor(() => set.counters().pauses === 1, 3000, 'a pause');
    await sleep(50);
    const held = set.queued;
    expect(held).toBeGreaterThanOrEqual(20);
    expect(held).toBeLessThan(n); // the rest waits in the kernel while the socket is paused
    await sleep(50);
    expect(set.queued).toBe(held);
    const got = await collect(set, n, 10_000);
    await sending;
    expect(got.map(text)).toEqual(Array.from({ length: n }, (_, i) => line(i)));
    expect(set.counters().pauses).toBeGreaterThan(1);
  });

  it('closes denied connections at once and counts them', async () => {
    started = await startSet([spec('tcp')], { allow: ['10.0.0.0/8'] });
    const c = await client(started.port());
    c.write('<13>denied\n');
    await closed(c);
    await sleep(20);
    expect(drain(started.set)).toEqual([]);
    expect(started.set.counters()).toMatchObject({ denied: 1, connectionsDenied: 1, connectionsOpen: 0 });
  });

  it('accepts and closes connections beyond maxConnections, counting them', async () => {
    started = await startSet([spec('tcp')], { maxConnections: 2 });
    const port = started.port();
    const a = await client(port);
    const b = await client(port);
    await waitFor(() => started?.set.counters().connectionsOpen === 2);
    const extra = await client(port);
    await closed(extra);
    expect(started.set.counters().connectionsRejected).toBe(1);
    await writeParts(a, ['<13>a\n']);
    await writeParts(b, ['<13>b\n']);
    expect((await collect(started.set, 2)).map(text).sort()).toEqual(['<13>a', '<13>b']);
  });

  it('runs several listeners at once and reports their addresses', async () => {
    started = await startSet([spec('udp', '127.0.0.1', 0, 'U'), spec('tcp', '127.0.0.1', 0, 'T')]);
    const [u, t] = started.set.addresses();
    expect(u?.spec.transport).toBe('udp');
    expect(t?.spec.transport).toBe('tcp');
    expect(u?.port).toBeGreaterThan(0);
    await sendUdp('127.0.0.1', u?.port ?? 0, ['<13>by udp']);
    await writeParts(await client(t?.port ?? 0), ['<13>by tcp\n']);
    const got = await collect(started.set, 2);
    expect(got.map((m) => `${m.context} ${text(m)}`).sort()).toEqual(['T <13>by tcp', 'U <13>by udp']);
  });

  it('rejects start() naming the address on EADDRINUSE, closing what it had bound', async () => {
    started = await startSet([spec('tcp')]);
    const port = started.port();
    const set = new SyslogListeners(
      [spec('udp'), spec('tcp', '127.0.0.1', port)],
      {},
      { logger: new MemoryLogger() },
    );
    await expect(set.start()).rejects.toThrow(new RegExp(`tcp://127\\.0\\.0\\.1:${port} .*EADDRINUSE`));
    expect(set.addresses()).toEqual([]);
  });

  it('rejects start() on an invalid ACL entry', async () => {
    const set = new SyslogListeners([spec('tcp')], { deny: ['300.1.1.1'] }, { logger: new MemoryLogger() });
    await expect(set.start()).rejects.toThrow(/'300\.1\.1\.1' is not an IPv4 or IPv6 address/);
  });

  it('close() ends connections and frees the port; queued messages stay readable', async () => {
    started = await startSet([spec('tcp')]);
    const port = started.port();
    const c = await client(port);
    await writeParts(c, ['<13>kept\n'], false);
    await waitFor(() => started?.set.queued === 1);
    await started.set.close();
    await closed(c);
    const refused = await new Promise<string>((resolve) => {
      const s = connect({ host: '127.0.0.1', port }, () => resolve('connected'));
      s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    expect(drain(started.set).map(text)).toEqual(['<13>kept']);
  });

  describe.skipIf(!hasIpv6Loopback())('IPv6', () => {
    it('listens on [::1]; IPv6 ACLs apply', async () => {
      started = await startSet([spec('tcp', '::1')], { deny: ['::1/128'] });
      const c = await client(started.port(), '::1');
      await closed(c);
      expect(started.set.counters().connectionsDenied).toBe(1);
    });

    it('[::] accepts IPv4 and IPv6 peers (dual-stack)', async () => {
      started = await startSet([spec('tcp', '::')]);
      await writeParts(await client(started.port(), '127.0.0.1'), ['<13>four\n']);
      await writeParts(await client(started.port(), '::1'), ['<13>six\n']);
      const got = await collect(started.set, 2);
      expect(got.map((m) => `${m.peer} ${text(m)}`).sort()).toEqual(['127.0.0.1 <13>four', '::1 <13>six']);
    });
  });
});
