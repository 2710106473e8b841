import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** One timed run of a program. */
export interface RunResult {
  readonly ms: number;
  /** Peak resident set size (VmHWM) in KiB; null if it could not be read. */
  readonly peakRssKiB: number | null;
  /** User + system CPU time in seconds (GNU time only; null otherwise). */
  readonly cpuSeconds: number | null;
  readonly code: number | null;
  readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/** VmHWM of a live process in KiB, or null once it is gone. */
export function readPeakRss(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? null : Number(m[1]);
  } catch {
    return null;
  }
}

export interface RunOptions {
  /** Standard output goes to this file (the engines' outputs are compared byte for byte). */
  readonly stdoutFile: string;
  /** A scratch directory for /usr/bin/time's report. */
  readonly workDir: string;
  readonly timeoutMs?: number;
}

/**
 * Runs `cmd args` to completion and measures its wall time, peak RSS and CPU time: through GNU
 * time's %M %U %S when /usr/bin/time exists, otherwise by polling /proc/<pid>/status (VmHWM only
 * grows, so the last reading before exit is close to the peak) and without CPU time.
 */
export function timedRun(cmd: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  const useTime = existsSync(GNU_TIME);
  const rssFile = join(opts.workDir, 'time-report.txt');
  const argv = useTime ? ['-f', '%M %U %S', '-o', rssFile, cmd, ...args] : [...args];
  const out = openSync(opts.stdoutFile, 'w');
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(useTime ? GNU_TIME : cmd, argv, { stdio: ['ignore', out, 'pipe'] });
    closeSync(out);
    let stderr = '';
    let polled: number | null = null;
    child.stderr?.setEncoding('latin1');
    child.stderr?.on('data', (d: string) => {
      if (stderr.length < 20_000) stderr += d;
    });
    const poll = useTime
      ? undefined
      : setInterval(() => {
          if (child.pid !== undefined) polled = readPeakRss(child.pid) ?? polled;
        }, 20);
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 600_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      if (poll !== undefined) clearInterval(poll);
      reject(err);
    });
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      clearTimeout(timer);
      if (poll !== undefined) clearInterval(poll);
      const report = useTime ? parseTimeReport(rssFile) : { peakRssKiB: polled, cpuSeconds: null };
      resolve({ ms, ...report, code, stderr });
    });
  });
}

/** GNU time's "%M %U %S" line (after "Command exited with non-zero status N" when it failed). */
export function parseTimeReport(file: string): { peakRssKiB: number | null; cpuSeconds: number | null } {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const [rss, user, sys] = (lines[lines.length - 1] ?? '').split(' ').map(Number);
    const ok = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);
    return {
      peakRssKiB: ok(rss) ? rss : null,
      cpuSeconds: ok(user) && ok(sys) ? user + sys : null,
    };
  } catch {
    return { peakRssKiB: null, cpuSeconds: null };
  }
}
