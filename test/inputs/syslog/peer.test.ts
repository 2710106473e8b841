import { describe, expect, it } from 'vitest';
import { normalizePeer } from '../../../src/inputs/syslog/listener-context.js';

describe('normalizePeer', () => {
  it('writes IPv4-mapped IPv6 peers as IPv4, in any case, and leaves every other address alone', () => {
    expect(normalizePeer('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizePeer('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizePeer('192.0.2.1')).toBe('192.0.2.1');
    expect(normalizePeer('::1')).toBe('::1');
    expect(normalizePeer('::ffff:2001:db8')).toBe('::ffff:2001:db8');
    expect(normalizePeer('2001:db8::ffff:1.2.3.4')).toBe('2001:db8::ffff:1.2.3.4');
    expect(normalizePeer(undefined)).toBe('');
  });
});
