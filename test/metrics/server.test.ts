import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { MetricsServer } from '../../src/metrics/index.js';
import { parseExposition, value } from './exposition.js';

const servers: MetricsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function started(
  registry = new Registry(),
  errors: string[] = [],
): Promise<{ server: MetricsServer; base: string }> {
  const server = new MetricsServer(registry, { onError: (m) => errors.push(m) });
  servers.push(server);
  const a = await server.listen('127.0.0.1', 0);
  return { server, base: `http://127.0.0.1:${a.port}` };
}

function raw(base: string, method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('MetricsServer', () => {
  it('serves the registry on /metrics in the Prometheus text format, read at each scrape', async () => {
    const registry = new Registry();
    let n = 0;
    const c: Counter = new Counter({
      name: 'syscorr_test_total',
      help: 'test',
      registers: [registry],
      collect() {
        c.reset();
        c.inc(n);
      },
    });
    const { base } = await started(registry);
    n = 3;
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(value(parseExposition(await res.text()), 'syscorr_test_total')).toBe(3);
    n = 5;
    expect(
      value(parseExposition(await (await fetch(`${base}/metrics?x=1`)).text()), 'syscorr_test_total'),
    ).toBe(5);
  });

  it('answers /-/healthy always and /-/ready only while ready', async () => {
    const { server, base } = await started();
    expect((await fetch(`${base}/-/healthy`)).status).toBe(200);
    expect((await fetch(`${base}/-/ready`)).status).toBe(503);
    server.ready = true;
    const ready = await fetch(`${base}/-/ready`);
    expect([ready.status, await ready.text()]).toEqual([200, 'syscorr is Ready.\n']);
    server.ready = false;
    expect((await fetch(`${base}/-/ready`)).status).toBe(503);
    expect((await fetch(`${base}/-/healthy`)).status).toBe(200);
  });

  it('refuses other paths and methods', async () => {
    const { base } = await started();
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const post = await fetch(`${base}/metrics`, { method: 'POST', body: 'x' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    const head = await raw(base, 'HEAD', '/-/healthy');
    expect([head.status, head.body]).toEqual([200, '']);
  });

  it('answers 500 and reports when a collector throws, and keeps serving', async () => {
    const registry = new Registry();
    let fail = true;
    const c: Counter = new Counter({
      name: 'syscorr_flaky_total',
      help: 'test',
      registers: [registry],
      collect() {
        if (fail) throw new Error('source broken');
        c.reset();
      },
    });
    const errors: string[] = [];
    const { base } = await started(registry, errors);
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(500);
    expect(errors).toEqual(['metrics: collecting failed (source broken)']);
    fail = false;
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
  });

  it('rejects a bind failure with an error naming the address', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const server = new MetricsServer(new Registry());
      servers.push(server);
      await expect(server.listen('127.0.0.1', port)).rejects.toThrow(
        `cannot serve metrics on 127.0.0.1:${port}: EADDRINUSE`,
      );
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('close() drops kept-alive connections and stops listening', async () => {
    const { server, base } = await started();
    await fetch(`${base}/-/healthy`);
    server.ready = true;
    await server.close();
    expect(server.ready).toBe(false);
    expect(server.address()).toBeNull();
    await expect(fetch(`${base}/-/healthy`)).rejects.toThrow();
  });
});
