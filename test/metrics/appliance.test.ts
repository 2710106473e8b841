import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Metrics, type MetricsDeps, type MetricsSources, metricsEndpoint } from '../../src/metrics/index.js';
import { parseExposition, value } from './exposition.js';

const SOURCES: MetricsSources = {
  engine: {
    config: { files: [{ rules: [{ file: 'r.sec', line: 1 }] }] },
    matchCounts: new Map(),
    contextsLive: 0,
    contextsExpired: 0,
    operationsByType: () => new Map(),
  },
  children: { running: 0 },
};

function logs(): { logger: { log: (l: number, m: string) => void }; lines: string[] } {
  const lines: string[] = [];
  return { logger: { log: (l, m) => lines.push(`${l} ${m}`) }, lines };
}

const open: (Metrics | Server)[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    if (o instanceof Metrics) await o.close();
    else await new Promise((r) => o.close(r));
  }
});

async function occupied(): Promise<number> {
  const s = createServer();
  open.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as AddressInfo).port;
}

describe('when metrics are served', () => {
  it('defaults to 0.0.0.0:8514 with listeners, off without; --nometrics turns them off; --metrics wins', () => {
    expect(metricsEndpoint(null, true)).toEqual({ host: '0.0.0.0', port: 8514, explicit: false });
    expect(metricsEndpoint(null, false)).toBeNull();
    expect(metricsEndpoint(false, true)).toBeNull();
    expect(metricsEndpoint('127.0.0.1:9100', false)).toEqual({
      host: '127.0.0.1',
      port: 9100,
      explicit: true,
    });
    expect(metricsEndpoint('[::1]:9100', true)).toEqual({ host: '::1', port: 9100, explicit: true });
  });
});

/** Metrics at an explicit --metrics address. */
function served(address: string, deps: MetricsDeps): Metrics {
  const endpoint = metricsEndpoint(address, false);
  if (endpoint === null) throw new Error('metrics off');
  return Metrics.at(endpoint, deps);
}

describe('Metrics', () => {
  it('serves /metrics and /-/ready on an explicit address once started', async () => {
    const { logger, lines } = logs();
    const m = served('127.0.0.1:0', { logger, now: () => 1, defaultMetrics: false });
    open.push(m);
    m.telemetry.actionRun('write', true);
    expect(await m.start(SOURCES)).toBeNull();
    const port = m.address()?.port;
    expect(lines).toContain(`4 Serving metrics on http://127.0.0.1:${port}/metrics`);
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/-/ready`)).status).toBe(503);
    m.ready = true;
    expect((await fetch(`${base}/-/ready`)).status).toBe(200);
    const e = parseExposition(await (await fetch(`${base}/metrics`)).text());
    expect(value(e, 'syscorr_actions_total', { type: 'write', result: 'ok' })).toBe(1);
    expect(value(e, 'syscorr_actions_total', { type: 'shellcmd', result: 'ok' })).toBe(0);
    expect(value(e, 'syscorr_rule_matches_total', { rule: 'r.sec:1' })).toBe(0);
    m.ready = false;
    expect((await fetch(`${base}/-/ready`)).status).toBe(503);
  });

  it('an explicit address that cannot be bound is an error naming it', async () => {
    const port = await occupied();
    const { logger } = logs();
    const m = served(`127.0.0.1:${port}`, { logger, now: () => 1, defaultMetrics: false });
    open.push(m);
    expect(await m.start(SOURCES)).toBe(`cannot serve metrics on 127.0.0.1:${port}: EADDRINUSE`);
  });

  it('the default address that cannot be bound is a warning, and the process goes on without metrics', async () => {
    const port = await occupied();
    const { logger, lines } = logs();
    // Without --metrics, with listeners: the default address (here a taken one), not explicit.
    const endpoint = metricsEndpoint(null, true, { host: '127.0.0.1', port });
    if (endpoint === null) throw new Error('metrics off');
    const m = Metrics.at(endpoint, { logger, now: () => 1, defaultMetrics: false });
    open.push(m);
    expect(await m.start(SOURCES)).toBeNull();
    expect(m.address()).toBeNull();
    expect(lines).toEqual([
      `3 cannot serve metrics on 127.0.0.1:${port}: EADDRINUSE; going on without metrics (--metrics=HOST:PORT picks another address)`,
    ]);
    m.ready = true; // harmless without a server
  });
});
