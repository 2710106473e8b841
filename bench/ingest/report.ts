import type { Check, Section } from '../report.js';
import { bytes, fmt, type Measure, num, percentile, ratio } from '../stats.js';
import type { HistogramWindow } from './histogram.js';
import { ONE_THREAD } from './targets.js';
import type { ZeroLossResult } from './udp-rate.js';

export interface LatencyResult {
  readonly rate: number;
  readonly latencies: readonly number[];
  readonly lost: number;
  readonly sent: number;
  /** syscorr's own histogram over the same window: receipt by the listener → rules done, every event. */
  readonly internal?: HistogramWindow;
}

export interface TargetResults {
  readonly name: string;
  readonly counter: string;
  readonly udpBuffer: number | null;
  readonly udp?: ZeroLossResult;
  readonly tcp: Measure;
  readonly latency?: LatencyResult;
  /** Probes alone, no other traffic: what the loop adds by itself. */
  readonly idleLatency?: LatencyResult;
}

export interface IngestResults {
  readonly senderKind: string;
  readonly senderAlone: Measure;
  readonly plan: {
    readonly udpSeconds: number;
    readonly maxLagMs: number;
    readonly start: number;
    readonly factor: number;
    readonly tcpRuns: number;
    readonly tcpSeconds: number;
  };
  readonly targets: readonly TargetResults[];
}

function udpCell(r: TargetResults): string {
  const u = r.udp;
  if (u === undefined) return '-';
  const extra = [
    ...(u.senderLimited ? ['the sender could not always offer the rate asked beside this receiver'] : []),
    ...(u.noisy ? ['a lower rate failed once too: noisy'] : []),
  ];
  const tail = extra.length > 0 ? ` (${extra.join('; ')})` : '';
  if (u.best === null) return `none: failed at the lowest rate tried${tail}`;
  const f = u.firstLoss;
  if (f === null) return `≥ ${num(u.best.offered)}/s, no failure above it${tail}`;
  const drops = f.receiverDrops === null ? '' : `, dropped by ${r.name} ${num(f.receiverDrops)}`;
  return `${num(u.best.offered)}/s; failed at ${num(f.offered)}/s (${num(f.lost)} of ${num(f.sent)} lost, last handled ${num(f.lagMs)} ms after sending ended, kernel drops ${f.kernelDrops === null ? '?' : num(f.kernelDrops)}${drops})${tail}`;
}

function latencyCell(l: LatencyResult | undefined): string {
  if (l === undefined) return '-';
  if (l.latencies.length === 0) return `no probe answered (${l.sent} sent)`;
  const p = (q: number): string => `${num(percentile(l.latencies, q))} ms`;
  const load = l.rate > 0 ? ` at ${num(l.rate)}/s` : '';
  const own = l.internal === undefined ? '' : `; ${internalText(l.internal)}`;
  return `p50 ${p(50)}, p99 ${p(99)}, max ${p(100)}${load} (${num(l.latencies.length)} probes, ${num(l.lost)} lost)${own}`;
}

/** The histogram figure: the bucket bound the p99 of every event falls under. */
function internalText(w: HistogramWindow): string {
  if (w.quantileAtMost === null) return 'own histogram: no events';
  const bound = Number.isFinite(w.quantileAtMost) ? `≤ ${num(w.quantileAtMost * 1000)} ms` : '> 1 s';
  return `own histogram, receipt → rules done: p99 ${bound} over ${num(w.count)} events`;
}

function checks(ours: TargetResults | undefined, theirs: TargetResults | undefined): Check[] {
  const ourUdp = ours?.udp?.best?.offered ?? Number.NaN;
  const theirUdp = theirs?.udp?.best?.offered ?? Number.NaN;
  const p99 = ours?.latency === undefined ? Number.NaN : percentile(ours.latency.latencies, 99);
  const tcp = ours?.tcp.median ?? Number.NaN;
  return [
    {
      target: 'UDP zero-loss rate (100 rules) ≥ rsyslog receive-to-file',
      measured: `${num(ourUdp)}/s vs ${num(theirUdp)}/s (${ratio(ourUdp, theirUdp)})`,
      met: Number.isNaN(ourUdp) || Number.isNaN(theirUdp) ? null : ourUdp >= theirUdp,
    },
    {
      target: 'TCP ≥ 300,000 messages/s processed (100 bytes, octet counting)',
      measured: `${num(tcp)}/s`,
      met: Number.isNaN(tcp) ? null : tcp >= 300_000,
    },
    {
      target: 'p99 latency UDP → action < 5 ms at half the zero-loss rate',
      measured: Number.isNaN(p99)
        ? '-'
        : `${num(p99)} ms (probe round trip)${ours?.latency?.internal === undefined ? '' : `; ${internalText(ours.latency.internal)}`}`,
      met: Number.isNaN(p99) ? null : p99 < 5,
    },
  ];
}

/** The ingest results as one table: syscorr, rsyslog and their ratio per measure. */
export function ingestReport(r: IngestResults, notes: readonly string[]): Section {
  const ours = r.targets.find((t) => t.name === 'syscorr');
  const single = r.targets.find((t) => t.name === ONE_THREAD);
  const theirs = r.targets.find((t) => t.name === 'rsyslog');
  const col = (f: (t: TargetResults) => string) => [
    ours === undefined ? '-' : f(ours),
    single === undefined ? '-' : f(single),
    theirs === undefined ? 'rsyslog not run' : f(theirs),
  ];
  const rows = [
    [
      'UDP: highest offered rate with zero loss',
      ...col(udpCell),
      ratio(ours?.udp?.best?.offered ?? Number.NaN, theirs?.udp?.best?.offered ?? Number.NaN),
    ],
    [
      'TCP: 100-byte messages/s handled (octet counting, one connection)',
      ...col((t) => fmt(t.tcp)),
      ratio(ours?.tcp.median ?? Number.NaN, theirs?.tcp.median ?? Number.NaN),
    ],
    [
      'latency send → action (UDP, probes only)',
      latencyCell(ours?.idleLatency),
      latencyCell(single?.idleLatency),
      '-',
      '-',
    ],
    [
      'latency send → action (UDP, at half the zero-loss rate)',
      latencyCell(ours?.latency),
      latencyCell(single?.latency),
      '-',
      '-',
    ],
    [
      'UDP receive buffer granted (SO_RCVBUF)',
      ...col((t) => (t.udpBuffer === null ? '?' : bytes(t.udpBuffer))),
      '-',
    ],
    ['counted by', ...col((t) => t.counter), '-'],
  ];
  return {
    title: 'Ingest: syslog over loopback (syscorr with 100 rules vs rsyslog to a file)',
    method: `syscorr runs \`--input=udp://127.0.0.1:P?rcvbuf=4M --input=tcp://127.0.0.1:P\` with 100 generated RegExp Single rules, a probe rule last and \`--debug=5\`, receiving and parsing on its network thread (the default) and, in a second instance, with \`--nonetwork-thread\` on the engine thread; rsyslog runs \`rsyslogd -n\` with imudp (rcvBufSize 4m) and imtcp writing every message to one file. The UDP sender (${r.senderKind}; alone it offers ${fmt(r.senderAlone)} datagrams/s) holds each rate for ${r.plan.udpSeconds} s; a rate passes when every datagram was handled and the last one within ${r.plan.maxLagMs} ms of the end of sending (so a receive buffer that hides a backlog does not pass for keeping up); a failure is retried once; rates grow by ${r.plan.factor}× from ${num(r.plan.start)}/s, then bisect. TCP: ${r.plan.tcpRuns} runs of ${r.plan.tcpSeconds} s per receiver, alternating, writing 1 MiB buffers of octet-counted 100-byte messages. Latency: a probe every 2 ms, first with no other traffic, then while the sender offers half of syscorr's zero-loss rate; the probe rule answers with \`udpsock\`, the time runs from the probe's send to the answer's arrival (the verdict is on this). Beside it, syscorr's own histogram \`syscorr_event_processing_latency_seconds\` (scraped before and after) gives the bucket bound under which 99% of all events of the window fell, from the listener taking the datagram off the socket to the rules done: it leaves out the kernel's queue and the answer's way back, and its resolution is its buckets.`,
    columns: ['measure', 'syscorr', 'syscorr --nonetwork-thread', 'rsyslog', 'syscorr/rsyslog'],
    rows,
    notes,
    checks: checks(ours, theirs),
  };
}
