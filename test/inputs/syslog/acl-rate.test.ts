import { describe, expect, it } from 'vitest';
import { addressBits, compileAcl, parseCidr } from '../../../src/inputs/syslog/acl.js';
import { RateLimiter } from '../../../src/inputs/syslog/rate-limit.js';
import { parseUdpDrops } from '../../../src/inputs/syslog/udp-drops.js';

const allows = (allow: string[], deny: string[], peer: string): boolean => {
  const { acl, errors } = compileAcl(allow, deny);
  expect(errors).toEqual([]);
  return acl.allows(peer);
};

describe('acl: CIDR lists (issue 5)', () => {
  it('parses IPv4 and IPv6 blocks and clears host bits', () => {
    const a = parseCidr('10.1.2.3/8');
    const b = parseCidr('10.0.0.0/8');
    expect(typeof a).toBe('object');
    expect(a).toMatchObject({ prefix: 104 });
    expect((a as { network: bigint }).network).toBe((b as { network: bigint }).network);
    expect(parseCidr('2001:db8::/32')).toMatchObject({ prefix: 32 });
    expect(parseCidr('::1')).toMatchObject({ prefix: 128, network: 1n });
  });

  it('reports invalid entries and keeps the valid ones', () => {
    const { acl, errors } = compileAcl(['10.0.0.0/33', 'example.com', '192.168.0.0/16'], ['::/129']);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain('10.0.0.0/33');
    expect(errors[1]).toContain('example.com');
    expect(acl.allows('192.168.4.4')).toBe(true);
    expect(acl.allows('10.0.0.1')).toBe(false);
  });

  it('expands IPv6 forms, embedded IPv4 and zone ids to the same bits', () => {
    expect(addressBits('2001:db8:0:0:0:0:0:1')).toBe(addressBits('2001:db8::1'));
    expect(addressBits('fe80::1%eth0')).toBe(addressBits('fe80::1'));
    expect(addressBits('::ffff:10.0.0.1')).toBe(addressBits('10.0.0.1'));
    expect(addressBits('::ffff:a00:1')).toBe(addressBits('10.0.0.1'));
    expect(addressBits('[::1]')).toBe(1n);
    expect(addressBits('nonsense')).toBeNull();
  });

  it('allows everyone with empty lists; an allow list admits only its blocks', () => {
    expect(allows([], [], '203.0.113.9')).toBe(true);
    expect(allows(['192.0.2.0/24'], [], '192.0.2.77')).toBe(true);
    expect(allows(['192.0.2.0/24'], [], '192.0.3.1')).toBe(false);
    expect(allows(['192.0.2.0/24'], [], '2001:db8::1')).toBe(false);
    expect(allows(['0.0.0.0/0'], [], '2001:db8::1')).toBe(false);
    expect(allows(['::/0'], [], '192.0.2.1')).toBe(true);
  });

  it('deny wins over allow', () => {
    expect(allows(['10.0.0.0/8'], ['10.6.0.0/16'], '10.6.1.1')).toBe(false);
    expect(allows(['10.0.0.0/8'], ['10.6.0.0/16'], '10.7.1.1')).toBe(true);
    expect(allows([], ['2001:db8::/32'], '2001:db8:ffff::5')).toBe(false);
    expect(allows([], ['2001:db8::/32'], '2001:db9::5')).toBe(true);
  });

  it('matches IPv4 rules against IPv4-mapped IPv6 peers and ::ffff:0:0/96 against IPv4 peers', () => {
    expect(allows([], ['127.0.0.0/8'], '::ffff:127.0.0.1')).toBe(false);
    expect(allows(['::ffff:0:0/96'], [], '198.51.100.1')).toBe(true);
    expect(allows(['::ffff:0:0/96'], [], '::1')).toBe(false);
    expect(allows([], ['0.0.0.0/0'], '::1')).toBe(true);
  });

  it('gives the same answers when asked again, for more peers than it keeps answers for', () => {
    const { acl } = compileAcl(['10.0.0.0/8'], ['10.66.0.0/16']);
    const peers = Array.from({ length: 10_000 }, (_, i) => `10.${(i * 7) % 256}.${i % 256}.${i % 200}`);
    const expected = (p: string): boolean => !p.startsWith('10.66.');
    for (let round = 0; round < 3; round++) {
      for (const p of peers) expect(acl.allows(p)).toBe(expected(p));
      expect(acl.allows('192.0.2.1')).toBe(false);
      expect(acl.allows('not an address')).toBe(false);
    }
  });

  it('denies a peer whose address cannot be read when a list is set', () => {
    expect(allows(['10.0.0.0/8'], [], '')).toBe(false);
    expect(allows([], [], '')).toBe(true);
  });
});

describe('rate limit: per-source token bucket (issue 5)', () => {
  it('passes a burst, then refills at the rate', () => {
    const r = new RateLimiter({ ratePerSec: 2, burst: 3, maxSources: 10 });
    const at0 = [1, 2, 3, 4].map(() => r.take('a', 0));
    expect(at0).toEqual([true, true, true, false]);
    expect(r.take('a', 400)).toBe(false); // 0.8 token
    expect(r.take('a', 500)).toBe(true); // 1 token after 0.5 s
    expect(r.take('a', 500)).toBe(false);
    expect(r.take('a', 100_000)).toBe(true); // capped at burst
    expect([r.take('a', 100_000), r.take('a', 100_000), r.take('a', 100_000)]).toEqual([true, true, false]);
  });

  it('keeps a bucket per source', () => {
    const r = new RateLimiter({ ratePerSec: 1, burst: 1, maxSources: 10 });
    expect(r.take('a', 0)).toBe(true);
    expect(r.take('a', 0)).toBe(false);
    expect(r.take('b', 0)).toBe(true);
  });

  it('tracks at most maxSources, forgetting the least recently seen', () => {
    const r = new RateLimiter({ ratePerSec: 0.001, burst: 1, maxSources: 2 });
    expect(r.take('a', 0)).toBe(true);
    expect(r.take('b', 0)).toBe(true);
    expect(r.take('a', 1)).toBe(false); // a is now the most recent
    expect(r.take('c', 2)).toBe(true); // evicts b
    expect(r.size).toBe(2);
    expect(r.take('a', 3)).toBe(false); // a was kept: still empty
    expect(r.take('b', 4)).toBe(true); // b was forgotten: a full bucket again
  });
});

describe('kernel UDP drops from /proc/net/udp', () => {
  const v4 = [
    '   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops',
    '  12: 00000000:15AA 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 41 2 0000000000000000 17',
    '  13: 0100007F:0202 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 42 2 0000000000000000 5',
  ].join('\n');

  it('reads the drops column of the sockets on a port', () => {
    expect(parseUdpDrops(v4, 5546)).toBe(17);
    expect(parseUdpDrops(v4, 514)).toBe(5);
    expect(parseUdpDrops(v4, 515)).toBeNull();
  });

  it('reads IPv6 lines and returns null without a drops column', () => {
    const v6 = [
      '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops',
      '  1: 00000000000000000000000000000000:15AA 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 43 2 0000000000000000 3',
    ].join('\n');
    expect(parseUdpDrops(v6, 5546)).toBe(3);
    expect(parseUdpDrops('sl local_address\n 1: 00000000:15AA', 5546)).toBeNull();
  });
});
