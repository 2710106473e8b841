import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePidFile } from '../src/process-setup.js';

const MAIN = new URL('../dist/main.js', import.meta.url).pathname;

describe('process set-up (OPT-pid, OPT-umask, OPT-user-group)', () => {
  it('writes the pid file, and reports a pid file it cannot write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscorr-pid-'));
    expect(writePidFile(join(dir, 'p'), 4242)).toBeNull();
    expect(readFileSync(join(dir, 'p'), 'utf8')).toBe('4242\n');
    expect(writePidFile(join(dir, 'missing', 'p'))).toMatch(/^Can't open pidfile/);
  });

  it('the real process applies --umask to files it creates and writes --pid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscorr-umask-'));
    writeFileSync(
      join(dir, 'r.sec'),
      'type=Single\nptype=SubStr\npattern=x\ndesc=d\naction=write out.txt x\n',
    );
    writeFileSync(join(dir, 'in.log'), 'x\n');
    const r = spawnSync(
      process.execPath,
      [MAIN, '--notail', '--conf=r.sec', '--input=in.log', '--umask=077', `--pid=${join(dir, 'pid')}`],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(statSync(join(dir, 'out.txt')).mode & 0o777).toBe(0o600);
    expect(Number(readFileSync(join(dir, 'pid'), 'utf8'))).toBeGreaterThan(0);
  });

  it('refuses --user when not started as root, or runs as that user when root', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscorr-user-'));
    chmodSync(dir, 0o755); // the rules are read after the switch (OPT-startup-order)
    writeFileSync(join(dir, 'r.sec'), 'type=Single\nptype=SubStr\npattern=x\ndesc=d\naction=none\n', {
      mode: 0o644,
    });
    const r = spawnSync(
      process.execPath,
      [MAIN, '--testonly', `--conf=${join(dir, 'r.sec')}`, '--user=nobody'],
      {
        encoding: 'utf8',
      },
    );
    if (process.getuid?.() === 0) expect(r.status).toBe(0);
    else expect(r.stderr).toContain("can't switch to user 'nobody'");
  });
});

describe('--detach (OPT-detach)', () => {
  it('returns at once and keeps running in the background from /, writing its pid file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscorr-detach-'));
    writeFileSync(join(dir, 'r.sec'), 'type=Single\nptype=SubStr\npattern=x\ndesc=d\naction=none\n');
    writeFileSync(join(dir, 'in.log'), '');
    const pidFile = join(dir, 'pid');
    const args = [
      MAIN,
      '--detach',
      `--conf=${join(dir, 'r.sec')}`,
      `--input=${join(dir, 'in.log')}`,
      `--pid=${pidFile}`,
    ];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(0);
    await expect.poll(() => existsSync(pidFile), { timeout: 8000 }).toBe(true);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(pid).not.toBe(r.pid);
    expect(() => process.kill(pid, 0)).not.toThrow();
    process.kill(pid, 'SIGTERM');
    await expect
      .poll(
        () => {
          try {
            process.kill(pid, 0);
            return 'running';
          } catch {
            return 'gone';
          }
        },
        { timeout: 8000 },
      )
      .toBe('gone');
  });

  it('refuses to detach with standard input as an input', () => {
    const r = spawnSync(process.execPath, [MAIN, '--detach', '--input=-', '--conf=/dev/null'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("can't detach");
  });
});
