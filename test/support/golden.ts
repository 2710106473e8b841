import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRuleText } from '../../src/config/load.js';
import { isSupported } from '../../src/engine/rules/index.js';

export const GOLDEN_DIR = new URL('../golden/', import.meta.url).pathname;

/** One folder of test/golden (format: test/golden/README.md). */
export interface GoldenCase {
  readonly name: string;
  readonly dir: string;
  readonly meta: ReadonlyMap<string, string>;
  readonly mode: 'notail' | 'timed';
  readonly compare: 'exact' | 'sorted';
  readonly secSkip: string | null;
}

function readMeta(dir: string): Map<string, string> {
  const meta = new Map<string, string>();
  const path = join(dir, 'meta');
  if (!existsSync(path)) return meta;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^([a-z-]+):\s*(.*)$/.exec(line);
    if (m?.[1] !== undefined) meta.set(m[1], (m[2] ?? '').trim());
  }
  return meta;
}

export function goldenCases(): GoldenCase[] {
  return readdirSync(GOLDEN_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(GOLDEN_DIR, name);
      const meta = readMeta(dir);
      const compare = (meta.get('compare') ?? '').startsWith('sorted') ? 'sorted' : 'exact';
      const skip = meta.get('sec') ?? '';
      return {
        name,
        dir,
        meta,
        mode: meta.get('mode') === 'timed' ? 'timed' : 'notail',
        compare,
        secSkip: skip.startsWith('skip') ? skip.slice(4).trim() || 'skip' : null,
      } as const;
    });
}

/** A work folder laid out as regenerate.sh does: rules with $GOLDEN_OUT replaced, inputs without time prefixes. */
export function prepareWork(c: GoldenCase): {
  work: string;
  out: string;
  argv: string[];
  env: Record<string, string>;
} {
  const work = mkdtempSync(join(tmpdir(), `golden-${c.name}-`));
  const out = join(work, 'out');
  mkdirSync(out);
  const argv: string[] = ['--notail'];
  const files = readdirSync(c.dir).sort();
  for (const f of files.filter((n) => /^rules.*\.sec$/.test(n))) {
    writeFileSync(
      join(work, f),
      readFileSync(join(c.dir, f), 'latin1').replaceAll('$GOLDEN_OUT', out),
      'latin1',
    );
    argv.push(`--conf=${f}`);
  }
  for (const f of files.filter((n) => n.startsWith('input'))) {
    const text = readFileSync(join(c.dir, f), 'latin1').replace(/^[+@][0-9]+ /gm, '');
    writeFileSync(join(work, f), text, 'latin1');
  }
  let hasInput = false;
  if (existsSync(join(c.dir, 'args'))) {
    for (const line of readFileSync(join(c.dir, 'args'), 'latin1').split('\n')) {
      if (line === '') continue;
      const arg = line.replaceAll('$GOLDEN_OUT', out);
      if (/^--input[= ]/.test(arg)) hasInput = true;
      argv.push(arg);
    }
  }
  if (!hasInput) argv.push('--input=input');
  // Optional `env`: NAME=VALUE lines ($CASE_DIR = the case folder, $GOLDEN_OUT as in args).
  const env: Record<string, string> = {};
  if (existsSync(join(c.dir, 'env'))) {
    for (const line of readFileSync(join(c.dir, 'env'), 'latin1').split('\n')) {
      const eq = line.indexOf('=');
      if (eq <= 0) continue;
      env[line.slice(0, eq)] = line
        .slice(eq + 1)
        .replaceAll('$CASE_DIR', c.dir)
        .replaceAll('$GOLDEN_OUT', out);
    }
  }
  return { work, out, argv, env };
}

/** Runs a program to completion with stdout through a pipe (so children that inherit it are waited for). */
export function runCaptured(
  cmd: string,
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
  timeoutMs = 20_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, ...env },
    });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} timed out after ${timeoutMs} ms in ${cwd}`));
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.stdout.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

export function expectedFiles(c: GoldenCase): Map<string, string> {
  const dir = join(c.dir, 'expected.files');
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir).sort()) files.set(name, readFileSync(join(dir, name), 'latin1'));
  return files;
}

export function actualFiles(out: string, names: Iterable<string>): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of names) {
    const p = join(out, name);
    files.set(name, existsSync(p) ? readFileSync(p, 'latin1') : '<missing>');
  }
  return files;
}

/** Signals whose handling (restart, soft restart, dump) arrives with the operations issue. */
const PENDING_SIGNALS = /sigemul\s+(hup|abrt|usr1|int)\b/i;

/** Why syscorr cannot run this case yet (a rule type without a handler, a pending signal), or null. */
export function pendingReason(c: GoldenCase): string | null {
  for (const f of readdirSync(c.dir).filter((n) => /^rules.*\.sec$/.test(n))) {
    const text = readFileSync(join(c.dir, f), 'latin1');
    const rule = loadRuleText(text, f, { bufsize: 0 }).file.rules.find((r) => !isSupported(r));
    if (rule !== undefined) return `rule type ${rule.type}`;
    const sig = PENDING_SIGNALS.exec(text);
    if (sig !== null) return `signal ${sig[1]}`;
  }
  return null;
}

/**
 * The output syscorr must give: SEC's, except where a case names an intended difference
 * (`syscorr: differs <reason>` in meta, with the expected output in expected.syscorr.out).
 */
export function expectedForSyscorr(c: GoldenCase): string {
  const override = join(c.dir, 'expected.syscorr.out');
  if (existsSync(override)) {
    if (!(c.meta.get('syscorr') ?? '').startsWith('differs')) {
      throw new Error(`${c.name}: expected.syscorr.out without a 'syscorr: differs <reason>' line in meta`);
    }
    return readFileSync(override, 'latin1');
  }
  return readFileSync(join(c.dir, 'expected.out'), 'latin1');
}

export function normalise(text: string, compare: 'exact' | 'sorted'): string {
  return compare === 'sorted' ? text.split('\n').sort().join('\n') : text;
}
