import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunResult, timedRun } from '../proc.js';
import { median } from '../stats.js';
import type { InputFiles } from './inputs.js';

/** A program that runs a ruleset over a file with SEC's command line (`--notail --conf --input`). */
export interface EngineProgram {
  readonly name: string;
  readonly cmd: string;
  readonly pre: readonly string[];
}

/** How long and how often: each run is sized to take about targetSeconds of processing. */
export interface RunPlan {
  readonly targetSeconds: number;
  readonly runs: number;
  readonly minLines: number;
  readonly maxLines: number;
}

/** Start-up cost of an engine on a ruleset: a run over an empty input (medians). */
export interface Startup {
  readonly ms: number;
  readonly cpuSeconds: number | null;
}

/** What one engine did on one case. */
export interface SideResult {
  readonly engine: string;
  readonly lines: number;
  /** Start-up and rule loading, left out of the rates. */
  readonly startup: Startup;
  /** Lines per second of wall time, one per run. */
  readonly rates: readonly number[];
  /** Lines per second of CPU time (user + system), one per run; empty without GNU time. */
  readonly cpuRates: readonly number[];
  readonly peakRssKiB: readonly number[];
  /** Runs that spent less than a fifth of the target time on the lines: start-up noise dominates them. */
  readonly shortRuns: number;
  /** Distinct output digests over the runs: more than one means the engine is not deterministic. */
  readonly digests: ReadonlySet<string>;
  /** The output of the last run. */
  readonly outputFile: string;
}

export interface Workspace {
  readonly dir: string;
  readonly inputs: InputFiles;
}

function args(conf: string, input: string): string[] {
  return ['--notail', `--conf=${conf}`, `--input=${input}`, '--log=/dev/null'];
}

export function digest(file: string): string {
  return createHash('sha1').update(readFileSync(file)).digest('hex');
}

/** One run; a non-zero exit is an error carrying the end of the program's standard error. */
export async function runEngine(
  e: EngineProgram,
  conf: string,
  input: string,
  out: string,
  ws: Workspace,
): Promise<RunResult> {
  const r = await timedRun(e.cmd, [...e.pre, ...args(conf, input)], { stdoutFile: out, workDir: ws.dir });
  if (r.code !== 0) throw new Error(`${e.name} exited ${r.code} on ${conf}: ${r.stderr.slice(-400).trim()}`);
  return r;
}

async function measureStartup(e: EngineProgram, conf: string, ws: Workspace, runs: number): Promise<Startup> {
  const wall: number[] = [];
  const cpu: number[] = [];
  const out = join(ws.dir, `${e.name}-startup.out`);
  for (let i = 0; i < runs; i++) {
    const r = await runEngine(e, conf, ws.inputs.file(0), out, ws);
    wall.push(r.ms);
    if (r.cpuSeconds !== null) cpu.push(r.cpuSeconds);
  }
  return { ms: median(wall), cpuSeconds: cpu.length === runs ? median(cpu) : null };
}

/** The input size that keeps this engine busy for about targetSeconds (within min/max). */
export function sizeFor(rate: number, plan: RunPlan): number {
  const n = Math.round(rate * plan.targetSeconds);
  const clamped = Math.max(plan.minLines, Math.min(plan.maxLines, n));
  // Round to 2 significant digits: the sizes read better in the table.
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(clamped)) - 1);
  return Math.max(1, Math.round(clamped / scale) * scale);
}

export interface Prepared {
  readonly engine: EngineProgram;
  readonly lines: number;
  readonly startup: Startup;
}

/**
 * Start-up cost and input size of one engine for one ruleset. Pilot runs grow the input until
 * the lines themselves take at least half the target time: a shorter pilot is mostly start-up
 * noise on a busy machine, and a size computed from it can be off by orders of magnitude.
 */
export async function prepare(
  e: EngineProgram,
  conf: string,
  ws: Workspace,
  plan: RunPlan,
): Promise<Prepared> {
  const startup = await measureStartup(e, conf, ws, Math.min(3, plan.runs + 1));
  const out = join(ws.dir, `${e.name}-pilot.out`);
  const wanted = plan.targetSeconds * 1000;
  let n = Math.min(100, plan.maxLines);
  for (let i = 0; i < 10; i++) {
    const net = (await runEngine(e, conf, ws.inputs.file(n), out, ws)).ms - startup.ms;
    if (net >= wanted / 2 || n >= plan.maxLines) {
      return { engine: e, lines: sizeFor((n / Math.max(net, 1)) * 1000, plan), startup };
    }
    const grow = net < 50 ? 8 : Math.min(8, wanted / net);
    n = Math.min(plan.maxLines, Math.ceil(n * grow));
  }
  return { engine: e, lines: n, startup };
}

/** The timed runs, alternating between the engines (a, b, a, b, …) so drift hits both alike. */
export async function alternate(
  sides: readonly Prepared[],
  conf: string,
  ws: Workspace,
  key: string,
  plan: RunPlan,
): Promise<SideResult[]> {
  const acc = sides.map(() => ({
    rates: [] as number[],
    cpuRates: [] as number[],
    rss: [] as number[],
    short: 0,
    digests: new Set<string>(),
  }));
  for (let r = 0; r < plan.runs; r++) {
    for (const [i, s] of sides.entries()) {
      const out = join(ws.dir, `${key}-${s.engine.name}.out`);
      const res = await runEngine(s.engine, conf, ws.inputs.file(s.lines), out, ws);
      const a = acc[i];
      if (a === undefined) continue;
      const net = res.ms - s.startup.ms;
      if (net < plan.targetSeconds * 200) a.short++;
      a.rates.push((s.lines / Math.max(net, 1)) * 1000);
      if (res.cpuSeconds !== null && s.startup.cpuSeconds !== null) {
        a.cpuRates.push(s.lines / Math.max(res.cpuSeconds - s.startup.cpuSeconds, 0.001));
      }
      if (res.peakRssKiB !== null) a.rss.push(res.peakRssKiB);
      a.digests.add(digest(out));
    }
  }
  return sides.map((s, i) => ({
    engine: s.engine.name,
    lines: s.lines,
    startup: s.startup,
    rates: acc[i]?.rates ?? [],
    cpuRates: acc[i]?.cpuRates ?? [],
    peakRssKiB: acc[i]?.rss ?? [],
    shortRuns: acc[i]?.short ?? 0,
    digests: acc[i]?.digests ?? new Set(),
    outputFile: join(ws.dir, `${key}-${s.engine.name}.out`),
  }));
}
