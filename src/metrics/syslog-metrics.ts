import type { Registry } from 'prom-client';
import { type Labels, one, pulledCounter, pulledGauge } from './collected.js';
import { type CountsView, SYSLOG_FORMATS } from './counts.js';
import type { ListenerStatsView, ListenersView } from './sources.js';

type Rows = Iterable<readonly [Labels, number | null]>;
type Stats = () => readonly ListenerStatsView[];
type Family = (name: string, help: string, labelNames: string[], read: () => Rows) => void;

/** Drop stages and reasons a listener has, each exported from the start (issue 6). */
const DROPS: readonly { stage: string; reason: string; read: (s: ListenerStatsView) => number }[] = [
  { stage: 'listener', reason: 'acl', read: (s) => s.denied },
  { stage: 'listener', reason: 'rate_limit', read: (s) => s.rateLimited },
  { stage: 'intake', reason: 'queue_full', read: (s) => s.queueFull },
];

const isStream = (s: ListenerStatsView): boolean => s.transport !== 'udp';
const isUdp = (s: ListenerStatsView): boolean => s.transport === 'udp';

/** One series per listener (those `only` keeps), labelled by its --input value. */
function perListener(
  stats: Stats,
  read: (s: ListenerStatsView) => number | null,
  only?: (s: ListenerStatsView) => boolean,
): () => Rows {
  return function* () {
    for (const s of stats()) if (only === undefined || only(s)) yield [{ listener: s.url }, read(s)];
  };
}

/**
 * The syslog families: per listener from SyslogListeners.stats() (bounded by the --input
 * values), per format and parse-error reason from the emitters. `listeners` is null in a
 * process without listeners: the per-listener families then have no series.
 */
export function registerSyslogMetrics(
  registry: Registry,
  counts: CountsView,
  listeners: ListenersView | null,
): void {
  const stats: Stats = () => listeners?.stats() ?? [];
  const counter: Family = (name, help, labelNames, read) =>
    pulledCounter(registry, { name, help, labelNames }, read);
  const gauge: Family = (name, help, labelNames, read) =>
    pulledGauge(registry, { name, help, labelNames }, read);
  registerTraffic(counter, counts, stats);
  registerSockets(counter, gauge, stats);
  counter(
    'syscorr_syslog_messages_parsed_total',
    'Syslog messages parsed, by the grammar they were read with (raw: neither RFC).',
    ['format'],
    () => SYSLOG_FORMATS.map((f) => [{ format: f }, counts.parsed.get(f) ?? 0] as const),
  );
  counter(
    'syscorr_syslog_parse_errors_total',
    'Syslog messages flagged as malformed (kept as events), by the reason of their first problem.',
    ['reason'],
    () => [...counts.parseErrors].map(([reason, n]) => [{ reason }, n] as const),
  );
  gauge('syscorr_ingest_queue_depth_messages', 'Syslog messages waiting for the engine.', [], () =>
    one(listeners === null ? 0 : listeners.queued),
  );
  gauge(
    'syscorr_ingest_queue_capacity_messages',
    'Queued messages beyond which datagrams are dropped (TCP/TLS peers are paused earlier).',
    [],
    () => one(listeners === null ? 0 : listeners.queueCapacity),
  );
}

/** Messages and bytes in, and what was dropped or cut on the way. */
function registerTraffic(counter: Family, counts: CountsView, stats: Stats): void {
  const byTransport = (read: (s: ListenerStatsView) => number): (() => Rows) =>
    function* () {
      for (const s of stats()) yield [{ listener: s.url, transport: s.transport }, read(s)];
    };
  counter(
    'syscorr_syslog_messages_received_total',
    'Syslog messages received and queued for the engine, by listener (the --input value) and transport.',
    ['listener', 'transport'],
    byTransport((s) => s.received),
  );
  counter(
    'syscorr_syslog_received_bytes_total',
    'Bytes of the syslog messages received, by listener and transport.',
    ['listener', 'transport'],
    byTransport((s) => s.bytes),
  );
  counter(
    'syscorr_syslog_messages_dropped_total',
    'Syslog messages dropped, by listener, stage (listener, intake, shutdown) and reason.',
    ['listener', 'stage', 'reason'],
    function* () {
      for (const s of stats()) {
        for (const d of DROPS) yield [{ listener: s.url, stage: d.stage, reason: d.reason }, d.read(s)];
        const left = counts.shutdownDrops.get(s.url) ?? 0;
        yield [{ listener: s.url, stage: 'shutdown', reason: 'shutdown' }, left];
      }
    },
  );
  counter(
    'syscorr_syslog_oversize_messages_total',
    'Syslog messages longer than the maximum size: truncated and flagged, not dropped.',
    ['listener'],
    perListener(stats, (s) => s.oversize),
  );
}

/** What the sockets report: UDP buffers and kernel drops, TCP connections, TLS failures. */
function registerSockets(counter: Family, gauge: Family, stats: Stats): void {
  counter(
    'syscorr_syslog_framing_errors_total',
    'TCP/TLS streams whose framing could not be read, by listener.',
    ['listener'],
    perListener(stats, (s) => s.framingErrors, isStream),
  );
  counter(
    'syscorr_syslog_udp_kernel_drops_total',
    'Datagrams the kernel dropped before syscorr read them (receive buffer full), from /proc/net/udp.',
    ['listener'],
    perListener(stats, (s) => s.kernelDrops, isUdp),
  );
  gauge(
    'syscorr_syslog_udp_receive_buffer_bytes',
    'The UDP receive buffer the kernel granted, by listener.',
    ['listener'],
    perListener(stats, (s) => s.recvBuffer, isUdp),
  );
  gauge(
    'syscorr_syslog_tcp_connections_open',
    'TCP/TLS connections open now, by listener.',
    ['listener'],
    perListener(stats, (s) => s.connectionsOpen, isStream),
  );
  counter(
    'syscorr_syslog_tcp_connections_total',
    'TCP/TLS connections by result: accepted, rejected (connection limit) or denied (ACL).',
    ['listener', 'result'],
    function* () {
      for (const s of stats()) {
        if (!isStream(s)) continue;
        yield [{ listener: s.url, result: 'accepted' }, s.connectionsAccepted];
        yield [{ listener: s.url, result: 'rejected' }, s.connectionsRejected];
        yield [{ listener: s.url, result: 'denied' }, s.connectionsDenied];
      }
    },
  );
  counter(
    'syscorr_syslog_tls_handshake_failures_total',
    'TLS connections closed before any message: handshake failed, or client certificate subject not allowed.',
    ['listener', 'reason'],
    function* () {
      for (const s of stats()) {
        if (s.transport !== 'tls') continue;
        yield [{ listener: s.url, reason: 'handshake' }, s.tlsHandshakeFailures];
        yield [{ listener: s.url, reason: 'subject' }, s.tlsSubjectRejected];
      }
    },
  );
}
