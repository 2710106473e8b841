import { spawnSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';

/** What the figures were measured on: they are only comparable within one run on one machine. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly ramGiB: number;
  readonly kernel: string;
  readonly node: string;
  readonly sec: string;
  readonly rsyslog: string;
  readonly date: string;
  /** The 1-minute load average when the suite started: other work on the machine adds noise. */
  readonly loadAtStart: number;
}

/** The first line a program prints for `args`, or `not installed`. */
export function programVersion(program: string, args: readonly string[]): string {
  const r = spawnSync(program, args, { encoding: 'utf8', timeout: 10_000 });
  if (r.error !== undefined) return 'not installed';
  const first = `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n')[0]?.trim() ?? '';
  return first === '' ? 'unknown version' : first;
}

export function describeMachine(now: Date = new Date()): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown CPU',
    cores: list.length,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    kernel: `Linux ${release()}`,
    node: process.version,
    sec: programVersion('sec', ['--version']),
    rsyslog: programVersion('rsyslogd', ['-v'])
      .replace(/\s+compiled with:?$/, '')
      .replace(/\s+/g, ' '),
    date: now.toISOString().replace(/\.\d+Z$/, 'Z'),
    loadAtStart: loadavg()[0] ?? 0,
  };
}
