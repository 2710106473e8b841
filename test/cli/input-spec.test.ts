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
    });
    expect(parseInputSpec('tcp://[::]:5514')).toEqual({
      pattern: 'tcp://[::]:5514',
      context: null,
      kind: 'tcp',
      listen: { host: '::', port: 5514 },
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
          "'--input' listener 'udp://:514', 'tcp://h', 'tls://h:70000' is not of the form udp|tcp|tls://HOST:PORT[=CTX]",
      },
    ]);
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
