import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../outputs/mail/smtp-sink.js';
import { loggedPort } from '../support/syslog-process.js';
import { sendUdp } from '../support/syslog-senders.js';

/**
 * End to end (issue 6, Mail): a syslog message over UDP → a rule → a mail received by a real
 * SMTP server started here. Runs the built CLI (`npm run build` first), as users run it.
 */

const MAIN = new URL('../../dist/main.js', import.meta.url).pathname;

const NATIVE_RULE = `type=Single
ptype=RegExp
pattern=sshd\\[\\d+\\]: Failed password for (\\S+) from (\\S+)
desc=ssh failure for $1
action=assign %subj SSH login failure on $+{_host}; mail ops@example.com %subj user $1 from $2 (%s)
`;

/** The classic VPN ruleset idiom, with a 1 s context so the test need not wait 120 s. */
const REPORT_RULE = `type=Single
ptype=RegExp
pattern=SEV=[12] .*
context=!VPN_ALERTS
desc=collect VPN alerts
action=create VPN_ALERTS 1 (report VPN_ALERTS /usr/bin/mail -s "VPN device alert" root); add VPN_ALERTS $0

type=Single
ptype=RegExp
pattern=SEV=[12] .*
context=VPN_ALERTS
desc=collect VPN alerts
action=add VPN_ALERTS $0
`;

interface Running {
  readonly child: ChildProcess;
  readonly log: string;
  exited: boolean;
}

function readSafe(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return '';
  }
}

function startSyscorr(rules: string, smtpPort: number | null, extra: string[]): Running {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-mail-'));
  writeFileSync(join(dir, 'rules.sec'), rules);
  const log = join(dir, 'syscorr.log');
  const args = [
    MAIN,
    `--conf=${join(dir, 'rules.sec')}`,
    '--input=udp://127.0.0.1:0',
    ...(smtpPort === null ? [] : [`--smtp=smtp://127.0.0.1:${smtpPort}`]),
    '--nometrics',
    `--log=${log}`,
    '--poll-timeout=0.05',
    ...extra,
  ];
  // No SYSCORR_SMTP_URL from the developer's environment: --smtp alone decides here.
  const env = { ...process.env, SYSCORR_SMTP_URL: '', SYSCORR_SMTP_URL_FILE: '' };
  const child = spawn(process.execPath, args, { stdio: 'ignore', env });
  const running: Running = { child, log, exited: false };
  child.once('exit', () => {
    running.exited = true;
  });
  return running;
}

async function udpPort(run: Running): Promise<number> {
  let port = 0;
  await expect
    .poll(
      () => {
        port = loggedPort(readSafe(run.log), 'udp');
        return port > 0 || run.exited;
      },
      { timeout: 10_000, interval: 25 },
    )
    .toBe(true);
  if (port === 0) throw new Error(`syscorr did not start:\n${readSafe(run.log)}`);
  return port;
}

async function stop(run: Running): Promise<void> {
  if (run.exited) return;
  const gone = new Promise<void>((resolve) => run.child.once('exit', () => resolve()));
  run.child.kill('SIGTERM');
  const kill = setTimeout(() => run.child.kill('SIGKILL'), 8000);
  await gone;
  clearTimeout(kill);
}

describe('mail end to end: UDP syslog → rule → SMTP server', () => {
  let smtp: SmtpSink;
  const runs: Running[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
  });

  afterAll(async () => {
    for (const r of runs) await stop(r);
    await smtp.close();
  });

  it('the native mail action sends subject and body with match and action-list variables', async () => {
    const run = startSyscorr(NATIVE_RULE, smtp.port, ['--mail-from=syscorr@loghost.example']);
    runs.push(run);
    const port = await udpPort(run);
    await sendUdp('127.0.0.1', port, [
      '<38>Nov 28 10:00:00 bastion sshd[812]: Failed password for alice from 192.0.2.7 port 22 ssh2',
    ]);
    await expect.poll(() => smtp.messages.length, { timeout: 10_000 }).toBe(1);
    const m = smtp.messages[0]!;
    expect(m.from).toBe('syscorr@loghost.example');
    expect(m.to).toEqual(['ops@example.com']);
    expect(m.subject).toBe('SSH login failure on bastion');
    expect(m.body.trim()).toBe('user alice from 192.0.2.7 (ssh failure for alice)');
    await stop(run);
    expect(readSafe(run.log)).toMatch(
      /Mail to ops@example\.com \('SSH login failure on bastion'\) delivered via smtp:\/\/127\.0\.0\.1:\d+/,
    );
  });

  it('SEC\'s idiom `report CTX /usr/bin/mail -s "VPN device alert" root` is delivered through SMTP', async () => {
    const before = smtp.messages.length;
    const run = startSyscorr(REPORT_RULE, smtp.port, ['--mail-to=noc@example.com']);
    runs.push(run);
    const port = await udpPort(run);
    const lines = [
      '<189>4706 11/28/2026 10:06:50.030 SEV=1 HARDMON/7 RPT=56 Power supply B failed',
      '<190>4707 11/28/2026 10:06:51.100 SEV=2 AUTH/28 RPT=57 User [bob] Group [vpn] disconnected',
    ];
    await sendUdp('127.0.0.1', port, lines);
    await expect.poll(() => smtp.messages.length, { timeout: 15_000 }).toBe(before + 1);
    const m = smtp.messages[before]!;
    expect(m.subject).toBe('VPN device alert');
    // `root` is a local recipient; --mail-to replaces it.
    expect(m.to).toEqual(['noc@example.com']);
    const body = m.body.split('\n').filter((l) => l !== '');
    expect(body).toHaveLength(2);
    expect(body[0]).toContain('SEV=1 HARDMON/7 RPT=56 Power supply B failed');
    expect(body[1]).toContain('SEV=2 AUTH/28 RPT=57 User [bob] Group [vpn] disconnected');
    await stop(run);
    expect(readSafe(run.log)).toContain(
      "Delivering the input of mail command '/usr/bin/mail' through the mailer (an SMTP server is configured)",
    );
  });

  // Where a real /usr/bin/mail is installed, SEC's behaviour (running it) is kept instead.
  it.skipIf(existsSync('/usr/bin/mail'))(
    'without SMTP, the idiom whose mail program is missing writes the mail to the log',
    async () => {
      const run = startSyscorr(REPORT_RULE, null, []);
      runs.push(run);
      const port = await udpPort(run);
      await sendUdp('127.0.0.1', port, [
        '<189>4706 11/28/2026 10:06:50.030 SEV=1 HARDMON/7 RPT=56 Power supply B failed',
      ]);
      await expect.poll(() => readSafe(run.log), { timeout: 15_000 }).toContain('mail| ');
      const log = readSafe(run.log);
      expect(log).toMatch(
        /Mail from syscorr@\S+ to root, subject 'VPN device alert' \(no SMTP server configured\):/,
      );
      expect(log).toMatch(/mail\| .*SEV=1 HARDMON\/7 RPT=56 Power supply B failed\n/);
      expect(log).toContain("('/usr/bin/mail' is not installed)");
      await stop(run);
    },
  );
});
