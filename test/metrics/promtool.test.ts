import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithProgram } from '../support/external.js';
import { poll } from '../support/poll.js';
import { sendUdp } from '../support/syslog-senders.js';
import { CONTRACT } from './contract.js';
import { find, parseExposition } from './exposition.js';
import { type LiveSyscorr, startSyscorr } from './live.js';

/** Issue 6: `promtool check metrics` passes on what a running syscorr really serves. */
describeWithProgram('promtool', 'promtool check metrics on the /metrics of a running syscorr', (promtool) => {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-promtool-'));
  let live: LiveSyscorr | null = null;

  beforeAll(async () => {
    live = await startSyscorr(
      dir,
      'type=Single\nptype=RegExp\npattern=boom (\\d+)\ndesc=boom $1\naction=none\n',
    );
    // Traffic first, so the histograms and the per-rule series carry real values.
    await sendUdp('127.0.0.1', live.udpPort, [
      '<13>Jun 15 10:00:00 host app: boom 1',
      '<13>1 2024-06-15T10:00:00Z h a - - - hi',
      'junk',
    ]);
  }, 20_000);

  afterAll(async () => {
    await live?.proc.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lints clean and has every family of the contract', async () => {
    if (live === null) throw new Error('syscorr did not start');
    const { metricsPort } = live;
    const text = await poll(
      async () => {
        const t = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
        const done =
          find(parseExposition(t), 'syscorr_events_processed_total', { kind: 'input' })[0]?.value === 3;
        return done ? t : undefined;
      },
      'the three messages to be processed',
      10_000,
      { everyMs: 100, tolerateErrors: true },
    );
    const r = spawnSync(promtool, ['check', 'metrics'], { input: text, encoding: 'utf8', timeout: 10_000 });
    expect({ status: r.status, out: `${r.stdout}${r.stderr}` }).toEqual({ status: 0, out: '' });
    const e = parseExposition(text);
    for (const name of Object.keys(CONTRACT)) expect(e.types.has(name), name).toBe(true);
    expect(find(e, 'syscorr_syslog_messages_parsed_total').map((s) => s.value)).toEqual([1, 1, 1]);
    expect(e.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
  });
});
