import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../bench/ingest/daemon.js';
import { describeWithProgram } from '../support/external.js';
import { poll } from '../support/poll.js';
import { sendUdp } from '../support/syslog-senders.js';
import { type LiveSyscorr, startSyscorr } from './live.js';

/** Prometheus answers errors (or nothing) while it starts and before its first scrape. */
const PATIENT = { everyMs: 200, tolerateErrors: true } as const;

interface QueryResult {
  readonly status: string;
  readonly data: { readonly result: readonly { metric: Record<string, string>; value: [number, string] }[] };
}

/**
 * Issue 6: a real Prometheus scrapes a running syscorr every second; syslog datagrams sent to
 * syscorr show up in Prometheus's own query API.
 */
describeWithProgram('prometheus', 'a real Prometheus scraping syscorr', (prometheus) => {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-prometheus-'));
  let live: LiveSyscorr | null = null;
  let prom: ChildProcess | null = null;
  let promLog = '';
  let api = '';

  async function query(promql: string): Promise<QueryResult['data']['result']> {
    const res = await fetch(`${api}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await res.json()) as QueryResult;
    if (body.status !== 'success') throw new Error(`query ${promql}: ${JSON.stringify(body)}`);
    return body.data.result;
  }

  /** The single value of an instant query, or undefined while there is none. */
  async function scalar(promql: string): Promise<number | undefined> {
    const r = await query(promql);
    return r.length === 1 ? Number(r[0]?.value[1]) : undefined;
  }

  beforeAll(async () => {
    live = await startSyscorr(
      dir,
      'type=Single\nptype=RegExp\npattern=Failed password for (\\S+)\ndesc=fail $1\naction=none\n',
    );
    const port = await freePort('tcp');
    api = `http://127.0.0.1:${port}`;
    const config = join(dir, 'prometheus.yml');
    writeFileSync(
      config,
      [
        'global:',
        '  scrape_interval: 1s',
        '  scrape_timeout: 1s',
        'scrape_configs:',
        '  - job_name: syscorr',
        '    static_configs:',
        `      - targets: ['127.0.0.1:${live.metricsPort}']`,
        '',
      ].join('\n'),
    );
    mkdirSync(join(dir, 'tsdb'));
    prom = spawn(
      prometheus,
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${join(dir, 'tsdb')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (b: Buffer): void => {
      promLog = `${promLog}${b.toString('utf8')}`.slice(-4000);
    };
    prom.stdout?.on('data', keep);
    prom.stderr?.on('data', keep);
    await poll(
      async () => ((await fetch(`${api}/-/ready`)).ok ? true : undefined),
      'Prometheus to be ready',
      15_000,
      PATIENT,
    );
  }, 30_000);

  afterAll(async () => {
    const p = prom;
    if (p !== null && p.exitCode === null && p.signalCode === null) {
      const gone = new Promise((resolve) => p.once('exit', resolve));
      p.kill('SIGTERM');
      const timer = setTimeout(() => p.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    }
    await live?.proc.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it('sees the received and rule-match counters move with the traffic', async () => {
    if (live === null) throw new Error('syscorr did not start');
    const received = `syscorr_syslog_messages_received_total{listener="udp://127.0.0.1:0",transport="udp"}`;
    const matches = `syscorr_rule_matches_total{rule="${live.ruleFile}:1"}`;
    try {
      // The first scrape: every series is there, at 0.
      expect(await poll(() => scalar(received), 'the first scrape', 15_000, PATIENT)).toBe(0);
      expect(await scalar(matches)).toBe(0);
      expect(await scalar('up{job="syscorr"}')).toBe(1);
      await sendUdp('127.0.0.1', live.udpPort, [
        '<38>Jun 15 10:00:00 gw sshd[1]: Failed password for root from 192.0.2.7 port 22 ssh2',
        '<38>Jun 15 10:00:01 gw sshd[1]: Failed password for admin from 192.0.2.7 port 22 ssh2',
        '<38>Jun 15 10:00:02 gw sshd[1]: Accepted password for alice from 192.0.2.8 port 22 ssh2',
        '<38>Jun 15 10:00:03 gw sshd[1]: Failed password for oracle from 192.0.2.7 port 22 ssh2',
        '<38>Jun 15 10:00:04 gw sshd[1]: session closed',
      ]);
      const moved = async (q: string, want: number): Promise<number | undefined> => {
        const v = await scalar(q);
        return v === want ? v : undefined;
      };
      expect(await poll(() => moved(received, 5), '5 messages received', 10_000, PATIENT)).toBe(5);
      expect(await poll(() => moved(matches, 3), '3 rule matches', 10_000, PATIENT)).toBe(3);
      expect(await scalar('syscorr_events_processed_total{kind="input"}')).toBe(5);
      expect(await scalar('syscorr_event_processing_latency_seconds_count')).toBe(5);
    } catch (error) {
      throw new Error(`${String(error)}\n--- prometheus ---\n${promLog}\n${live.proc.diagnostics()}`);
    }
  }, 40_000);
});
