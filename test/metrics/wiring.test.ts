import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config/load.js';
import { Engine } from '../../src/engine/engine.js';
import { MainLoop } from '../../src/engine/loop.js';
import { UTC_ZONE } from '../../src/engine/variables/index.js';
import { toEvent } from '../../src/inputs/network-source.js';
import { TelemetryCounts } from '../../src/metrics/index.js';
import { Processes } from '../../src/outputs/index.js';
import { ConfigReloader } from '../../src/reload.js';
import { configFrom, Recorder, recordingLogger } from '../support/engine-harness.js';

const T0 = 1_700_000_000;
const quiet = { log: () => undefined };

function counts(): TelemetryCounts {
  return new TelemetryCounts({ now: () => T0 });
}

function engineWith(text: string, telemetry: TelemetryCounts): Engine {
  const config = configFrom({ 'conf/t.sec': text }, false);
  const rec = new Recorder();
  return new Engine(
    config,
    { bufsize: 1, jointbuf: false, intcontexts: false, quoting: false, evstoresize: 0 },
    { outputs: rec, processes: rec, logger: recordingLogger(rec), telemetry },
  );
}

describe('components report through the emitters', () => {
  it('the action runner counts each action by keyword', () => {
    const t = counts();
    const engine = engineWith(
      'type=Single\nptype=SubStr\npattern=boom\ndesc=d\naction=write - x; create C 10; event again\n',
      t,
    );
    engine.process({ line: 'boom', source: 'f', context: null }, T0);
    expect(t.actions.get('write')).toEqual([1, 0]);
    expect(t.actions.get('create')).toEqual([1, 0]);
    expect(t.actions.get('event')).toEqual([1, 0]);
    expect(t.actions.get('shellcmd')).toBeUndefined();
  });

  it('the engine exposes live contexts, expired contexts and operations by type', () => {
    const t = counts();
    const engine = engineWith(
      [
        'type=SingleWithThreshold\nptype=RegExp\npattern=^fail (\\S+)\ndesc=fail $1\naction=none\nwindow=60\nthresh=3',
        'type=Single\nptype=RegExp\npattern=^ctx (\\S+)\ndesc=c\naction=create C_$1 10\n',
      ].join('\n\n'),
      t,
    );
    for (const line of ['fail a', 'fail b', 'fail a', 'ctx 1', 'ctx 2'])
      engine.process({ line, source: 'f', context: null }, T0);
    expect(engine.operationsByType()).toEqual(new Map([['SingleWithThreshold', 2]]));
    expect(engine.contextsLive).toBe(2);
    expect(engine.contextsExpired).toBe(0);
    engine.cleanup(T0 + 11);
    expect([engine.contextsLive, engine.contextsExpired]).toEqual([0, 2]);
    // Every matching line counts, also those that only feed the threshold.
    expect([...engine.matchCounts.values()].reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('the main loop reports input and synthetic events', () => {
    const t = counts();
    const engine = engineWith(
      'type=Single\nptype=SubStr\npattern=go\ndesc=d\naction=event synthetic line\n',
      t,
    );
    const lines = ['go', 'other'];
    const loop = new MainLoop(
      engine,
      {
        next: () => {
          const line = lines.shift();
          return line === undefined ? null : { line, source: 'f', context: null };
        },
        get exhausted() {
          return lines.length === 0;
        },
        sawData: false,
      },
      { reap: () => ({ lines: [], completions: [], producedOutput: false }) },
      new ManualClock(T0),
      { tail: true, cleantime: 1, intevents: false, processed: (kind) => t.eventProcessed(kind, null) },
    );
    loop.start();
    for (let i = 0; i < 4; i++) loop.step();
    expect([t.eventsInput, t.eventsSynthetic]).toEqual([2, 1]);
  });

  it('the network source counts each message by format and parse-error reason', () => {
    const t = counts();
    const raw = (text: string) => ({
      bytes: Buffer.from(text, 'latin1'),
      peer: '192.0.2.1',
      peerPort: 514,
      transport: 'udp' as const,
      listener: 'udp://127.0.0.1:5514',
      index: 0,
      context: null,
      truncated: false,
      receivedAt: 0,
    });
    for (const text of ['<13>Jun 15 10:00:00 h app: x', '<13>1 2024-06-15T10:00:00Z h a - - - y', 'garbage'])
      toEvent(raw(text), T0, { format: 'classic', zone: UTC_ZONE }, t);
    expect([...t.parsed]).toEqual([
      ['rfc5424', 1],
      ['rfc3164', 1],
      ['raw', 1],
    ]);
    expect(t.parseErrors.get('pri')).toBe(1);
  });

  it('child processes are counted as started, and as failed on a non-zero exit or an exec failure', async () => {
    const t = counts();
    const p = new Processes({ logger: quiet, telemetry: t });
    p.run({ argv: ['true'] });
    p.run({ argv: ['false'] });
    p.run({ argv: ['/nonexistent/syscorr-test-program'] });
    await p.idle();
    expect([t.childrenStarted, t.childrenFailed]).toEqual([3, 2]);
  });

  describe('reloads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscorr-metrics-reload-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('are counted by mode and result (failure: a rule could not be loaded)', () => {
      const file = join(dir, 'r.sec');
      writeFileSync(file, 'type=Single\nptype=SubStr\npattern=x\ndesc=d\naction=none\n');
      const t = counts();
      const reloader = new ConfigReloader(loadConfig([file], { bufsize: 0 }), {
        patterns: [file],
        bufsize: 0,
        cwd: dir,
        logger: quiet,
        telemetry: t,
      });
      reloader.reload('full');
      writeFileSync(file, 'type=Single\nptype=SubStr\npattern=x\ndesc=d\naction=wirte x\n');
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      reloader.reload('soft');
      expect(t.reloads.get('full')).toEqual([1, 0]);
      expect(t.reloads.get('soft')).toEqual([0, 1]);
      expect(t.reload).toEqual({ ok: false, lastSuccess: T0 });
    });
  });
});
