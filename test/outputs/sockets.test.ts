import { createSocket } from 'node:dgram';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Outputs } from '../../src/outputs/outputs.js';
import { parsePeer } from '../../src/outputs/sockets.js';
import { RecordingLogger, tempDir, until } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let logger: RecordingLogger;
let outputs: Outputs;
const servers: Server[] = [];

beforeEach(() => {
  tmp = tempDir();
  logger = new RecordingLogger();
  outputs = new Outputs({ logger, socketTimeout: 60 });
});

afterEach(async () => {
  outputs.closeAll();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  tmp.remove();
});

/** A stream server that records what each connection received. */
async function streamServer(listen: { port: 0; host: '127.0.0.1' } | { path: string }) {
  const conns: { socket: Socket; data: string; ended: boolean }[] = [];
  const server = createServer((socket) => {
    const conn = { socket, data: '', ended: false };
    conns.push(conn);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      conn.data += chunk;
    });
    socket.on('end', () => {
      conn.ended = true;
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(listen, resolve));
  return { server, conns, port: (server.address() as AddressInfo).port };
}

describe('parsePeer (ACT-udpsock, ACT-tcpsock)', () => {
  it('ACT-udpsock: host:port, the last colon separating an IPv6 address', () => {
    expect(parsePeer('127.0.0.1:514')).toEqual({ host: '127.0.0.1', port: 514 });
    expect(parsePeer('::1:514')).toEqual({ host: '::1', port: 514 });
    expect(parsePeer('log.example:80\n')).toEqual({ host: 'log.example', port: 80 });
    expect(parsePeer('host')).toBeNull();
    expect(parsePeer(':514')).toBeNull();
    expect(parsePeer('host:51a')).toBeNull();
  });
});

describe('tcpsock, closetcp (ACT-tcpsock, ACT-closetcp)', () => {
  it('ACT-tcpsock: data sent before the connect completes is buffered and arrives in order', async () => {
    const srv = await streamServer({ port: 0, host: '127.0.0.1' });
    const peer = `127.0.0.1:${srv.port}`;
    outputs.tcpsock(peer, 'one\n', 100);
    outputs.tcpsock(peer, 'two\n', 100);
    await until(() => srv.conns[0]?.data === 'one\ntwo\n');
    outputs.tcpsock(peer, 'thr\xe9e', 101);
    await until(() => srv.conns[0]?.data === 'one\ntwo\nthr\xe9e');
    expect(srv.conns).toHaveLength(1);
  });

  it('ACT-closetcp: closes the connection; the next tcpsock opens a new one', async () => {
    const srv = await streamServer({ port: 0, host: '127.0.0.1' });
    const peer = `127.0.0.1:${srv.port}`;
    outputs.tcpsock(peer, 'a', 1);
    await until(() => srv.conns[0]?.data === 'a');
    outputs.closetcp(peer);
    await until(() => srv.conns[0]?.ended === true);
    outputs.tcpsock(peer, 'b', 2);
    await until(() => srv.conns[1]?.data === 'b');
    outputs.closetcp('127.0.0.1:1');
    expect(logger.messages(6)).toContain("No socket for TCP peer '127.0.0.1:1', can't close");
  });

  it('TM-cleanup: a connect pending longer than --socket-timeout is dropped with its buffer', async () => {
    const srv = await streamServer({ port: 0, host: '127.0.0.1' });
    const peer = `127.0.0.1:${srv.port}`;
    outputs.tcpsock(peer, 'lost', 100);
    outputs.checkSockets(160); // 60 s is not more than the timeout
    outputs.checkSockets(161);
    expect(logger.messages(6)).toContain(
      `Can't connect to TCP peer '${peer}' (connection establishment timeout)`,
    );
    outputs.tcpsock(peer, 'kept', 162);
    await until(() => srv.conns.some((c) => c.data === 'kept'));
    expect(srv.conns.map((c) => c.data).join('')).toBe('kept');
  });

  it('TM-cleanup: a connection closed by the peer is detected; the next send reconnects', async () => {
    const srv = await streamServer({ port: 0, host: '127.0.0.1' });
    const peer = `127.0.0.1:${srv.port}`;
    outputs.tcpsock(peer, 'x', 1);
    await until(() => srv.conns[0]?.data === 'x');
    srv.conns[0]?.socket.end();
    await logger.waitFor(/closed by peer/);
    outputs.tcpsock(peer, 'y', 2);
    await until(() => srv.conns[1]?.data === 'y');
  });

  it('ACT-tcpsock: a refused connect drops its data and is logged', async () => {
    const srv = await streamServer({ port: 0, host: '127.0.0.1' });
    const port = srv.port;
    await new Promise((resolve) => srv.server.close(resolve));
    servers.length = 0;
    outputs.tcpsock(`127.0.0.1:${port}`, 'x', 1);
    await logger.waitFor(/Can't connect to TCP peer '127\.0\.0\.1:\d+' \(.*ECONNREFUSED/);
  });

  it('ACT-tcpsock: a peer not in host:port form is a warning', () => {
    outputs.tcpsock('nohost', 'x', 1);
    expect(logger.messages(3)).toEqual([
      "Can't connect to TCP peer 'nohost' for sending event 'x' (peer not in host:portnumber format)",
    ]);
  });
});

describe('ustream, closeustr (ACT-ustream, ACT-closeustr)', () => {
  it('ACT-ustream: writes to a UNIX stream socket without adding a newline', async () => {
    const path = tmp.path('s.sock');
    const srv = await streamServer({ path });
    outputs.ustream(path, 'a', 1);
    outputs.ustream(path, 'b\n', 1);
    await until(() => srv.conns[0]?.data === 'ab\n');
    outputs.closeustr(path);
    await until(() => srv.conns[0]?.ended === true);
  });

  it('ACT-ustream: a path that is not a socket is only logged', () => {
    outputs.ustream(tmp.path('missing'), 'x', 1);
    expect(logger.messages(6)).toContain(
      `Can't send event 'x' to socket '${tmp.path('missing')}' (socket does not exist)`,
    );
  });
});

describe('udpsock, closeudp (ACT-udpsock, ACT-closeudp)', () => {
  it('ACT-udpsock: each event is one datagram, no newline added, latin1 bytes', async () => {
    const server = createSocket('udp4');
    const got: string[] = [];
    server.on('message', (msg) => got.push(msg.toString('latin1')));
    await new Promise<void>((resolve) => server.bind(0, '127.0.0.1', resolve));
    const peer = `127.0.0.1:${server.address().port}`;
    outputs.udpsock(peer, 'one');
    outputs.udpsock(peer, 't\xe9o');
    await until(() => got.length === 2);
    outputs.closeudp(peer);
    outputs.udpsock(peer, 'three');
    await until(() => got.length === 3);
    expect(got).toEqual(['one', 't\xe9o', 'three']);
    server.close();
  });

  it('ACT-udpsock: an unresolvable peer or a bad format is logged, nothing is thrown', async () => {
    outputs.udpsock('bad', 'x');
    outputs.udpsock('no-such-host.invalid:514', 'x');
    expect(logger.messages(3)[0]).toMatch(/peer not in host:portnumber format/);
    await logger.waitFor(/Can't create socket for no-such-host\.invalid:514\/udp/);
  });
});
