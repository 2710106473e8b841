import { describe, expect, it } from 'vitest';
import { find, value } from './exposition.js';
import { stats, world } from './world.js';

describe('the per-listener syslog families', () => {
  it('reads the listeners per transport: UDP buffers, TCP connections, TLS failures', async () => {
    const w = world();
    w.listeners = [
      stats('udp://0.0.0.0:5514', 'udp', {
        received: 10,
        bytes: 900,
        denied: 1,
        queueFull: 2,
        kernelDrops: 5,
      }),
      stats('udp://0.0.0.0:5515', 'udp', { kernelDrops: null, recvBuffer: null }),
      stats('tcp://[::]:5514=ROUTERS', 'tcp', {
        connectionsAccepted: 4,
        connectionsRejected: 1,
        connectionsOpen: 3,
        framingErrors: 2,
      }),
      stats('tls://0.0.0.0:6514', 'tls', { tlsHandshakeFailures: 6, tlsSubjectRejected: 1, rateLimited: 8 }),
    ];
    const e = await w.scrape();
    const udp = { listener: 'udp://0.0.0.0:5514' };
    expect(value(e, 'syscorr_syslog_messages_received_total', { ...udp, transport: 'udp' })).toBe(10);
    expect(value(e, 'syscorr_syslog_received_bytes_total', { ...udp, transport: 'udp' })).toBe(900);
    expect(
      value(e, 'syscorr_syslog_messages_dropped_total', { ...udp, stage: 'listener', reason: 'acl' }),
    ).toBe(1);
    expect(
      value(e, 'syscorr_syslog_messages_dropped_total', { ...udp, stage: 'intake', reason: 'queue_full' }),
    ).toBe(2);
    expect(value(e, 'syscorr_syslog_udp_kernel_drops_total', udp)).toBe(5);
    expect(value(e, 'syscorr_syslog_udp_receive_buffer_bytes', udp)).toBe(425984);
    // Unknown kernel figures are left out, not exported as 0.
    expect(find(e, 'syscorr_syslog_udp_kernel_drops_total', { listener: 'udp://0.0.0.0:5515' })).toEqual([]);
    expect(find(e, 'syscorr_syslog_udp_receive_buffer_bytes', { listener: 'udp://0.0.0.0:5515' })).toEqual(
      [],
    );
    const tcp = { listener: 'tcp://[::]:5514=ROUTERS' };
    expect(value(e, 'syscorr_syslog_tcp_connections_total', { ...tcp, result: 'accepted' })).toBe(4);
    expect(value(e, 'syscorr_syslog_tcp_connections_total', { ...tcp, result: 'rejected' })).toBe(1);
    expect(value(e, 'syscorr_syslog_tcp_connections_total', { ...tcp, result: 'denied' })).toBe(0);
    expect(value(e, 'syscorr_syslog_tcp_connections_open', tcp)).toBe(3);
    expect(value(e, 'syscorr_syslog_framing_errors_total', tcp)).toBe(2);
    expect(find(e, 'syscorr_syslog_tcp_connections_total', udp)).toEqual([]);
    expect(find(e, 'syscorr_syslog_udp_kernel_drops_total', tcp)).toEqual([]);
    const tls = { listener: 'tls://0.0.0.0:6514' };
    expect(value(e, 'syscorr_syslog_tls_handshake_failures_total', { ...tls, reason: 'handshake' })).toBe(6);
    expect(value(e, 'syscorr_syslog_tls_handshake_failures_total', { ...tls, reason: 'subject' })).toBe(1);
    expect(
      value(e, 'syscorr_syslog_messages_dropped_total', { ...tls, stage: 'listener', reason: 'rate_limit' }),
    ).toBe(8);
    expect(find(e, 'syscorr_syslog_tls_handshake_failures_total', tcp)).toEqual([]);
    expect(value(e, 'syscorr_ingest_queue_depth_messages')).toBe(7);
    expect(value(e, 'syscorr_ingest_queue_capacity_messages')).toBe(100000);
  });
});
