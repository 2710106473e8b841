import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeWithProgram } from '../support/external.js';
import { loggedMetricsUrl, loggedPort } from '../support/syslog-process.js';
import { TestCa } from '../support/test-certs.js';

const MAIN = new URL('../../dist/main.js', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;

interface Running {
  child: ChildProcess;
  out: () => string;
  port: (transport: 'udp' | 'tcp' | 'tls') => Promise<number>;
}

/** Starts syscorr with listeners on port 0 and learns the bound ports from its log (metrics off unless args name --metrics). */
function start(args: string[], dir: string): Running {
  const log = join(dir, 'syscorr.log');
  const metrics = args.some((a) => a.startsWith('--metrics=')) ? [] : ['--nometrics'];
  const child = spawn(process.execPath, [MAIN, ...args, `--log=${log}`, '--poll-timeout=0.05', ...metrics], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString('latin1');
  });
  const port = async (transport: 'udp' | 'tcp' | 'tls'): Promise<number> => {
    let found = 0;
    await expect
      .poll(
        () => {
          found = loggedPort(readFileSafe(log), transport);
          return found;
        },
        { timeout: 8000, interval: 20 },
      )
      .toBeGreaterThan(0);
    return found;
  };
  return { child, out: () => out, port };
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return '';
  }
}

describeWithProgram(
  'logger',
  'syslog from a real client (util-linux logger) into a running syscorr',
  (logger) => {
    it.each([
      ['on the network thread (default)', []],
      ['on the engine thread (--nonetwork-thread)', ['--nonetwork-thread']],
    ])(
      'UDP RFC 5424 and RFC 3164, TCP with octet counting: rules see the classic line and the fields, %s',
      async (_, mode) => {
        const dir = mkdtempSync(join(tmpdir(), 'syscorr-syslog-'));
        writeFileSync(
          join(dir, 'r.sec'),
          'type=Single\nptype=RegExp\npattern=sshd(?:\\[\\d+\\])?: (Failed password for \\S+)\ndesc=d\n' +
            'action=write - $+{_host}|$+{_app}|$+{_severity}|$+{_facility}|$1|$+{_inputsrc}|$+{_sd_meta_x}\n',
        );
        const run = start(
          [`--conf=${join(dir, 'r.sec')}`, '--input=udp://127.0.0.1:0', '--input=tcp://127.0.0.1:0', ...mode],
          dir,
        );
        try {
          const udp = await run.port('udp');
          const tcp = await run.port('tcp');
          const send = (extra: string[], text: string) =>
            spawnSync(logger, ['-n', '127.0.0.1', '-t', 'sshd', '-p', 'auth.warning', ...extra, text]);
          send(
            ['-d', '-P', String(udp), '--rfc5424', '--sd-id', 'meta', '--sd-param', 'x="1"'],
            'Failed password for root',
          );
          await expect.poll(run.out, { timeout: 8000 }).toContain('Failed password for root');
          send(['-d', '-P', String(udp), '--rfc3164'], 'Failed password for alice');
          await expect.poll(run.out, { timeout: 8000 }).toContain('Failed password for alice');
          send(['-T', '-P', String(tcp), '--octet-count'], 'Failed password for bob');
          await expect.poll(run.out, { timeout: 8000 }).toContain('Failed password for bob');
          const lines = run.out().trim().split('\n');
          expect(lines[0]).toMatch(
            /^\S+\|sshd\|warning\|auth\|Failed password for root\|udp:\/\/127\.0\.0\.1:0\|1$/,
          );
          expect(lines[1]).toMatch(
            /^\S+\|sshd\|warning\|auth\|Failed password for alice\|udp:\/\/127\.0\.0\.1:0\|$/,
          );
          expect(lines[2]).toMatch(
            /^\S+\|sshd\|warning\|auth\|Failed password for bob\|tcp:\/\/127\.0\.0\.1:0\|$/,
          );
        } finally {
          run.child.kill('SIGTERM');
        }
      },
    );

    it('the VPN scenario: SEV=1/SEV=2 concentrator lines over UDP trigger the shipped VPN ruleset', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'syscorr-vpn-'));
      const run = start([`--conf=${ROOT}config/*.sec`, '--input=udp://127.0.0.1:0'], dir);
      try {
        const udp = await run.port('udp');
        // A VPN 3000 concentrator sends no RFC 3164 header: `<PRI>seq MM/DD/YYYY time SEV=n ...`.
        const socket = createSocket('udp4');
        const send = (text: string) =>
          new Promise<void>((resolve) =>
            socket.send(Buffer.from(text, 'latin1'), udp, '127.0.0.1', () => resolve()),
          );
        await send(
          '<189>4706 11/28/2026 10:06:50.030 SEV=1 HARDMON/7 RPT=56 Power supply B failed, check the power cord',
        );
        await send(
          '<190>4707 11/28/2026 10:06:51.100 SEV=2 AUTH/28 RPT=57 User [bob] Group [vpn] disconnected',
        );
        socket.close();
        // The shipped rules (config/vpn-alerts.sec) open the collection context and alert on SEV=1,
        // with the sender's address where the file example had the host name.
        await expect
          .poll(run.out, { timeout: 8000 })
          .toContain(
            'CRITICAL VPN concentrator 127.0.0.1 fault HARDMON/7: Power supply B failed, check the power cord',
          );
        expect(run.out()).toContain(
          'NOTICE VPN device alert: collecting severity 1-2 events for 120 s (first from 127.0.0.1)',
        );
      } finally {
        run.child.kill('SIGTERM');
      }
    });
  },
);

it('a bind error is a clear start-up error naming the address', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-bind-'));
  writeFileSync(join(dir, 'r.sec'), 'type=Single\nptype=SubStr\npattern=x\ndesc=d\naction=none\n');
  const r = spawnSync(
    process.execPath,
    [MAIN, `--conf=${join(dir, 'r.sec')}`, '--input=tcp://192.0.2.1:5514'],
    {
      encoding: 'utf8',
      timeout: 10_000,
    },
  );
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('tcp://192.0.2.1:5514');
});

it('per-listener line format and time zone: ?format=raw gives the message only, ?tz= renders zone-less times in that zone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-format-'));
  writeFileSync(
    join(dir, 'r.sec'),
    'type=Single\nptype=RegExp\npattern=^(.*link down.*)$\ndesc=d\naction=write - $+{_inputsrc}|$1\n',
  );
  const run = start(
    [
      `--conf=${join(dir, 'r.sec')}`,
      '--input=udp://127.0.0.1:0?format=raw=RAW',
      '--input=tcp://127.0.0.1:0?tz=Asia/Kolkata&maxframe=4k',
    ],
    dir,
  );
  try {
    const udp = await run.port('udp');
    const tcp = await run.port('tcp');
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) =>
      socket.send(Buffer.from('<187>Nov 28 10:00:00 rtr1 LINK: Gi0/1 link down'), udp, '127.0.0.1', () =>
        resolve(),
      ),
    );
    socket.close();
    await expect.poll(run.out, { timeout: 8000 }).toContain('Gi0/1 link down');
    // A 5424 timestamp in UTC, rendered as the classic line in the listener's zone (UTC+05:30).
    const { connect } = await import('node:net');
    const client = connect({ host: '127.0.0.1', port: tcp });
    client.end('<187>1 2026-11-28T10:00:00Z rtr2 LINK - - - Gi0/2 link down\n');
    await expect.poll(run.out, { timeout: 8000 }).toContain('Gi0/2 link down');
    const lines = run.out().trim().split('\n');
    expect(lines[0]).toBe('udp://127.0.0.1:0?format=raw|Gi0/1 link down');
    expect(lines[1]).toBe(
      'tcp://127.0.0.1:0?tz=Asia/Kolkata&maxframe=4k|Nov 28 15:30:00 rtr2 LINK: Gi0/2 link down',
    );
  } finally {
    run.child.kill('SIGTERM');
  }
});

it('a listener setting that does not parse is reported with the listener and the reason', () => {
  const r = spawnSync(
    process.execPath,
    [MAIN, '--testonly', '--conf=/dev/null', '--input=udp://127.0.0.1:5514?rcvbuf=huge'],
    { encoding: 'utf8', timeout: 10_000 },
  );
  expect(r.stderr).toContain("'udp://127.0.0.1:5514?rcvbuf=huge': rcvbuf needs a size in bytes");
});

describeWithProgram(
  'openssl',
  'a TLS listener configured on the command line (RFC 5425, issue 5)',
  (openssl) => {
    it('reads cert/key/ca/subject from the URL: an allowed client is heard, another subject is refused and counted', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'syscorr-tls-'));
      const ca = new TestCa(openssl, dir);
      const f = (name: string) => ca.path(name);
      for (const name of ['server', 'rtr1', 'rtr2']) ca.signed(name, name);
      writeFileSync(
        f('r.sec'),
        'type=Single\nptype=RegExp\npattern=link down\ndesc=d\naction=write - $+{_host} $+{_inputsrc}\n',
      );
      const url = `tls://127.0.0.1:0?cert=${f('server.crt')}&key=${f('server.key')}&ca=${f('ca.crt')}&subject=rtr1`;
      // Metrics on port 0: the kernel picks a free one and the log names it.
      const run2 = start([`--conf=${f('r.sec')}`, `--input=${url}`, '--metrics=127.0.0.1:0'], dir);
      try {
        const port = await run2.port('tls');
        const { connect } = await import('node:tls');
        const send = (name: string, host: string) =>
          new Promise<void>((resolve) => {
            const s = connect({
              host: '127.0.0.1',
              port,
              ca: readFileSync(f('ca.crt')),
              cert: readFileSync(f(`${name}.crt`)),
              key: readFileSync(f(`${name}.key`)),
              checkServerIdentity: () => undefined,
            });
            s.on('error', () => resolve());
            s.on('close', () => resolve());
            s.on('secureConnect', () => s.end(`<187>Nov 28 10:00:00 ${host} LINK: Gi0/1 link down\n`));
          });
        await send('rtr2', 'refused-host');
        await send('rtr1', 'allowed-host');
        await expect.poll(run2.out, { timeout: 8000 }).toContain('allowed-host');
        expect(run2.out()).not.toContain('refused-host');
        expect(run2.out().trim()).toBe(`allowed-host ${url}`);
        const served = loggedMetricsUrl(readFileSafe(join(dir, 'syscorr.log')));
        expect(served).not.toBeNull();
        const metrics = await (await fetch(served ?? '')).text();
        expect(metrics).toMatch(
          /syscorr_syslog_tls_handshake_failures_total\{[^}]*reason="subject"[^}]*\} 1/,
        );
      } finally {
        run2.child.kill('SIGTERM');
      }
    });
  },
);
