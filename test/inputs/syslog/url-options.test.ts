import { describe, expect, it } from 'vitest';
import { parseListenerQuery, parseSize } from '../../../src/inputs/syslog/url-options.js';

describe('listener settings in the --input URL (issue 5)', () => {
  it('reads sizes with binary units', () => {
    expect([parseSize('65536'), parseSize('64k'), parseSize('4M'), parseSize('1g')]).toEqual([
      65536,
      65536,
      4 * 1024 * 1024,
      1024 ** 3,
    ]);
    expect([parseSize('0'), parseSize('-1'), parseSize('4MB'), parseSize('')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('maps every setting of a UDP listener onto its options', () => {
    const r = parseListenerQuery(
      'udp',
      'rcvbuf=4M&maxframe=8k&allow=10.0.0.0/8,192.0.2.0/24&allow=2001:db8::/32&deny=10.9.0.0/16' +
        '&rate=500&burst=50&sources=2000&format=raw&tz=Europe/Berlin',
    );
    expect(r).toEqual({
      ok: true,
      settings: {
        format: 'raw',
        tz: 'Europe/Berlin',
        options: {
          udpRecvBuffer: 4 * 1024 * 1024,
          maxFrame: 8192,
          allow: ['10.0.0.0/8', '192.0.2.0/24', '2001:db8::/32'],
          deny: ['10.9.0.0/16'],
          ratePerSec: 500,
          rateBurst: 50,
          rateSources: 2000,
        },
      },
    });
  });

  it('defaults to the classic line and the process zone with no settings', () => {
    expect(parseListenerQuery('tcp', '')).toEqual({
      ok: true,
      settings: { format: 'classic', tz: null, options: {} },
    });
  });

  it('builds TLS options, percent-decoding file names', () => {
    const r = parseListenerQuery(
      'tls',
      'cert=/etc/s%26c/tls.crt&key=k.pem&ca=ca.pem&subject=rtr1,rtr2&subject=fw1&maxconn=20',
    );
    expect(r.ok && r.settings.options).toEqual({
      maxConnections: 20,
      tls: { cert: '/etc/s&c/tls.crt', key: 'k.pem', ca: 'ca.pem', allowSubjects: ['rtr1', 'rtr2', 'fw1'] },
    });
  });

  it.each([
    ['udp', 'maxconn=5', 'maxconn does not apply to a udp:// listener'],
    ['tcp', 'rcvbuf=1M', 'rcvbuf does not apply to a tcp:// listener'],
    ['tcp', 'key=k.pem', 'key does not apply to a tcp:// listener'],
    ['tls', 'key=k.pem', 'a tls:// listener needs cert=FILE and key=FILE'],
    ['tls', 'cert=c&key=k&subject=rtr1', 'subject= needs ca=FILE'],
    ['udp', 'format=json', "format is 'classic' or 'raw', not 'json'"],
    ['udp', 'rate=fast', "rate needs a positive integer, not 'fast'"],
    ['udp', 'rate=0', "rate needs a positive integer, not '0'"],
    ['udp', 'allow=10.0.0.300/8', '10.0.0.300/8'],
    ['udp', 'colour=blue', "unknown listener option 'colour'"],
    ['udp', 'rcvbuf', "'rcvbuf' is not name=value"],
    ['udp', 'tz=', 'tz needs a zone name'],
    ['udp', 'cert=%zz', 'malformed %-escape'],
  ] as const)('refuses %s ?%s', (transport, query, why) => {
    const r = parseListenerQuery(transport, query);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toContain(why);
  });
});
