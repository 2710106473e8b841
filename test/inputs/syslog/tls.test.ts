import { readFileSync } from 'node:fs';
import { type TLSSocket, connect as tlsConnect } from 'node:tls';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { SyslogListeners, type TlsOptions } from '../../../src/inputs/syslog/index.js';
import { describeWithProgram } from '../../support/external.js';
import { TestCa } from '../../support/test-certs.js';
import { tempDir } from '../helpers.js';
import {
  closed,
  collect,
  MemoryLogger,
  type Started,
  spec,
  startSet,
  tcpClient,
  text,
  waitFor,
} from './helpers.js';

describeWithProgram('openssl', 'syslog TLS listener (issue 5, RFC 5425)', (openssl) => {
  const tmp = tempDir();
  let ca: TestCa;
  const file = (name: string): string => ca.path(name);

  beforeAll(() => {
    ca = new TestCa(openssl, tmp.dir);
    ca.selfSigned('server', 'localhost', ['-addext', 'subjectAltName=IP:127.0.0.1']);
    ca.signed('router1', 'router1.example');
    ca.signed('intruder', 'intruder.example');
    ca.selfSigned('selfsigned', 'router1.example');
  });
  afterAll(() => tmp.cleanup());

  let started: Started | null = null;
  afterEach(async () => {
    await started?.set.close();
    started = null;
  });

  const serverTls = (extra: Partial<TlsOptions> = {}): TlsOptions => ({
    cert: file('server.crt'),
    key: file('server.key'),
    ...extra,
  });

  /** Connects; resolves with the socket once the session is up, or with the error/close. */
  const dial = (port: number, name?: string): Promise<TLSSocket> =>
    new Promise((resolve, reject) => {
      const s = tlsConnect({
        host: '127.0.0.1',
        port,
        ca: readFileSync(file('server.crt')),
        ...(name === undefined
          ? {}
          : { cert: readFileSync(file(`${name}.crt`)), key: readFileSync(file(`${name}.key`)) }),
      });
      s.once('secureConnect', () => resolve(s));
      s.once('error', reject);
    });

  /** Sends one line and reports whether the server kept the session (TLS 1.3 reports client-cert refusal after the handshake). */
  const sendAndSettle = async (port: number, name?: string): Promise<void> => {
    const s = await dial(port, name).catch(() => null);
    if (s === null) return;
    s.on('error', () => undefined);
    s.write('<13>hello\n');
    await Promise.race([closed(s), new Promise((r) => setTimeout(r, 300))]);
    s.destroy();
  };

  it('receives octet-counted messages over TLS, marked transport tls', async () => {
    started = await startSet([spec('tls', '127.0.0.1', 0, 'SECURE')], { tls: serverTls() });
    const s = await dial(started.port());
    s.end('10 <13>secure12 <13>second\nx');
    const got = await collect(started.set, 2);
    expect(got.map(text)).toEqual(['<13>secure', '<13>second\nx']);
    expect(got[0]).toMatchObject({ transport: 'tls', context: 'SECURE', peer: '127.0.0.1' });
    expect(started.set.counters()['tls.received']).toBe(2);
  });

  it('counts a plain-text client on the TLS port as a handshake failure', async () => {
    started = await startSet([spec('tls')], { tls: serverTls() });
    const c = await tcpClient('127.0.0.1', started.port());
    c.on('error', () => undefined);
    c.write('<13>not tls at all\n');
    await closed(c);
    await waitFor(() => started?.set.counters().tlsHandshakeFailures === 1);
    expect(started.set.queued).toBe(0);
    expect(started.logger.messages(4).join('\n')).toMatch(/TLS session with 127\.0\.0\.1 refused/);
  });

  it('closes a client that does not finish its handshake in time', async () => {
    started = await startSet([spec('tls')], { tls: serverTls(), tlsHandshakeTimeout: 100 });
    const c = await tcpClient('127.0.0.1', started.port());
    await closed(c);
    expect(started.set.counters().tlsHandshakeFailures).toBe(1);
    expect(started.logger.messages(4).join('\n')).toContain('handshake timeout');
  });

  it('verifies client certificates against the CA and the subject allow-list', async () => {
    const tls = serverTls({ ca: file('ca.crt'), allowSubjects: ['router1.example'] });
    started = await startSet([spec('tls')], { tls });
    const port = started.port();
    await sendAndSettle(port, 'router1');
    const [ok] = await collect(started.set, 1);
    expect(ok && text(ok)).toBe('<13>hello');

    await sendAndSettle(port, 'intruder');
    await sendAndSettle(port, 'selfsigned');
    await sendAndSettle(port);
    await waitFor(() => started?.set.counters().tlsHandshakeFailures === 3, 3000, 'three refusals');
    expect(started.set.counters().tlsSubjectRejected).toBe(1);
    expect(started.set.queued).toBe(0);
  });

  it('rejects start() naming a missing certificate file', async () => {
    const set = new SyslogListeners(
      [spec('tls')],
      { tls: { cert: file('missing.crt'), key: file('server.key') } },
      { logger: new MemoryLogger() },
    );
    await expect(set.start()).rejects.toThrow(
      /tls:\/\/127\.0\.0\.1:0: cannot read the TLS certificate .*missing\.crt/,
    );
  });

  it('rejects start() for a TLS listener without certificate options', async () => {
    const set = new SyslogListeners([spec('tls')], {}, { logger: new MemoryLogger() });
    await expect(set.start()).rejects.toThrow(/needs a certificate and a key/);
  });
});
