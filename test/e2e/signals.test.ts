import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = new URL('../../dist/main.js', import.meta.url).pathname;

function rules(version: string): string {
  return `type=Single
ptype=RegExp
pattern=^(SEC_\\w+)$
context=[SEC_INTERNAL_EVENT]
desc=ie
action=write - internal $1

type=Single
ptype=SubStr
pattern=ping
desc=p
action=write - pong-${version}; assign %seen yes

type=Single
ptype=SubStr
pattern=var
desc=v
action=write - var=[%seen]
`;
}

describe('signals on the real process (SIG-HUP, SIG-ABRT, SIG-USR1, SIG-USR2, SIG-TERM with --intevents)', () => {
  it('restarts with new rules on SIGHUP, dumps on SIGUSR1, rotates on SIGUSR2, shuts down on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscorr-sig-'));
    const conf = join(dir, 'r.sec');
    const input = join(dir, 'in.log');
    writeFileSync(conf, rules('v1'));
    writeFileSync(input, '');
    const dump = join(dir, 'sec.dump');
    const child = spawn(
      process.execPath,
      [MAIN, `--conf=${conf}`, `--input=${input}`, '--intevents', '--poll-timeout=0.05', `--dump=${dump}`],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('latin1');
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const waitFor = async (text: string): Promise<void> => {
      await expect.poll(() => out, { timeout: 8000, interval: 20 }).toContain(text);
    };
    try {
      await waitFor('internal SEC_STARTUP\n');
      appendFileSync(input, 'ping\nvar\n');
      await waitFor('var=[yes]\n');
      writeFileSync(conf, rules('v2'));
      child.kill('SIGHUP');
      await waitFor('internal SEC_RESTART\n');
      appendFileSync(input, 'var\nping\n');
      await waitFor('pong-v2\n');
      child.kill('SIGUSR1');
      await expect.poll(() => existsSync(dump), { timeout: 8000, interval: 20 }).toBe(true);
      child.kill('SIGUSR1'); // SEC OPT-dump: an existing dump file is never overwritten
      child.kill('SIGUSR2');
      await waitFor('internal SEC_LOGROTATE\n');
      child.kill('SIGABRT');
      await waitFor('internal SEC_SOFTRESTART\n');
      appendFileSync(input, 'var\n');
      await waitFor('var=[yes]\n');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
    const text = readFileSync(dump, 'latin1');
    expect(text).toContain(`${conf}`);
    expect(text).toMatch(/%seen/);
    // SIG-HUP drops user variables (%seen empty after it); SIG-ABRT keeps them (SIG-ABRT).
    // Node 20 delivers SIGUSR1 and SIGABRT to process.on handlers (checked here end to end).
    expect(out).toBe(
      [
        'internal SEC_STARTUP',
        'pong-v1',
        'var=[yes]',
        'internal SEC_PRE_RESTART',
        'internal SEC_RESTART',
        'var=[]',
        'pong-v2',
        'internal SEC_PRE_LOGROTATE',
        'internal SEC_LOGROTATE',
        'internal SEC_PRE_SOFTRESTART',
        'internal SEC_SOFTRESTART',
        'var=[yes]',
        'internal SEC_SHUTDOWN',
        '',
      ].join('\n'),
    );
  });

  it('re-reads SECRC on SIGHUP (OPT-secrc) and cycles the debug level on SIGINT (SIG-INT)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscorr-secrc-'));
    const input = join(dir, 'in.log');
    const log = join(dir, 'sec.log');
    const secrc = join(dir, 'secrc');
    const ruleFile = (name: string) =>
      `type=Single\nptype=RegExp\npattern=^(SEC_\\w+)$\ncontext=[SEC_INTERNAL_EVENT]\ndesc=ie\naction=write - ${name} $1\n\n` +
      `type=Single\nptype=SubStr\npattern=x\ndesc=x\naction=write - from-${name}\n`;
    writeFileSync(join(dir, 'a.sec'), ruleFile('a'));
    writeFileSync(join(dir, 'b.sec'), ruleFile('b'));
    writeFileSync(input, '');
    writeFileSync(secrc, `--conf=${join(dir, 'a.sec')}\n--input=${input}\n`);
    const child = spawn(process.execPath, [MAIN, '--intevents', '--poll-timeout=0.05', `--log=${log}`], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, SECRC: secrc },
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('latin1');
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const waitFor = async (text: string): Promise<void> => {
      await expect.poll(() => out, { timeout: 8000, interval: 20 }).toContain(text);
    };
    try {
      await waitFor('a SEC_STARTUP\n');
      appendFileSync(input, 'x\n');
      await waitFor('from-a\n');
      writeFileSync(secrc, `--conf=${join(dir, 'b.sec')}\n--input=${input}\n`);
      child.kill('SIGHUP');
      await waitFor('b SEC_RESTART\n');
      appendFileSync(input, 'x\n');
      await waitFor('from-b\n');
      child.kill('SIGINT');
      await expect
        .poll(() => readFileSync(log, 'latin1'), { timeout: 8000, interval: 20 })
        .toContain('Setting debug level to 1');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
    expect(out).toBe('a SEC_STARTUP\nfrom-a\na SEC_PRE_RESTART\nb SEC_RESTART\nfrom-b\nb SEC_SHUTDOWN\n');
  });
});
