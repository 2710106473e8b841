import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineStream } from '../gen/lines.js';
import type { Check, Section } from '../report.js';
import { bytes, fmt, measure, num, ratio } from '../stats.js';
import { type EngineCase, engineCases } from './cases.js';
import { type Comparison, compareWithSec } from './compare.js';
import { InputFiles } from './inputs.js';
import {
  alternate,
  type EngineProgram,
  prepare,
  type RunPlan,
  type SideResult,
  type Workspace,
} from './runner.js';

export interface EngineSettings {
  readonly root: string;
  readonly plan: RunPlan;
  readonly quick: boolean;
  readonly log: (message: string) => void;
}

interface CaseResult {
  readonly c: EngineCase;
  readonly ours: SideResult;
  readonly sec: SideResult | null;
  readonly comparison: Comparison;
}

const SEC_PATH = '/usr/bin/sec';

async function measureCase(c: EngineCase, ws: Workspace, s: EngineSettings, programs: EngineProgram[]) {
  const conf = c.conf(ws.dir);
  const prepared = [];
  for (const p of programs) prepared.push(await prepare(p, conf, ws, s.plan));
  const [ours, sec] = await alternate(prepared, conf, ws, c.key, s.plan);
  if (ours === undefined) throw new Error('no syscorr result');
  const [program] = programs;
  const comparison =
    sec === undefined || program === undefined
      ? { identical: null, detail: 'not compared (sec not installed)' }
      : await compareWithSec(ours, sec, program, conf, ws, c.key);
  return { c, ours, sec: sec ?? null, comparison };
}

const median = (xs: readonly number[]): number => measure(xs).median;

function row(r: CaseResult): string[] {
  const o = measure(r.ours.rates);
  const t = r.sec === null ? null : measure(r.sec.rates);
  const rss = (s: SideResult | null): string =>
    s === null || s.peakRssKiB.length === 0 ? '-' : bytes(median(s.peakRssKiB) * 1024);
  const startup = (s: SideResult | null): string => (s === null ? '-' : `${num(s.startup.ms / 1000)} s`);
  return [
    r.c.name,
    `${num(r.ours.lines)} / ${r.sec === null ? '-' : num(r.sec.lines)}`,
    fmt(o),
    t === null ? 'sec not installed' : fmt(t),
    t === null ? '-' : ratio(o.median, t.median),
    r.sec === null ? '-' : ratio(median(r.ours.cpuRates), median(r.sec.cpuRates)),
    `${rss(r.ours)} / ${rss(r.sec)}`,
    `${startup(r.ours)} / ${startup(r.sec)}`,
    r.comparison.identical === false ? `**${r.comparison.detail}**` : r.comparison.detail,
  ];
}

function checks(results: readonly CaseResult[]): Check[] {
  const out: Check[] = [];
  for (const r of results) {
    if (r.c.targetRatio === undefined) continue;
    const value = r.sec === null ? Number.NaN : median(r.ours.rates) / median(r.sec.rates);
    const cpu = r.sec === null ? '-' : ratio(median(r.ours.cpuRates), median(r.sec.cpuRates));
    out.push({
      target: `${r.c.name}: ≥ ${r.c.targetRatio}× SEC's lines/s`,
      measured: Number.isNaN(value) ? 'sec not installed' : `${num(value)}× (by CPU time ${cpu})`,
      met: Number.isNaN(value) ? null : value >= r.c.targetRatio,
    });
  }
  const compared = results.filter((r) => r.comparison.identical !== null);
  const same = compared.filter((r) => r.comparison.identical === true).length;
  out.push({
    target: 'same outputs as SEC on every engine case',
    measured: `${same} of ${compared.length} identical`,
    met: compared.length === 0 ? null : same === compared.length,
  });
  return out;
}

const METHOD = `\`node dist/main.js --notail\` and \`${SEC_PATH} --notail\` run the same rules over the same seeded input (sshd failures from many sources and users, VPN \`SEV=n\` lines, Cisco ASA and IOS lines, application and kernel lines, noise; the \`served in\` case reads the first bench's VPN, sshd and app lines), one run of each in turn. Each engine's input is sized from a pilot run to keep it busy for about the same time, so SEC reads a shorter prefix of the same stream; lines/s leave out the start-up time (an empty input's run: loading the rules), shown separately. The ratio by CPU time divides lines per CPU-second (user + system, GNU time) instead: it moves less than wall time when other work shares the machine. Peak RSS is the process's VmHWM. The outputs column compares syscorr's standard output with SEC's, byte for byte, on SEC's input.`;

/** Engine throughput: syscorr against SEC on every case. */
export async function engineSection(s: EngineSettings): Promise<Section> {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-bench-engine-'));
  const inputs = new Map<string, InputFiles>([['syslog', new InputFiles(dir, 'syslog', lineStream(7))]]);
  const workspace = (c: EngineCase): Workspace => {
    const name = c.input?.name ?? 'syslog';
    let files = inputs.get(name);
    if (files === undefined) {
      files = new InputFiles(dir, name, c.input?.stream() ?? lineStream(7));
      inputs.set(name, files);
    }
    return { dir, inputs: files };
  };
  const programs: EngineProgram[] = [
    { name: 'syscorr', cmd: process.execPath, pre: [join(s.root, 'dist/main.js')] },
  ];
  if (existsSync(SEC_PATH)) programs.push({ name: 'sec', cmd: SEC_PATH, pre: [] });
  const results: CaseResult[] = [];
  const notes: string[] = [];
  try {
    for (const c of engineCases(s.root).filter((x) => !s.quick || x.inQuick)) {
      s.log(`engine: ${c.name}`);
      try {
        const r = await measureCase(c, workspace(c), s, programs);
        if (r.comparison.identical === false)
          s.log(`!!! OUTPUTS DIFFER for ${c.name}: ${r.comparison.detail}`);
        results.push(r);
      } catch (err) {
        notes.push(`${c.name}: failed: ${err instanceof Error ? err.message : String(err)}`);
        s.log(`engine: ${c.name} failed: ${String(err)}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const differ = results.filter((r) => r.comparison.identical === false);
  if (differ.length > 0)
    notes.unshift(`**OUTPUTS DIFFER from SEC on ${differ.map((r) => r.c.name).join(', ')}.**`);
  notes.push(
    `${s.plan.runs} timed runs per engine and case, each sized for about ${s.plan.targetSeconds} s.`,
  );
  const short = results.flatMap((r) =>
    [r.ours, r.sec].filter((x) => x !== null && x.shortRuns > 0).map((x) => `${r.c.name} (${x?.engine})`),
  );
  if (short.length > 0) {
    notes.push(
      `Start-up dominated runs (the lines took under a fifth of the target time; rough rates): ${short.join(', ')}.`,
    );
  }
  return {
    title: 'Engine throughput (`--notail`, syscorr vs SEC)',
    method: METHOD,
    columns: [
      'ruleset',
      'input lines (syscorr / sec)',
      'syscorr lines/s',
      'sec lines/s',
      'ratio',
      'ratio by CPU time',
      'peak RSS (syscorr / sec)',
      'start-up (syscorr / sec)',
      'outputs',
    ],
    rows: results.map(row),
    notes,
    checks: checks(results),
    alarms: differ.map((r) => `outputs differ from SEC on ${r.c.name}: ${r.comparison.detail}`),
  };
}
