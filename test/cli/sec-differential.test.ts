import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/index.js';
import { describeWithProgram } from '../support/external.js';

/**
 * Argument lists run through `/usr/bin/sec --testonly --conf=/dev/null ARGS`. Each is safe under
 * --testonly (no --notestonly, no --user, no extra rule files) and most combine several problems,
 * so the order of SEC's messages is compared too.
 */
const CASES: readonly (readonly string[])[] = [
  ['--testo'],
  ['--debug=9', '--socket-timeout=0', '--blocksize=-1'],
  ['--debug', '3', '-debug', '7'],
  ['--foo', 'bar', '-', ''],
  ['--d=1', '--no-t', '--IN', '--i'],
  ['--notail', '--no-tail', '--tail', '--NoKeepOpen'],
  ['--timeout=x', '--input_t=5'],
  ['--input-timeout=5', '--timeout-script', '', '--reopen-timeout=-1'],
  ['--input-timeout=-1', '--check-timeout=-2'],
  ['--help=1', '--no-tail=1', '--version=2'],
  ['--conf=', '--conf', '', '--input', ''],
  ['--debug', '--testonly'],
  ['+', '---x', '-5', '--=x', '-=x'],
  ['+debug=3', 'stray'],
  ['--debug=2', '--', '--foo', 'x'],
  ['--DEBUG=x', '--debug=3x', '--debug=0x3', '--blocksize= 3'],
  ['--umask=0X1F', '--debug=0'],
  ['--umask=08', '--umask=0x', '--umask=+0'],
  ['--umask=-5'],
  ['--umask', '01000'],
  ['--umask=0b1_1', '--debug=_5_', '--debug=+3'],
  ['--poll-timeout=5.', '--poll-timeout=.5e1', '--poll-timeout=-0.5'],
  ['--group=x'],
  ['--group=x', '--group', '', '--user', ''],
  ['--bufsize=-1', '--evstoresize=-3', '--cleantime=-1'],
  ['--log', '', '--syslog', '', '--pid', '', '--dump', ''],
  ['--input=a=b', '--input=x=', '--input=udp://0.0.0.0:5514=R'],
  ['--timeout'],
  ['--nod', '--nodebug', '--nohelp', '--no-d'],
  ['--intcontext', '--input-', '--?', '-?=x'],
  ['--cleantime', '--5'],
  ['--jointbuf=0', '--noruleperf=1', '--no-ruleperf', '-testonly'],
  ['--help', '--bogus'],
  ['--conf /x', 'a b'],
  ['--debug=99999999999999999999', '--debug=6\n'],
  ['--socket_timeout', '5', '--reopen_timeout=3', '--check_timeout=-1', '--poll_timeout=x'],
  [
    '--dumpfjson',
    '--dumpfts',
    '--ruleperf',
    '--quoting',
    '--fromstart',
    '--jointbuf',
    '--intevents',
    '--nochildterm',
  ],
  ['--log=/dev/null', '--bufsize=1', '--norwfifo', '--intcontexts'],
  ['-conf=/dev/null', '--Conf', '/dev/null', '--conf'],
];

interface Run {
  readonly status: number | null;
  readonly stderr: string[];
}

function runSec(
  sec: string,
  args: readonly string[],
  env: Record<string, string>,
  cwd: string,
): Promise<Run> {
  return new Promise((resolve) => {
    const argv = ['--testonly', '--conf=/dev/null', ...args];
    execFile(sec, argv, { env, cwd, timeout: 15_000, encoding: 'utf8' }, (error, _stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ status, stderr: stderr.split('\n').filter((l) => l !== '') });
    });
  });
}

/** Runs the jobs a few at a time (SEC takes ~0.1 s to start). */
async function pool<T>(jobs: readonly (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < jobs.length; i = next++) results[i] = await (jobs[i] as () => Promise<T>)();
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

const ours = (args: readonly string[], env: { SECRC?: string } = {}) =>
  parseCommandLine(['--testonly', '--conf=/dev/null', ...args], env).problems.map((p) => p.message);

describeWithProgram(
  'sec',
  'OPT-syntax / OPT-revalidate / OPT-secrc: the same complaints as SEC 2.9',
  (sec) => {
    const dir = mkdtempSync(join(tmpdir(), 'syscorr-secdiff-'));
    const rc = join(dir, 'secrc');
    const base = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' };
    let runs: Run[] = [];
    let rcRuns: Run[] = [];
    let extras: Run[] = [];

    beforeAll(async () => {
      writeFileSync(rc, '  --debug=9  \r\n#--foo\n\n   # x\n--conf /x\n--bogus\n--input=a b=c\n');
      runs = await pool(
        CASES.map((args) => () => runSec(sec, args, base, dir)),
        4,
      );
      rcRuns = await pool(
        [
          () => runSec(sec, ['--debug=2'], { ...base, SECRC: rc }, dir),
          () => runSec(sec, [], { ...base, SECRC: join(dir, 'missing') }, dir),
          () => runSec(sec, ['--', '--foo'], { ...base, SECRC: rc }, dir),
        ],
        3,
      );
      extras = [await runSec(sec, ['--metrics=0.0.0.0:9100', '--smtp=smtp://h', '--nometrics'], base, dir)];
    }, 60_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(CASES.map((args, i) => [args, i] as const))('%j', (args, i) => {
      const run = runs[i];
      expect(run?.status).toBe(0); // SEC keeps running (here: --testonly exits 0)
      expect(ours(args).length > 0).toBe((run?.stderr.length ?? 0) > 0);
      expect(ours(args)).toEqual(run?.stderr);
    });

    it('SECRC lines: same messages, appended after argv', () => {
      expect(ours(['--debug=2'], { SECRC: rc })).toEqual(rcRuns[0]?.stderr);
      expect(ours([], { SECRC: join(dir, 'missing') })).toEqual(rcRuns[1]?.stderr);
      expect(ours(['--', '--foo'], { SECRC: rc })).toEqual(rcRuns[2]?.stderr);
      expect(rcRuns[0]?.stderr.length).toBeGreaterThan(0);
    });

    it('documented difference: SEC rejects the syscorr options that syscorr accepts', () => {
      expect(ours(['--metrics=0.0.0.0:9100', '--smtp=smtp://h', '--nometrics'])).toEqual([]);
      expect(extras[0]?.stderr).toEqual([
        'Unknown option: metrics',
        'Unknown option: smtp',
        'Unknown option: nometrics',
      ]);
    });
  },
);
