import { createSocket } from 'node:dgram';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Counter, LineCounter, MetricsCounter, parseMetric } from './counter.js';
import { Daemon, freePort, udpReceiveBuffer, waitForTcp } from './daemon.js';

/** A running syslog receiver under test. */
export interface Target {
  readonly name: string;
  readonly udpPort: number;
  readonly tcpPort: number;
  readonly counter: Counter;
  /** SO_RCVBUF the kernel granted its UDP socket, in bytes (null: unknown). */
  readonly udpBuffer: number | null;
  readonly daemon: Daemon;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Sends a datagram until the counter moves: the UDP path is up end to end (20 s at most). */
async function warmUp(t: Omit<Target, 'udpBuffer'>): Promise<boolean> {
  const s = createSocket('udp4');
  try {
    const before = await t.counter.read().catch(() => 0);
    for (let i = 0; i < 100 && !t.daemon.exited; i++) {
      s.send(`<13>Nov 28 10:00:00 bench warmup[1]: ready ${i}`, t.udpPort, '127.0.0.1');
      await sleep(200);
      if ((await t.counter.read().catch(() => before)) > before) return true;
    }
    return false;
  } finally {
    s.close();
  }
}

async function started(t: Omit<Target, 'udpBuffer'>): Promise<Target> {
  if (!(await waitForTcp(t.tcpPort, t.daemon)) || !(await warmUp(t))) {
    await t.daemon.stop();
    throw new Error(`${t.name} did not come up: ${t.daemon.stderr.slice(-600).trim()}`);
  }
  return { ...t, udpBuffer: udpReceiveBuffer(t.udpPort) };
}

/** Whether the syscorr at metricsPort serves syscorr_events_processed_total (the metrics issue). */
async function metricsServed(metricsPort: number): Promise<boolean> {
  const counter = new MetricsCounter(`http://127.0.0.1:${metricsPort}/metrics`);
  for (let i = 0; i < 15; i++) {
    try {
      return parseMetric(await counter.scrape(), 'syscorr_events_processed_total') !== null;
    } catch {
      await sleep(200);
    }
  }
  return false;
}

/** The name of syscorr run with --nonetwork-thread in the ingest report. */
export const ONE_THREAD = 'syscorr --nonetwork-thread';

export interface SyscorrSpec {
  readonly root: string;
  readonly dir: string;
  /** The ruleset; countFile non-null asks for the counting rule (when metrics are not served). */
  readonly rules: (countFile: string | null) => string;
  /** The target's name in the report, and options added to syscorr's command line. */
  readonly name?: string;
  readonly extraArgs?: readonly string[];
}

async function launchSyscorr(spec: SyscorrSpec, metrics: boolean): Promise<Omit<Target, 'udpBuffer'>> {
  const [udpPort, tcpPort, metricsPort] = [
    await freePort('udp'),
    await freePort('tcp'),
    await freePort('tcp'),
  ];
  const countFile = metrics ? null : join(spec.dir, `syscorr-count-${udpPort}.txt`);
  const conf = join(spec.dir, `ingest-${udpPort}.sec`);
  writeFileSync(conf, spec.rules(countFile));
  const args = [
    join(spec.root, 'dist', 'main.js'),
    `--conf=${conf}`,
    `--input=udp://127.0.0.1:${udpPort}?rcvbuf=4M`,
    `--input=tcp://127.0.0.1:${tcpPort}`,
    `--log=${join(spec.dir, 'syscorr.log')}`,
    '--debug=5',
    ...(spec.extraArgs ?? []),
    ...(metrics ? [`--metrics=127.0.0.1:${metricsPort}`] : []),
  ];
  const daemon = new Daemon('syscorr', process.execPath, args, spec.dir);
  const counter: Counter =
    countFile === null
      ? new MetricsCounter(`http://127.0.0.1:${metricsPort}/metrics`)
      : new LineCounter(countFile, 'a first TakeNext rule writing one line per event to a file');
  if (metrics && !((await waitForTcp(tcpPort, daemon)) && (await metricsServed(metricsPort)))) {
    await daemon.stop();
    throw new Error('metrics not served');
  }
  return { name: spec.name ?? 'syscorr', udpPort, tcpPort, counter, daemon };
}

/**
 * syscorr listening on UDP and TCP. Counts through its own metrics when it serves them;
 * otherwise it is restarted with a counting rule (which adds one file write per event).
 */
export async function startSyscorr(spec: SyscorrSpec): Promise<Target> {
  try {
    return await started(await launchSyscorr(spec, true));
  } catch {
    return started(await launchSyscorr(spec, false));
  }
}

/** rsyslogd receiving UDP (4 MiB buffer) and TCP into one file; null when it is not installed. */
export async function startRsyslog(dir: string): Promise<Target | null> {
  const binary = ['/usr/sbin/rsyslogd', '/sbin/rsyslogd'].find((p) => existsSync(p));
  if (binary === undefined) return null;
  const [udpPort, tcpPort] = [await freePort('udp'), await freePort('tcp')];
  const out = join(dir, `rsyslog-${udpPort}.log`);
  const conf = join(dir, `rsyslog-${udpPort}.conf`);
  writeFileSync(
    conf,
    [
      `global(workDirectory="${dir}")`,
      'module(load="imudp")',
      'module(load="imtcp")',
      `input(type="imudp" address="127.0.0.1" port="${udpPort}" rcvBufSize="4m")`,
      `input(type="imtcp" address="127.0.0.1" port="${tcpPort}")`,
      `action(type="omfile" file="${out}")`,
      '',
    ].join('\n'),
  );
  const daemon = new Daemon(
    'rsyslog',
    binary,
    ['-n', '-f', conf, '-i', join(dir, `rsyslog-${udpPort}.pid`)],
    dir,
  );
  const counter = new LineCounter(out, 'lines in its output file');
  return started({ name: 'rsyslog', udpPort, tcpPort, counter, daemon });
}
