import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/load.js';
import { generateRules } from './generate.js';
import { median, type Row } from './stats.js';

/** Loading (parsing + compiling) rule files of growing size, syscorr in-process vs `sec --testonly`. */
export function benchLoadRules(sizes: readonly number[], runs: number): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-bench-'));
  const rows: Row[] = [];
  for (const n of sizes) {
    const file = join(dir, `rules-${n}.sec`);
    writeFileSync(file, generateRules(n));
    const ours: number[] = [];
    const theirs: number[] = [];
    const oursProcess: number[] = [];
    const main = new URL('../dist/main.js', import.meta.url).pathname;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const cfg = loadConfig([file], { bufsize: 0 });
      ours.push(performance.now() - t0);
      const valid = cfg.files[0]?.rules.length ?? 0;
      if (!cfg.ok || valid !== n) throw new Error(`generated file did not load cleanly: ${valid}/${n} rules`);
      const p0 = performance.now();
      const proc = spawnSync(process.execPath, [main, '--testonly', `--conf=${file}`], { stdio: 'ignore' });
      if (proc.status !== 0) throw new Error(`syscorr --testonly failed on ${file}`);
      oursProcess.push(performance.now() - p0);
      const s0 = performance.now();
      const sec = spawnSync('sec', ['--testonly', `--conf=${file}`, '--log=/dev/null'], { stdio: 'ignore' });
      if (sec.error === undefined) theirs.push(performance.now() - s0);
    }
    rows.push({
      name: `load ${n} rules`,
      syscorr: `${median(ours).toFixed(1)} ms in-process, ${median(oursProcess).toFixed(1)} ms whole process`,
      sec: theirs.length > 0 ? `${median(theirs).toFixed(1)} ms (whole process)` : 'sec not installed',
      note: `${runs} runs, median; in-process min ${Math.min(...ours).toFixed(1)} ms`,
    });
  }
  return rows;
}
