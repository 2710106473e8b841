import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const MAIN = new URL('../../dist/main.js', import.meta.url).pathname;

/**
 * `npm start` (README's first command): no options at all runs the appliance on its embedded
 * default: the shipped rulesets, syslog on UDP and TCP 5514, metrics on 8514, mail to the log.
 * This is the one test that binds those fixed ports.
 */
it('with no options, syscorr listens on 5514, serves metrics on 8514 and alerts on an SSH brute force', async () => {
  const child = spawn(process.execPath, [MAIN], {
    cwd: mkdtempSync(join(tmpdir(), 'syscorr-start-')),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString();
  });
  child.stderr.on('data', (b: Buffer) => {
    err += b.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    await expect
      .poll(() => err, { timeout: 15_000 })
      .toContain('Serving metrics on http://0.0.0.0:8514/metrics');
    expect(err).toMatch(/rule\(s\) loaded from 8 file\(s\); 0 error\(s\)/);
    expect(err).toContain('Listening on udp://0.0.0.0:5514');
    expect(err).toContain('Listening on tcp://0.0.0.0:5514');
    const ready = await fetch('http://127.0.0.1:8514/-/ready');
    expect(ready.status).toBe(200);
    const socket = createSocket('udp4');
    for (let i = 0; i < 10; i++) {
      const line = `<38>Nov 28 10:00:0${i} bastion sshd[4711]: Failed password for root from 203.0.113.9 port 40${i} ssh2`;
      await new Promise<void>((resolve) =>
        socket.send(Buffer.from(line), 5514, '127.0.0.1', () => resolve()),
      );
    }
    socket.close();
    await expect
      .poll(() => out, { timeout: 10_000 })
      .toContain('ALERT SSH brute force from 203.0.113.9: 10 failed logins within 60 s');
    // No SMTP configured: the alert mail is written to the log.
    await expect
      .poll(() => err, { timeout: 10_000 })
      .toContain("to root, subject 'SSH brute force from 203.0.113.9'");
    const metrics = await (await fetch('http://127.0.0.1:8514/metrics')).text();
    expect(metrics).toContain(
      'syscorr_syslog_messages_received_total{listener="udp://0.0.0.0:5514",transport="udp"} 10',
    );
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
});
