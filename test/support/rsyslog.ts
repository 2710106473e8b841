import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A throwaway rsyslogd for end-to-end tests: its own config, work directory and pid file in a
 * temp dir, no system config, no privileges, no /dev/log (imuxsock is not loaded). Messages come
 * in over imtcp (port 0, the bound port written to a file) and from a file through imfile, and
 * every one of them goes out through each `omfwd` forward.
 */

export interface RsyslogForward {
  readonly port: number;
  readonly protocol: 'udp' | 'tcp';
  /** TCP only: RFC 6587 octet counting instead of LF-terminated frames. */
  readonly octetCounted?: boolean;
  /** A built-in template: RSYSLOG_SyslogProtocol23Format (RFC 5424), RSYSLOG_ForwardFormat, … */
  readonly template: string;
}

export interface RsyslogFileInput {
  readonly path: string;
  /** With its colon, as rsyslog writes it: `filemon:`. */
  readonly tag: string;
  readonly severity: string;
  readonly facility: string;
}

export interface RsyslogSetup {
  readonly dir: string;
  /** Written as HOSTNAME of the messages rsyslog makes itself (the imfile ones). */
  readonly hostname: string;
  readonly forwards: readonly RsyslogForward[];
  readonly fileInput?: RsyslogFileInput;
}

const quote = (s: string): string => JSON.stringify(s);

/** The rsyslog config (RainerScript) of a setup. */
export function rsyslogConfig(s: RsyslogSetup): string {
  const lines = [
    `global(workDirectory=${quote(join(s.dir, 'work'))} localHostname=${quote(s.hostname)})`,
    'module(load="imtcp")',
    `input(type="imtcp" port="0" listenPortFileName=${quote(join(s.dir, 'imtcp.port'))} ruleset="forward")`,
  ];
  if (s.fileInput !== undefined) {
    const f = s.fileInput;
    lines.push(
      'module(load="imfile")',
      // Paragraph mode with LF kept: a paragraph of several lines is one message with LFs inside,
      // which only octet counting (or UDP) carries as one message.
      `input(type="imfile" file=${quote(f.path)} tag=${quote(f.tag)} severity=${quote(f.severity)} ` +
        `facility=${quote(f.facility)} readMode="1" escapeLF="off" ruleset="forward")`,
    );
  }
  // rsyslog's own messages (start, errors) stay in a file for a failing test to show.
  lines.push(`*.* action(type="omfile" file=${quote(join(s.dir, 'rsyslog-internal.log'))})`);
  lines.push('ruleset(name="forward") {');
  for (const f of s.forwards) {
    const framing = f.octetCounted === true ? ' TCP_Framing="octet-counted"' : '';
    lines.push(
      `  action(type="omfwd" target="127.0.0.1" port="${f.port}" protocol="${f.protocol}"${framing} ` +
        `template=${quote(f.template)})`,
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}

function readSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** A running `rsyslogd -n` with a setup's config; stop() always ends it. */
export class Rsyslogd {
  readonly #setup: RsyslogSetup;
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  #done = false;
  #output = '';

  constructor(program: string, setup: RsyslogSetup, env: NodeJS.ProcessEnv = {}) {
    this.#setup = setup;
    mkdirSync(join(setup.dir, 'work'), { recursive: true });
    const conf = join(setup.dir, 'rsyslog.conf');
    writeFileSync(conf, rsyslogConfig(setup));
    const pid = join(setup.dir, 'rsyslogd.pid');
    this.#child = spawn(program, ['-n', '-f', conf, '-i', pid], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const keep = (b: Buffer): void => {
      if (this.#output.length < 65536) this.#output += b.toString('utf8');
    };
    this.#child.stdout?.on('data', keep);
    this.#child.stderr?.on('data', keep);
    this.#exited = new Promise((resolve) => {
      this.#child.once('exit', () => {
        this.#done = true;
        resolve();
      });
    });
  }

  /** The port imtcp bound; rejects if rsyslogd exits or does not bind in time. */
  async imtcpPort(timeoutMs = 10_000): Promise<number> {
    const file = join(this.#setup.dir, 'imtcp.port');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const port = Number(readSafe(file).trim());
      if (Number.isInteger(port) && port > 0) return port;
      if (this.#done || Date.now() > deadline)
        throw new Error(`rsyslogd did not bind imtcp\n${this.diagnostics()}`);
      await sleep(20);
    }
  }

  diagnostics(): string {
    const internal = readSafe(join(this.#setup.dir, 'rsyslog-internal.log'));
    return `--- rsyslogd output ---\n${this.#output}\n--- rsyslog internal log ---\n${internal.slice(-4000)}`;
  }

  /** SIGTERM, SIGKILL after `graceMs`; resolves once it is gone. Safe to call twice. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.#done) return;
    this.#child.kill('SIGTERM');
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), graceMs);
    await this.#exited;
    clearTimeout(timer);
  }
}
