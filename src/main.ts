#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli.js';

const status = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
  stderrIsTty: process.stderr.isTTY,
  detach: (args) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), ...args], {
      cwd: '/',
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, SYSCORR_DETACHED: '1' },
    });
    child.unref();
  },
});
process.exitCode = status;
