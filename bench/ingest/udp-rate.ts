import { performance } from 'node:perf_hooks';
import { kernelUdpDrops } from '../../src/inputs/syslog/index.js';
import { settle } from './counter.js';
import type { UdpSender } from './sender.js';
import type { Target } from './targets.js';

/** One offered rate held for a few seconds, and what the receiver handled of it. */
export interface RateStep {
  readonly requested: number;
  /** Datagrams per second the sender actually offered. */
  readonly offered: number;
  readonly sent: number;
  readonly received: number;
  readonly lost: number;
  /** Datagrams the kernel dropped at the receiver's socket during the step (null: unknown). */
  readonly kernelDrops: number | null;
  /** Messages the receiver reports dropping itself during the step (null: it does not say). */
  readonly receiverDrops: number | null;
  /** How long after the sender stopped the last message was handled. */
  readonly lagMs: number;
  /** No loss, and no backlog left for more than maxLagMs when the sending ended. */
  readonly passed: boolean;
}

export interface ZeroLossResult {
  readonly best: RateStep | null;
  readonly firstLoss: RateStep | null;
  readonly steps: readonly RateStep[];
  /** The sender could not offer a rate asked beside this receiver (2 cores shared). */
  readonly senderLimited: boolean;
  /** Some rate at or below the best one failed: the machine was noisy during the search. */
  readonly noisy: boolean;
}

export interface SearchPlan {
  readonly start: number;
  readonly factor: number;
  readonly max: number;
  readonly seconds: number;
  /** A step fails when the receiver needs longer than this after the sending ended. */
  readonly maxLagMs: number;
  /** Bisection steps between the last rate without loss and the first with loss. */
  readonly refine: number;
}

async function step(
  t: Target,
  sender: UdpSender,
  rate: number,
  plan: SearchPlan,
  file: string,
): Promise<RateStep> {
  const base = (await settle(t.counter, Number.POSITIVE_INFINITY, 300, 5000)).count;
  const drops0 = kernelUdpDrops(t.udpPort);
  const own0 = (await t.counter.dropped?.()) ?? null;
  const res = await sender.send(t.udpPort, rate, plan.seconds, file);
  const sendEnd = performance.now();
  const { count, lastMove } = await settle(t.counter, base + res.sent, 1000, 60_000);
  const drops1 = kernelUdpDrops(t.udpPort);
  const own1 = (await t.counter.dropped?.()) ?? null;
  const received = count - base;
  const lost = Math.max(0, res.sent - received);
  const lagMs = Math.max(0, lastMove - sendEnd);
  return {
    requested: rate,
    offered: res.rate,
    sent: res.sent,
    received,
    lost,
    kernelDrops: drops0 === null || drops1 === null ? null : drops1 - drops0,
    receiverDrops: own0 === null || own1 === null ? null : own1 - own0,
    lagMs,
    passed: lost === 0 && lagMs <= plan.maxLagMs,
  };
}

/**
 * The highest offered UDP rate a receiver keeps up with: no datagram lost, and done within
 * maxLagMs of the end of sending. Requested rates grow by `factor` until one fails (a failure is
 * tried again once, as another process may have taken the core for a moment), then bisection
 * between the last requested rate that passed and the first that failed narrows the gap.
 */
export async function zeroLossRate(
  t: Target,
  sender: UdpSender,
  file: string,
  plan: SearchPlan,
  log: (m: string) => void,
): Promise<ZeroLossResult> {
  const final: RateStep[] = [];
  const steps: RateStep[] = [];
  const attempt = async (rate: number): Promise<RateStep> => {
    let s = await step(t, sender, rate, plan, file);
    steps.push(s);
    if (!s.passed) {
      s = await step(t, sender, rate, plan, file);
      steps.push(s);
    }
    final.push(s);
    log(
      `  ${t.name} udp ${Math.round(s.offered)}/s: sent ${s.sent}, handled ${s.received}, lost ${s.lost}, lag ${Math.round(s.lagMs)} ms`,
    );
    return s;
  };
  let lo = 0;
  let hi = 0;
  for (let rate = plan.start; rate <= plan.max; rate *= plan.factor) {
    const s = await attempt(rate);
    if (!s.passed) {
      hi = rate;
      break;
    }
    lo = rate;
    // The sender could not offer what was asked beside this receiver: going higher measures nothing.
    if (s.offered < 0.9 * rate) break;
  }
  for (let i = 0; i < plan.refine && lo > 0 && hi > 0; i++) {
    const mid = (lo + hi) / 2;
    if ((await attempt(mid)).passed) lo = mid;
    else hi = mid;
  }
  return summarize(final, steps);
}

/** The best pass (highest offered rate) and the lowest failure above it, over the final attempts. */
export function summarize(final: readonly RateStep[], steps: readonly RateStep[]): ZeroLossResult {
  let best: RateStep | null = null;
  for (const s of final) if (s.passed && (best === null || s.offered > best.offered)) best = s;
  let firstLoss: RateStep | null = null;
  for (const s of final) {
    if (s.passed || (best !== null && s.offered <= best.offered)) continue;
    if (firstLoss === null || s.offered < firstLoss.offered) firstLoss = s;
  }
  const noisy = final.some((s) => !s.passed && best !== null && s.offered <= best.offered);
  const senderLimited = final.some((s) => s.offered < 0.9 * s.requested);
  return { best, firstLoss, steps, senderLimited, noisy };
}
