import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/load.js';
import { mixedRules } from './gen/rules.js';
import type { Section } from './report.js';
import { fmt, measure, ratio } from './stats.js';

function timed(cmd: string, args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  if (r.error !== undefined || r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
  return performance.now() - t0;
}

/** Loading (parsing + compiling) rule files of growing size: in-process, `--testonly`, SEC. */
export async function loadSection(
  root: string,
  sizes: readonly number[],
  runs: number,
  log: (m: string) => void,
): Promise<Section> {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-bench-load-'));
  const main = join(root, 'dist', 'main.js');
  const hasSec = existsSync('/usr/bin/sec');
  const rows: string[][] = [];
  try {
    for (const n of sizes) {
      log(`load: ${n} rules`);
      const file = join(dir, `rules-${n}.sec`);
      writeFileSync(file, mixedRules(n));
      const inProcess: number[] = [];
      const whole: number[] = [];
      const sec: number[] = [];
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        const cfg = loadConfig([file], { bufsize: 0 });
        inProcess.push(performance.now() - t0);
        const valid = cfg.files[0]?.rules.length ?? 0;
        if (!cfg.ok || valid !== n) throw new Error(`generated rules did not load cleanly: ${valid}/${n}`);
        whole.push(timed(process.execPath, [main, '--testonly', `--conf=${file}`]));
        if (hasSec) sec.push(timed('/usr/bin/sec', ['--testonly', `--conf=${file}`, '--log=/dev/null']));
      }
      const w = measure(whole);
      const s = measure(sec);
      rows.push([
        `${n.toLocaleString('en')} mixed rules`,
        fmt(measure(inProcess), 'ms'),
        fmt(w, 'ms'),
        hasSec ? fmt(s, 'ms') : 'sec not installed',
        hasSec ? ratio(s.median, w.median) : '-',
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: 'Loading rules',
    method: `Parsing and compiling a generated file of mixed rule types: in-process (\`loadConfig\`), as a whole \`syscorr --testonly\` process, and \`sec --testonly\`; ${runs} runs each.`,
    columns: ['rule file', 'syscorr in-process', 'syscorr --testonly', 'sec --testonly', 'sec/syscorr'],
    rows,
    notes: [],
    checks: [],
  };
}
