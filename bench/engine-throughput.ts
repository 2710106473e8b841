import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, type Row } from './stats.js';

/** Deterministic input: VPN concentrator lines (some SEV=1/2), sshd failures, and noise. */
export function generateInput(lines: number): string {
  const out: string[] = [];
  let seed = 12345;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let i = 0; i < lines; i++) {
    const sec = String(i % 60).padStart(2, '0');
    switch (rnd(4)) {
      case 0:
        out.push(
          `Nov 28 10:00:${sec} vpnc1 ${i}: ${i} 11/28/2026 10:00:${sec} SEV=${1 + rnd(5)} IKE/${rnd(200)} RPT=${i} 10.1.${rnd(255)}.${rnd(255)} Group [vpn] tunnel event`,
        );
        break;
      case 1:
        out.push(
          `Nov 28 10:00:${sec} bastion1 sshd[${1000 + rnd(9000)}]: Failed password for user${rnd(50)} from 203.0.113.${rnd(255)} port ${1024 + rnd(60000)} ssh2`,
        );
        break;
      default:
        out.push(
          `Nov 28 10:00:${sec} host${rnd(20)} app[${rnd(999)}]: request ${i} served in ${rnd(500)} ms status=200`,
        );
    }
  }
  return `${out.join('\n')}\n`;
}

/** The classic VPN ruleset (sec-features EX-vpn): collect SEV=1/2 lines into a context reported on expiry. */
export const VPN_RULES = `type=Single
ptype=RegExp
pattern=SEV=[12]
context=!EVENT_CONTEXT
continue=TakeNext
desc=collect severe VPN events
action=create EVENT_CONTEXT 120 (report EVENT_CONTEXT /bin/cat)

type=Single
ptype=RegExp
pattern=SEV=[12]
desc=add
action=add EVENT_CONTEXT $0
`;

/** n distinct RegExp Single rules of which few match each line; the last ones match sshd failures. */
export function regexRules(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      `type=Single\nptype=RegExp\npattern=app\\[\\d+\\]: request \\d+ served in ${i}${i} ms status=(\\d+)\ndesc=r${i}\naction=write - rule ${i} $1\n`,
    );
  }
  out.push(
    'type=Single\nptype=RegExp\npattern=sshd\\[\\d+\\]: Failed password for (\\S+) from (\\S+)\ndesc=f\naction=write - failed $1 $2\n',
  );
  return out.join('\n');
}

function timeRun(cmd: string, args: string[], outFile: string): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  writeFileSync(outFile, r.stdout);
  return ms;
}

/** Engine throughput, --notail, syscorr vs /usr/bin/sec on the same rules and input, alternating runs. */
export function benchThroughput(lines: number, runs: number): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-tput-'));
  const input = join(dir, 'input.log');
  writeFileSync(input, generateInput(lines));
  const main = new URL('../dist/main.js', import.meta.url).pathname;
  const rows: Row[] = [];
  for (const [name, rules] of [
    ['2-rule VPN ruleset', VPN_RULES],
    ['100 RegExp rules', regexRules(100)],
  ] as const) {
    const conf = join(dir, `${name.replace(/\W+/g, '-')}.sec`);
    writeFileSync(conf, rules);
    const args = ['--notail', `--conf=${conf}`, `--input=${input}`, '--log=/dev/null'];
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let r = 0; r < runs; r++) {
      ours.push(timeRun(process.execPath, [main, ...args], join(dir, 'ours.out')));
      const sec = spawnSync('sec', ['--version'], { stdio: 'ignore' });
      if (sec.error === undefined) theirs.push(timeRun('sec', args, join(dir, 'theirs.out')));
    }
    const same =
      theirs.length === 0 ||
      readFileSync(join(dir, 'ours.out')).equals(readFileSync(join(dir, 'theirs.out')));
    const rate = (ms: number[]): string =>
      `${Math.round(lines / (median(ms) / 1000)).toLocaleString('en')} lines/s`;
    rows.push({
      name: `${name}, ${lines.toLocaleString('en')} lines, --notail`,
      syscorr: `${rate(ours)} (${median(ours).toFixed(0)} ms)`,
      sec: theirs.length > 0 ? `${rate(theirs)} (${median(theirs).toFixed(0)} ms)` : 'sec not installed',
      note: `ratio ${theirs.length > 0 ? (median(theirs) / median(ours)).toFixed(2) : '-'}×; outputs ${same ? 'identical' : 'DIFFER'}; ${runs} runs each, median`,
    });
  }
  return rows;
}
