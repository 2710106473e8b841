export { Metrics, type MetricsDeps } from './appliance.js';
export { Buckets, LATENCY_BUCKETS, MAIL_BUCKETS } from './buckets.js';
export { type CountsView, MAIL_FAILURES, SYSLOG_FORMATS, TelemetryCounts } from './counts.js';
export {
  DEFAULT_METRICS_HOST,
  DEFAULT_METRICS_PORT,
  type MetricsEndpoint,
  type MetricsSetting,
  metricsEndpoint,
} from './endpoint.js';
export { ruleLabel } from './engine-metrics.js';
export { type BuildInfo, buildRegistry, type RegistryOptions } from './registry.js';
export { MetricsServer, type MetricsServerOptions } from './server.js';
export type {
  ChildrenView,
  EngineView,
  ListenerStatsView,
  ListenersView,
  MailQueueView,
  MetricsSources,
  RuleView,
} from './sources.js';
export * from './telemetry.js';
