import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * vitest globalSetup: every test run gets its own temporary root. Tests and the programs they
 * start (syscorr, sec, rsyslogd, prometheus) make their work folders with os.tmpdir(), which
 * reads TMPDIR; pointing it at one folder per run and removing that folder at the end means a
 * run leaves nothing in /tmp, whether or not a test tidied after itself (a killed child or a
 * failed assertion often cannot).
 */

const KEY = 'SYSCORR_TEST_TMP_ROOT';

export function setup(): void {
  const root = mkdtempSync(join(tmpdir(), 'syscorr-test-run-'));
  // Traversable like /tmp itself: a test that drops privileges (--user=nobody) reads below it.
  chmodSync(root, 0o755);
  process.env[KEY] = root;
  process.env.TMPDIR = root;
}

export function teardown(): void {
  const root = process.env[KEY];
  if (root === undefined) return;
  rmSync(root, { recursive: true, force: true });
}
