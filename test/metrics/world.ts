import { HANDLERS } from '../../src/actions/handlers.js';
import {
  buildRegistry,
  type EngineView,
  type ListenerStatsView,
  type MetricsSources,
  type RuleView,
  TelemetryCounts,
} from '../../src/metrics/index.js';
import { type Exposition, parseExposition } from './exposition.js';

/** One listener's counts, all 0 unless `over` says otherwise. */
export function stats(
  url: string,
  transport: 'udp' | 'tcp' | 'tls',
  over: Partial<ListenerStatsView> = {},
): ListenerStatsView {
  return {
    url,
    transport,
    received: 0,
    bytes: 0,
    denied: 0,
    rateLimited: 0,
    queueFull: 0,
    oversize: 0,
    framingErrors: 0,
    connectionsAccepted: 0,
    connectionsRejected: 0,
    connectionsDenied: 0,
    connectionsOpen: 0,
    tlsHandshakeFailures: 0,
    tlsSubjectRejected: 0,
    recvBuffer: transport === 'udp' ? 425984 : null,
    kernelDrops: transport === 'udp' ? 0 : null,
    ...over,
  };
}

export const RULES = [
  { file: 'conf/ssh.sec', line: 1, desc: 'ssh brute force from $1' },
  { file: 'conf/ssh.sec', line: 9, desc: 'other' },
  { file: 'conf/vpn.sec', line: 4, desc: 'vpn' },
];

export interface World {
  counts: TelemetryCounts;
  listeners: ListenerStatsView[];
  matches: Map<RuleView, number>;
  ops: Map<string, number>;
  mailQueued: number;
  running: number;
  scrape(): Promise<Exposition>;
}

/** A registry over fake sources the test changes at will, scraped and parsed on demand. */
export function world(opts: { defaultMetrics?: boolean; listeners?: boolean } = {}): World {
  let now = 1_700_000_000;
  const counts = new TelemetryCounts({ now: () => now++, actionTypes: Object.keys(HANDLERS) });
  const w = {
    counts,
    listeners: [
      stats('udp://0.0.0.0:5514', 'udp'),
      stats('tcp://[::]:5514=ROUTERS', 'tcp'),
      stats('tls://0.0.0.0:6514', 'tls'),
    ],
    matches: new Map<RuleView, number>(),
    ops: new Map<string, number>(),
    mailQueued: 0,
    running: 0,
  } as World;
  const engine: EngineView = {
    config: { files: [{ rules: RULES.slice(0, 2) }, { rules: RULES.slice(2) }] },
    matchCounts: w.matches,
    contextsLive: 2,
    contextsExpired: 3,
    operationsByType: () => w.ops,
  };
  const sources: MetricsSources = {
    engine,
    children: {
      get running() {
        return w.running;
      },
    },
    listeners:
      opts.listeners === false
        ? null
        : {
            stats: () => w.listeners,
            get queued() {
              return 7;
            },
            queueCapacity: 100000,
          },
    mail: {
      get queued() {
        return w.mailQueued;
      },
    },
  };
  const registry = buildRegistry(
    counts,
    sources,
    { version: '9.9.9', nodeVersion: 'v20.0.0' },
    {
      defaultMetrics: opts.defaultMetrics ?? false,
    },
  );
  w.scrape = async () => parseExposition(await registry.metrics());
  return w;
}
