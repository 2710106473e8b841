import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestRules } from '../gen/rules.js';
import type { Section } from '../report.js';
import { measure } from '../stats.js';
import { measureLatency, ProbeReceiver } from './latency.js';
import { octetCountedFrames, writeUdpMessages } from './messages.js';
import { type IngestResults, ingestReport, type TargetResults } from './report.js';
import { buildSender, type UdpSender } from './sender.js';
import { ONE_THREAD, startRsyslog, startSyscorr, type Target } from './targets.js';
import { tcpThroughput } from './tcp-rate.js';
import { type SearchPlan, zeroLossRate } from './udp-rate.js';

export interface IngestSettings {
  readonly root: string;
  readonly quick: boolean;
  readonly log: (message: string) => void;
}

/** Rules in the ingest ruleset besides the counting and probe rules. */
export const INGEST_RULES = 100;
const FRAMES_PER_BUFFER = 10_000;

interface Plan {
  readonly udp: SearchPlan;
  readonly tcpRuns: number;
  readonly tcpSeconds: number;
  readonly latencySeconds: number;
  readonly senderRuns: number;
}

/*
 * maxLagMs: 300 ms is a few of syscorr's 0.1 s input polls (SEC's --poll-timeout), so the lag the
 * loop adds at any rate passes, while a backlog that a 4 MiB buffer hides does not.
 */
const FULL: Plan = {
  udp: { start: 2000, factor: 1.5, max: 3_000_000, seconds: 2, maxLagMs: 300, refine: 3 },
  tcpRuns: 5,
  tcpSeconds: 3,
  latencySeconds: 5,
  senderRuns: 3,
};
const QUICK: Plan = {
  udp: { start: 2000, factor: 2.5, max: 500_000, seconds: 0.5, maxLagMs: 300, refine: 0 },
  tcpRuns: 1,
  tcpSeconds: 1,
  latencySeconds: 1,
  senderRuns: 1,
};

async function senderAlone(sender: UdpSender, file: string, runs: number): Promise<number[]> {
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) rates.push((await sender.send(0, 0, 1, file)).rate);
  return rates;
}

async function udpAndLatency(
  t: Target,
  ctx: Ctx,
  probes: ProbeReceiver | null,
): Promise<Partial<TargetResults>> {
  const idle =
    probes === null ? undefined : await latencyAt(t, ctx, probes, 0, Math.min(2, ctx.plan.latencySeconds));
  ctx.log(`ingest: ${t.name} UDP zero-loss search`);
  const udp = await zeroLossRate(t, ctx.sender, ctx.udpFile, ctx.plan.udp, ctx.log);
  if (probes === null || udp.best === null)
    return { udp, ...(idle === undefined ? {} : { idleLatency: idle }) };
  const latency = await latencyAt(t, ctx, probes, udp.best.offered / 2, ctx.plan.latencySeconds);
  return { udp, latency, ...(idle === undefined ? {} : { idleLatency: idle }) };
}

async function latencyAt(t: Target, ctx: Ctx, probes: ProbeReceiver, rate: number, seconds: number) {
  ctx.log(`ingest: ${t.name} latency at ${Math.round(rate)}/s`);
  const r = await measureLatency(t, probes, ctx.sender, { rate, seconds, file: ctx.udpFile });
  return { ...r, rate };
}

interface Ctx {
  readonly sender: UdpSender;
  readonly udpFile: string;
  readonly plan: Plan;
  readonly log: (m: string) => void;
}

/** TCP runs alternate between the receivers, so that drift on the machine hits both alike. */
async function tcpRuns(targets: readonly Target[], ctx: Ctx): Promise<Map<string, number[]>> {
  const frames = octetCountedFrames(FRAMES_PER_BUFFER);
  const rates = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  for (let r = 0; r < ctx.plan.tcpRuns; r++) {
    for (const t of targets) {
      const res = await tcpThroughput(t, frames, FRAMES_PER_BUFFER, ctx.plan.tcpSeconds);
      ctx.log(`  ${t.name} tcp: ${Math.round(res.rate)}/s (sent ${res.sent}, handled ${res.received})`);
      rates.get(t.name)?.push(res.rate);
    }
  }
  return rates;
}

/** Ingest: syslog over loopback into syscorr (100 rules) and into rsyslog, in the same run. */
export async function ingestSection(s: IngestSettings): Promise<Section> {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-bench-ingest-'));
  const plan = s.quick ? QUICK : FULL;
  const targets: Target[] = [];
  const probes = await ProbeReceiver.open();
  const notes: string[] = [];
  try {
    const ctx: Ctx = { sender: buildSender(s.root, dir), udpFile: join(dir, 'udp.txt'), plan, log: s.log };
    writeUdpMessages(ctx.udpFile, 10_000);
    s.log(`ingest: sender alone (${ctx.sender.kind})`);
    const alone = measure(await senderAlone(ctx.sender, ctx.udpFile, plan.senderRuns));
    const rules = ingestRules(INGEST_RULES, { countFile: null, probePort: probes.port });
    targets.push(await startSyscorr({ root: s.root, dir, rules }));
    // The same with receiving and parsing on the engine thread: what the network thread brings.
    targets.push(
      await startSyscorr({ root: s.root, dir, rules, name: ONE_THREAD, extraArgs: ['--nonetwork-thread'] }),
    );
    const rsyslog = await startRsyslog(dir).catch((err: unknown) => {
      notes.push(`rsyslog could not be started: ${String(err)}`);
      return null;
    });
    if (rsyslog !== null) targets.push(rsyslog);
    const perTarget = new Map<string, Partial<TargetResults>>();
    for (const t of targets)
      perTarget.set(t.name, await udpAndLatency(t, ctx, t.name === 'rsyslog' ? null : probes));
    s.log('ingest: TCP throughput');
    const tcp = await tcpRuns(targets, ctx);
    const results: IngestResults = {
      senderKind: ctx.sender.kind,
      senderAlone: alone,
      plan: {
        udpSeconds: plan.udp.seconds,
        maxLagMs: plan.udp.maxLagMs,
        start: plan.udp.start,
        factor: plan.udp.factor,
        tcpRuns: plan.tcpRuns,
        tcpSeconds: plan.tcpSeconds,
      },
      targets: targets.map((t) => ({
        ...perTarget.get(t.name),
        name: t.name,
        counter: t.counter.how,
        udpBuffer: t.udpBuffer,
        tcp: measure(tcp.get(t.name) ?? []),
      })),
    };
    return ingestReport(results, notes);
  } finally {
    for (const t of targets) await t.daemon.stop();
    probes.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
