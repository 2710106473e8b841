/**
 * END TO END, slow (about 10-30 s, most of it `npm ci`): the image's start command, run from a
 * clean `npm ci --omit=dev` tree built the way the Dockerfile builds /app, with /etc/syscorr
 * and /var/lib/syscorr replaced by temporary directories and the ports by free ones. It proves
 * the runtime image has every file and production dependency syscorr needs, without Docker.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/ingest/daemon.js';
import { poll } from '../support/poll.js';
import { loggedPort } from '../support/syslog-process.js';
import { sendUdp } from '../support/syslog-senders.js';
import { dockerfile, healthcheck, MAIN_JS, readRepoFile, runtimeStage } from './files.js';
import {
  type ImageTree,
  imageTree,
  npmCi,
  replayCopies,
  type StartCommand,
  startCommand,
} from './image-tree.js';
import { httpGet, type Running, startProcess } from './syscorr-process.js';

// A Cisco VPN 3000 concentrator's SEV=1 line: the shipped vpn.sec answers it on stdout at once.
const VPN_FAULT = '<189>4706 11/28/2026 10:06:50.030 SEV=1 HARDMON/7 RPT=56 Power supply B failed';

describe('end to end: the image start command from a clean npm ci --omit=dev tree', () => {
  const file = dockerfile();
  const stage = runtimeStage(file);
  let tree: ImageTree;
  let copied: string[] = [];
  let install = { status: null as number | null, output: '' };
  let start: StartCommand;
  let run: Running | null = null;
  let metricsPort = 0;
  let udpPort = 0;

  beforeAll(async () => {
    expect(existsSync(MAIN_JS), 'dist/main.js: run npm run build').toBe(true);
    tree = imageTree(mkdtempSync(join(tmpdir(), 'syscorr-image-')));
    copied = replayCopies(file, stage, tree);
    install = npmCi(stage, tree, 90_000);
    expect(install.status, install.output).toBe(0);
    metricsPort = await freePort('tcp');
    start = startCommand(stage, tree, metricsPort);
    run = startProcess(start);
    udpPort = await poll(
      () => loggedPort(run?.stderr() ?? '', 'udp') || undefined, // 0: not bound yet
      () => `the UDP listener; stderr so far: ${run?.stderr()}`,
      15_000,
    );
  }, 120_000);

  afterAll(async () => {
    await run?.stop();
    // The tree holds a node_modules: do not leave it in /tmp.
    const root = (tree as ImageTree | undefined)?.root;
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });

  it('holds the program, the shipped config and the defaults of /etc/syscorr', () => {
    expect(copied).toEqual(
      expect.arrayContaining(['/app/package.json', '/app/dist', '/app/config', '/etc/syscorr/syscorr.rc']),
    );
    expect(readdirSync(tree.map('/etc/syscorr')).filter((f) => f.endsWith('.sec')).length).toBeGreaterThan(0);
    expect(start.env.SECRC).toBe(tree.map('/etc/syscorr/syscorr.rc'));
  });

  it('has the production dependencies and none of the dev toolchain', () => {
    const pkg = JSON.parse(readRepoFile('package.json')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const modules = tree.map('/app/node_modules');
    for (const dep of Object.keys(pkg.dependencies)) expect(existsSync(join(modules, dep)), dep).toBe(true);
    for (const dev of Object.keys(pkg.devDependencies))
      expect(existsSync(join(modules, dev)), dev).toBe(false);
  });

  it('binds its listeners, writes its pid file and answers a syslog message with the shipped rules', async () => {
    expect(loggedPort(run?.stderr() ?? '', 'tcp')).toBeGreaterThan(0);
    expect(readFileSync(tree.map('/var/lib/syscorr/syscorr.pid'), 'utf8').trim()).toBe(
      String(run?.child.pid),
    );
    await sendUdp('127.0.0.1', udpPort, [VPN_FAULT]);
    await expect
      .poll(() => run?.stdout() ?? '', { timeout: 10_000 })
      .toContain('CRITICAL VPN concentrator 127.0.0.1 fault HARDMON/7: Power supply B failed');
    expect(run?.stderr()).not.toMatch(/Can't open|error SYS/);
  });

  it('writes the dump into /var/lib/syscorr on SIGUSR1', async () => {
    run?.child.kill('SIGUSR1');
    await expect
      .poll(() => existsSync(tree.map('/var/lib/syscorr/syscorr.dump')), { timeout: 10_000 })
      .toBe(true);
  });

  it('is ready on /-/ready, counts the message on /metrics, and passes the image HEALTHCHECK', async () => {
    await expect
      .poll(async () => (await httpGet(`http://127.0.0.1:${metricsPort}/-/ready`)).status, {
        timeout: 10_000,
      })
      .toBe(200);
    const metrics = await httpGet(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.body).toMatch(
      /^syscorr_syslog_messages_received_total\{[^}]*transport="udp"[^}]*\} [1-9]/m,
    );
    const [, ...args] = healthcheck(stage);
    const child = spawn(
      process.execPath,
      args.map((a) => a.replaceAll('127.0.0.1:8514', `127.0.0.1:${metricsPort}`)),
      { stdio: 'ignore', timeout: 10_000 },
    );
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
  });

  it('stops cleanly on SIGTERM, as docker stop sends it through tini', async () => {
    expect(await run?.stop()).toBe(0);
  });
});
