import { type ChildProcess, spawn } from 'node:child_process';
import type { LogLevel } from './actions/ports.js';

/** syslog(3) facility numbers for --syslog=FACILITY (OPT-syslog). */
const FACILITIES: Readonly<Record<string, number>> = {
  kern: 0,
  user: 1,
  mail: 2,
  daemon: 3,
  auth: 4,
  syslog: 5,
  lpr: 6,
  news: 7,
  uucp: 8,
  cron: 9,
  authpriv: 10,
  ftp: 11,
  local0: 16,
  local1: 17,
  local2: 18,
  local3: 19,
  local4: 20,
  local5: 21,
  local6: 22,
  local7: 23,
};

/** OPT-syslog level map: 1 crit, 2 err, 3 warning, 4 notice, 5 info, 6 debug. */
const SEVERITY: Readonly<Record<LogLevel, number>> = { 1: 2, 2: 3, 3: 4, 4: 5, 5: 6, 6: 7 };

export function facilityNumber(name: string): number | undefined {
  return FACILITIES[name.toLowerCase()];
}

/** `<PRI>message` as `logger --prio-prefix` reads it. */
export function priLine(facility: number, level: LogLevel, message: string): string {
  return `<${facility * 8 + SEVERITY[level]}>${message.replaceAll('\n', ' ')}\n`;
}

/**
 * --syslog: Node 20 cannot open the /dev/log datagram socket itself, so messages go through one
 * long-lived `logger --prio-prefix` child (util-linux, present on every Debian system), one line
 * each with its own priority. If logger is missing or dies, messages are dropped, never blocking.
 */
export function syslogSink(
  facilityName: string,
  command: readonly string[] = ['logger', '--prio-prefix', '-t', 'syscorr', `--id=${process.pid}`],
): ((level: LogLevel, message: string) => void) | null {
  const facility = facilityNumber(facilityName);
  if (facility === undefined) return null;
  let child: ChildProcess | null = null;
  try {
    child = spawn(command[0] ?? 'logger', command.slice(1), { stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('error', () => {
      child = null;
    });
    child.stdin?.on('error', () => {
      child = null;
    });
    child.unref();
  } catch {
    child = null;
  }
  return (level, message) => {
    child?.stdin?.write(priLine(facility, level, message), 'latin1');
  };
}
