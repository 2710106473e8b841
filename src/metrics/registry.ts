import { collectDefaultMetrics, Registry } from 'prom-client';
import { pulledGauge } from './collected.js';
import type { CountsView } from './counts.js';
import { registerEngineMetrics } from './engine-metrics.js';
import { registerOutputMetrics } from './output-metrics.js';
import type { MetricsSources } from './sources.js';
import { registerSyslogMetrics } from './syslog-metrics.js';

/**
 * prom-client defaults that `promtool check metrics` rejects (gauges named `*_total`); the same
 * counts stay available per type as nodejs_active_handles, nodejs_active_requests and
 * nodejs_active_resources.
 */
const LINT_REJECTED = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

export interface BuildInfo {
  readonly version: string;
  readonly nodeVersion: string;
}

export interface RegistryOptions {
  /** prom-client's process_* and nodejs_* metrics (event-loop lag included); default true. */
  readonly defaultMetrics?: boolean;
}

/**
 * One Registry per process (never prom-client's global one, GUIDE convention 6) with every
 * syscorr family: values come from `counts` (the emitters) and from `sources` (state read from
 * its owners), both at scrape time.
 */
export function buildRegistry(
  counts: CountsView,
  sources: MetricsSources,
  info: BuildInfo,
  opts: RegistryOptions = {},
): Registry {
  const registry = new Registry();
  pulledGauge(
    registry,
    {
      name: 'syscorr_build_info',
      help: 'Always 1; the labels name the syscorr release and the Node.js runtime.',
      labelNames: ['version', 'node_version'],
    },
    () => [[{ version: info.version, node_version: info.nodeVersion }, 1]],
  );
  registerSyslogMetrics(registry, counts, sources.listeners ?? null);
  registerEngineMetrics(registry, counts, sources.engine);
  registerOutputMetrics(registry, counts, sources.children, () => sources.mail);
  if (opts.defaultMetrics ?? true) {
    collectDefaultMetrics({ register: registry });
    for (const name of LINT_REJECTED) registry.removeSingleMetric(name);
  }
  return registry;
}
