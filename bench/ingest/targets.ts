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
  /** The ruleset (syscorr counts what it handled in its own metrics). */
  readonly rules: string;
  /** The target's name in the report, and options added to syscorr's command line. */
  readonly name?: string;
  readonly extraArgs?: readonly string[];
}

async function launchSyscorr(spec: SyscorrSpec): Promise<Omit<Target, 'udpBuffer'>> {
  const [udpPort, tcpPort, metricsPort] = [
    await freePort('udp'),
    await freePort('tcp'),
    await freePort('tcp'),
  ];
  const conf = join(spec.dir, `ingest-${udpPort}.sec`);
  writeFileSync(conf, spec.rules);
  const args = [
    join(spec.root, 'dist', 'main.js'),
    `--conf=${conf}`,
    `--input=udp://127.0.0.1:${udpPort}?rcvbuf=4M`,
    `--input=tcp://127.0.0.1:${tcpPort}`,
    `--log=${join(spec.dir, 'syscorr.log')}`,
    '--debug=5',
    ...(spec.extraArgs ?? []),
    `--metrics=127.0.0.1:${metricsPort}`,
  ];
  const daemon = new Daemon('syscorr', process.execPath, args, spec.dir);
  const counter = new MetricsCounter(`http://127.0.0.1:${metricsPort}/metrics`);
  if (!((await waitForTcp(tcpPort, daemon)) && (await metricsServed(metricsPort)))) {
    await daemon.stop();
    throw new Error(`${spec.name ?? 'syscorr'} serves no metrics: ${daemon.stderr.slice(-600).trim()}`);
  }
  return { name: spec.name ?? 'syscorr', udpPort, tcpPort, counter, daemon };
}

/** syscorr listening on UDP and TCP, counting what it handled in its own metrics. */
export async function startSyscorr(spec: SyscorrSpec): Promise<Target> {
  return started(await launchSyscorr(spec));
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
