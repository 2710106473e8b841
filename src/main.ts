#!/usr/bin/env node
import { runCli } from './cli.js';

const status = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
  stderrIsTty: process.stderr.isTTY,
});
process.exitCode = status;
