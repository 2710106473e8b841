import { afterEach, describe, expect, it } from 'vitest';
import type { ListenerSpec } from '../../../src/inputs/syslog/index.js';
import {
  collect,
  type Started,
  sendUdp,
  spec,
  startSet,
  tcpClient,
  text,
  waitFor,
  writeParts,
} from './helpers.js';

const withOptions = (s: ListenerSpec, options: ListenerSpec['options']): ListenerSpec => ({ ...s, options });

describe('per-listener settings and counts (issue 5, issue 6 metrics)', () => {
  let started: Started | null = null;
  afterEach(async () => {
    await started?.set.close();
    started = null;
  });

  it("applies each listener's own ACL and rate limit and counts per listener", async () => {
    started = await startSet([
      withOptions(spec('udp'), { allow: ['192.0.2.0/24'] }),
      withOptions(spec('udp'), { ratePerSec: 1, rateBurst: 2 }),
      spec('tcp'),
    ]);
    const { set } = started;
    await sendUdp('127.0.0.1', started.port(0), ['<13>a', '<13>b']);
    await sendUdp('127.0.0.1', started.port(1), ['<13>c', '<13>d', '<13>e', '<13>f']);
    await writeParts(await tcpClient('127.0.0.1', started.port(2)), ['<13>g\n<13>h\n']);
    const got = await collect(set, 4);
    expect(got.map(text).sort()).toEqual(['<13>c', '<13>d', '<13>g', '<13>h']);
    await waitFor(() => (set.stats()[1]?.rateLimited ?? 0) === 2 && (set.stats()[0]?.denied ?? 0) === 2);
    const [denying, limiting, tcp] = set.stats();
    expect(denying).toMatchObject({ transport: 'udp', received: 0, denied: 2, rateLimited: 0 });
    expect(limiting).toMatchObject({ received: 2, bytes: 10, denied: 0, rateLimited: 2 });
    expect(tcp).toMatchObject({
      transport: 'tcp',
      received: 2,
      connectionsAccepted: 1,
      recvBuffer: null,
      kernelDrops: null,
    });
    expect(limiting?.url).toBe('udp://127.0.0.1:0');
    // The process-wide totals are the sums.
    expect(set.counters()).toMatchObject({ denied: 2, rateLimited: 2, received: 4 });
  });

  it('asks the kernel for a UDP receive buffer per listener and reports what it granted', async () => {
    started = await startSet([withOptions(spec('udp'), { udpRecvBuffer: 262144 }), spec('udp')]);
    const [big, plain] = started.set.stats();
    // Linux doubles the request (up to net.core.rmem_max, which may be below it).
    expect(big?.recvBuffer).toBeGreaterThan(0);
    expect(big?.recvBuffer).not.toBe(plain?.recvBuffer);
    expect(started.logger.messages().join('\n')).toMatch(/receive buffer \d+ bytes \(asked 262144\)/);
    expect(big?.kernelDrops).toBe(0);
  });

  it('caps TCP connections per listener', async () => {
    started = await startSet([withOptions(spec('tcp'), { maxConnections: 1 }), spec('tcp')]);
    const a = await tcpClient('127.0.0.1', started.port(0));
    await waitFor(() => started?.set.stats()[0]?.connectionsOpen === 1);
    const b = await tcpClient('127.0.0.1', started.port(0));
    const c = await tcpClient('127.0.0.1', started.port(1));
    await waitFor(() => started?.set.stats()[0]?.connectionsRejected === 1);
    await waitFor(() => started?.set.stats()[1]?.connectionsOpen === 1);
    expect(started.set.stats()[1]?.connectionsRejected).toBe(0);
    for (const s of [a, b, c]) s.destroy();
  });
});
