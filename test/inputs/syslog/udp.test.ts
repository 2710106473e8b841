import { createSocket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { kernelUdpDrops, SyslogListeners } from '../../../src/inputs/syslog/index.js';
import {
  collect,
  drain,
  hasIpv6Loopback,
  MemoryLogger,
  type Started,
  sendUdp,
  sleep,
  spec,
  startSet,
  text,
  waitFor,
} from './helpers.js';

describe('syslog UDP listener (issue 5)', () => {
  let started: Started | null = null;
  afterEach(async () => {
    await started?.set.close();
    started = null;
  });

  it('queues one message per datagram, in order, with peer, listener and context', async () => {
    started = await startSet([spec('udp', '127.0.0.1', 0, 'ROUTERS')]);
    const { set } = started;
    const payloads = Array.from({ length: 50 }, (_, i) => `<13>msg ${i}`);
    const from = await sendUdp('127.0.0.1', started.port(), payloads);
    const got = await collect(set, 50);
    expect(got.map(text)).toEqual(payloads);
    expect(got[0]).toMatchObject({
      peer: '127.0.0.1',
      peerPort: from,
      transport: 'udp',
      listener: 'udp://127.0.0.1:0=ROUTERS',
      context: 'ROUTERS',
      truncated: false,
    });
    expect(set.counters()).toMatchObject({ received: 50, 'udp.received': 50 });
    expect(set.counters().bytes).toBe(payloads.join('').length);
  });

  it('keeps NUL, CR and binary bytes as they came', async () => {
    started = await startSet([spec('udp')]);
    const raw = Uint8Array.from([0x3c, 0x31, 0x3e, 0x00, 0xff, 0x0d, 0x0a, 0x00]);
    await sendUdp('127.0.0.1', started.port(), [raw]);
    const [m] = await collect(started.set, 1);
    expect(Array.from(m?.bytes ?? [])).toEqual(Array.from(raw));
  });

  it('cuts a datagram longer than maxFrame, flags and counts it, and logs the peer', async () => {
    started = await startSet([spec('udp')], { maxFrame: 100 });
    await sendUdp('127.0.0.1', started.port(), ['x'.repeat(1000), 'short']);
    const got = await collect(started.set, 2);
    expect(got.map((m) => [m.bytes.length, m.truncated])).toEqual([
      [100, true],
      [5, false],
    ]);
    expect(started.set.counters().oversize).toBe(1);
    expect(started.logger.messages().join('\n')).toMatch(/1000 bytes from 127\.0\.0\.1 cut to 100/);
  });

  it('drops datagrams when the queue is full, counting them, and never blocks', async () => {
    started = await startSet([spec('udp')], { queueLimit: 5 });
    await sendUdp(
      '127.0.0.1',
      started.port(),
      Array.from({ length: 20 }, (_, i) => `m${i}`),
    );
    await waitFor(() => (started?.set.counters().queueFull ?? 0) + (started?.set.queued ?? 0) >= 20, 2000);
    expect(started.set.queued).toBe(5);
    expect(started.set.counters().queueFull).toBe(15);
    expect(drain(started.set).map(text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('counts denied datagrams without queueing or logging them', async () => {
    started = await startSet([spec('udp')], { deny: ['127.0.0.0/8'] });
    await sendUdp('127.0.0.1', started.port(), ['a', 'b', 'c']);
    await waitFor(() => started?.set.counters().denied === 3);
    expect(started.set.queued).toBe(0);
    expect(started.logger.entries).toEqual([]);
  });

  it('rate-limits per source IP and counts the limited messages', async () => {
    started = await startSet([spec('udp')], { ratePerSec: 0.001, rateBurst: 3 });
    await sendUdp('127.0.0.1', started.port(), ['1', '2', '3', '4', '5', '6']);
    await waitFor(() => started?.set.counters().rateLimited === 3);
    expect(drain(started.set).map(text)).toEqual(['1', '2', '3']);
  });

  it('reports the receive buffer the kernel granted', async () => {
    started = await startSet([spec('udp')], { udpRecvBuffer: 65536 });
    const a = started.set.addresses()[0];
    expect(a?.recvBuffer).toBeGreaterThanOrEqual(65536); // Linux grants twice the request
    expect(started.logger.messages(5).join('\n')).toContain('asked 65536');
  });

  it('reads kernel drops for its port from /proc/net/udp', async () => {
    started = await startSet([spec('udp')]);
    const drops = kernelUdpDrops(started.port());
    if (process.platform === 'linux') expect(drops).toBe(0);
    const probe = createSocket('udp4');
    await new Promise<void>((r) => probe.bind(0, '127.0.0.1', () => r()));
    const unused = probe.address().port;
    probe.close();
    await sleep(10);
    expect(kernelUdpDrops(unused)).toBeNull();
  });

  it('rejects start() naming the address when the port is taken', async () => {
    started = await startSet([spec('udp')]);
    const port = started.port();
    const clash = new SyslogListeners([spec('udp', '127.0.0.1', port)], {}, { logger: new MemoryLogger() });
    await expect(clash.start()).rejects.toThrow(`udp://127.0.0.1:${port} (udp 127.0.0.1:${port}): `);
    await expect(clash.start()).rejects.toThrow(/EADDRINUSE/);
  });

  describe.skipIf(!hasIpv6Loopback())('IPv6', () => {
    it('listens on [::1] and reports the IPv6 peer', async () => {
      started = await startSet([spec('udp', '::1')]);
      await sendUdp('::1', started.port(), ['<13>v6']);
      const [m] = await collect(started.set, 1);
      expect(m).toMatchObject({ peer: '::1', transport: 'udp' });
      expect(started.set.addresses()[0]?.address).toBe('::1');
    });

    it('[::] is dual-stack: IPv4 peers arrive as plain IPv4 and IPv4 ACLs apply', async () => {
      started = await startSet([spec('udp', '::')], { deny: ['::1/128'] });
      await sendUdp('127.0.0.1', started.port(), ['<13>v4']);
      await sendUdp('::1', started.port(), ['<13>v6 denied']);
      const [m] = await collect(started.set, 1);
      expect(m).toMatchObject({ peer: '127.0.0.1' });
      await waitFor(() => started?.set.counters().denied === 1);
      expect(started.set.queued).toBe(0);
    });
  });
});
