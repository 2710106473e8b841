import { describe, expect, it } from 'vitest';
import { parseCommandLine, parseHostPort, parseInputSpec, splitInputContext } from '../../src/cli/index.js';

describe('OPT-input: PATTERN[=CTX] split', () => {
  it.each([
    ['/var/log/messages', '/var/log/messages', null],
    ['/var/log/messages=SYSLOG', '/var/log/messages', 'SYSLOG'],
    ['a==b', 'a=', 'b'],
    ['a=b=c', 'a=b', 'c'],
    ['a=b c', 'a=b c', null],
    ['a=b c=d', 'a=b c', 'd'],
    ['x=', 'x=', null],
    ['=x', '=x', null],
    ['-', '-', null],
    ['-=STDIN', '-', 'STDIN'],
    ['/logs/*.log=WEB', '/logs/*.log', 'WEB'],
    ['a=b\n', 'a', 'b'],
    ['a\n=b', 'a\n=b', null],
    ['a=\u00a0', 'a', '\u00a0'],
  ])('%j gives pattern %j, context %j', (value, pattern, context) => {
    expect(splitInputContext(value)).toEqual({ pattern, context });
  });

  it('gives file inputs kind file and keeps them unexpanded', () => {
    expect(parseInputSpec('/var/log/*.log=X')).toEqual({
      pattern: '/var/log/*.log',
      context: 'X',
      kind: 'file',
    });
  });
});

describe('syscorr network inputs', () => {
  it('recognises udp, tcp and tls listener URLs, with or without a context', () => {
    expect(parseInputSpec('udp://0.0.0.0:5514=ROUTERS')).toEqual({
      pattern: 'udp://0.0.0.0:5514',
      context: 'ROUTERS',
      kind: 'udp',
      listen: { host: '0.0.0.0', port: 5514 },
      query: '',
    });
    expect(parseInputSpec('tcp://[::]:5514')).toEqual({
      pattern: 'tcp://[::]:5514',
      context: null,
      kind: 'tcp',
      listen: { host: '::', port: 5514 },
      query: '',
    });
    expect(parseInputSpec('tls://logs.example.com:6514=TLS').listen).toEqual({
      host: 'logs.example.com',
      port: 6514,
    });
    expect(parseInputSpec('TCP://127.0.0.1:0').kind).toBe('tcp');
  });

  it('drops malformed listeners with SYS0711 and keeps the rest', () => {
    const r = parseCommandLine([
      '--input=udp://:514',
      '--input=tcp://h',
      '--input=/var/log/x',
      '--input=tls://h:70000',
    ]);
    expect(r.options.input.map((i) => i.pattern)).toEqual(['/var/log/x']);
    expect(r.problems).toEqual([
      {
        code: 'SYS0711',
        message:
          "'--input' listener dropped, 'udp://:514': not of the form udp|tcp|tls://HOST:PORT[?SETTINGS][=CTX]; " +
          "'tcp://h': not of the form udp|tcp|tls://HOST:PORT[?SETTINGS][=CTX]; " +
          "'tls://h:70000': not of the form udp|tcp|tls://HOST:PORT[?SETTINGS][=CTX]",
      },
    ]);
  });

  it('reads listener settings after ? and the context after the last pair', () => {
    expect(parseInputSpec('udp://0.0.0.0:5514?rcvbuf=4M&format=raw=ROUTERS')).toEqual({
      pattern: 'udp://0.0.0.0:5514?rcvbuf=4M&format=raw',
      context: 'ROUTERS',
      kind: 'udp',
      listen: { host: '0.0.0.0', port: 5514 },
      query: 'rcvbuf=4M&format=raw',
    });
    // One `=` in the last pair: a setting, not a context.
    expect(splitInputContext('tcp://[::]:5514?maxconn=50')).toEqual({
      pattern: 'tcp://[::]:5514?maxconn=50',
      context: null,
    });
    expect(parseInputSpec('tls://h:6514?cert=a%3Db.pem&key=k.pem=TLS').query).toBe(
      'cert=a%3Db.pem&key=k.pem',
    );
    // File patterns keep SEC's split even with a `?` in them.
    expect(splitInputContext('/var/log/a?b=CTX')).toEqual({ pattern: '/var/log/a?b', context: 'CTX' });
  });

  it('drops a listener whose settings do not parse, saying why', () => {
    const r = parseCommandLine([
      '--input=udp://127.0.0.1:5514?rcvbuf=lots',
      '--input=tcp://127.0.0.1:5514?cert=x.pem',
      '--input=tls://127.0.0.1:6514?cert=c.pem',
      '--input=udp://127.0.0.1:5515?allow=10.0.0.0/33',
      '--input=tcp://127.0.0.1:5516?colour=blue',
      '--input=udp://127.0.0.1:5517?rate=100&burst=20&allow=10.0.0.0/8,192.0.2.0/24&tz=UTC&format=raw',
    ]);
    expect(r.options.input.map((i) => i.pattern)).toEqual([
      'udp://127.0.0.1:5517?rate=100&burst=20&allow=10.0.0.0/8,192.0.2.0/24&tz=UTC&format=raw',
    ]);
    const message = r.problems[0]?.message ?? '';
    expect(r.problems.map((p) => p.code)).toEqual(['SYS0711']);
    expect(message).toContain("'udp://127.0.0.1:5514?rcvbuf=lots': rcvbuf needs a size in bytes");
    expect(message).toContain("'tcp://127.0.0.1:5514?cert=x.pem': cert does not apply to a tcp:// listener");
    expect(message).toContain('a tls:// listener needs cert=FILE and key=FILE');
    expect(message).toContain('10.0.0.0/33');
    expect(message).toContain("unknown listener option 'colour'");
  });

  it('turns intcontexts on for a listener context too', () => {
    expect(parseCommandLine(['--input=udp://0.0.0.0:5514=R']).options.intcontexts).toBe(true);
  });

  it('parses HOST:PORT and [IPV6]:PORT', () => {
    expect(parseHostPort('localhost:9100')).toEqual({ host: 'localhost', port: 9100 });
    expect(parseHostPort('[fe80::1%eth0]:1')).toEqual({ host: 'fe80::1%eth0', port: 1 });
    expect(parseHostPort('::1:9100')).toBeNull();
    expect(parseHostPort('h:65536')).toBeNull();
    expect(parseHostPort('h:65535')).toEqual({ host: 'h', port: 65535 });
  });
});
