/**
 * The image's file system and start command, rebuilt in a temporary directory without Docker:
 * the runtime stage's COPY instructions are replayed (paths mapped into the directory), its
 * `npm ci` runs there, and its ENTRYPOINT + CMD become an argv for this machine.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { type Dockerfile, instructionsOf, type Stage, shellWords, splitFlags } from './dockerfile.js';
import { cmd, entrypoint, imageEnv, ROOT } from './files.js';

export interface ImageTree {
  /** Maps an absolute path of the image to this machine. */
  readonly map: (imagePath: string) => string;
  readonly root: string;
}

/** Image directories that get their own place in the temporary tree. */
const MOUNTS = ['/app', '/etc/syscorr', '/var/lib/syscorr'];

export function imageTree(root: string): ImageTree {
  const map = (imagePath: string): string => {
    for (const m of MOUNTS)
      if (imagePath === m || imagePath.startsWith(`${m}/`))
        return join(root, m.slice(1), imagePath.slice(m.length));
    throw new Error(`no place for the image path ${imagePath}`);
  };
  for (const m of MOUNTS) mkdirSync(map(m), { recursive: true });
  return { map, root };
}

/** The build stage's WORKDIR is the repository root: its outputs (dist/) are taken from here. */
function sourceOf(file: Dockerfile, from: string | undefined, src: string): string {
  if (from === undefined) return join(ROOT, src);
  const stage = file.stages.find((s) => s.name === from);
  const workdir = stage === undefined ? '/' : (instructionsOf(stage, 'WORKDIR').at(-1)?.args.trim() ?? '/');
  return join(ROOT, posix.relative(workdir, posix.resolve(workdir, src)));
}

/** Sources with a `*` in their last segment, expanded like Docker does. */
function expand(path: string): string[] {
  const name = basename(path);
  if (!name.includes('*')) return [path];
  const re = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*')}$`);
  return readdirSync(dirname(path))
    .filter((f) => re.test(f))
    .map((f) => join(dirname(path), f));
}

/** Replays the runtime stage's COPY instructions into the tree, honouring WORKDIR. */
export function replayCopies(file: Dockerfile, stage: Stage, tree: ImageTree): string[] {
  let workdir = '/';
  const copied: string[] = [];
  for (const ins of stage.instructions) {
    if (ins.keyword === 'WORKDIR') workdir = posix.resolve(workdir, ins.args.trim());
    if (ins.keyword !== 'COPY') continue;
    const { flags, rest } = splitFlags(ins.args);
    const words = shellWords(rest);
    const dest = posix.resolve(workdir, words.at(-1) ?? '.');
    const sources = words.slice(0, -1).flatMap((s) => expand(sourceOf(file, flags.get('from'), s)));
    const intoDir = (words.at(-1) ?? '').endsWith('/') || sources.length > 1;
    for (const src of sources) {
      const target = intoDir ? posix.join(dest, basename(src)) : dest;
      cpSync(src, tree.map(target), { recursive: true });
      copied.push(target);
    }
  }
  return copied;
}

/** The runtime stage's `npm ci ...` command, as words (the rest of that RUN line is left out). */
export function npmCiWords(stage: Stage): string[] {
  for (const run of instructionsOf(stage, 'RUN'))
    for (const part of run.args.split('&&')) {
      const words = shellWords(part);
      if (words[0] === 'npm' && words[1] === 'ci') return words;
    }
  throw new Error('the runtime stage runs no npm ci');
}

/** Runs that `npm ci` in the tree's /app, from the local npm cache when it can. */
export function npmCi(
  stage: Stage,
  tree: ImageTree,
  timeoutMs: number,
): { status: number | null; output: string } {
  const [, ...args] = npmCiWords(stage);
  const run = spawnSync('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: tree.map('/app'),
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

export interface StartCommand {
  readonly argv: string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/**
 * ENTRYPOINT + CMD for this machine: tini is left out (it only forwards signals and reaps),
 * `node` is this node, image paths point into the tree, listeners bind 127.0.0.1 on a free
 * port (0: chosen by the kernel) and metrics on `metricsPort`.
 */
export function startCommand(stage: Stage, tree: ImageTree, metricsPort: number): StartCommand {
  const entry = entrypoint(stage);
  const node = entry.indexOf('node');
  if (node < 0) throw new Error(`the ENTRYPOINT does not run node: ${JSON.stringify(entry)}`);
  const mapArg = (arg: string): string =>
    arg
      .replace(/^(--input=(?:udp|tcp):\/\/)0\.0\.0\.0:514$/, '$1127.0.0.1:0')
      .replace(/^--metrics=0\.0\.0\.0:8514$/, `--metrics=127.0.0.1:${metricsPort}`)
      .replace(/(\/app|\/etc\/syscorr|\/var\/lib\/syscorr)(\/[^\s]*)?/g, (path) => tree.map(path));
  const argv = [process.execPath, ...entry.slice(node + 1).map(mapArg), ...cmd(stage).map(mapArg)];
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: tree.map('/var/lib/syscorr') };
  for (const [k, v] of imageEnv(stage)) env[k] = mapArg(v);
  const workdir = instructionsOf(stage, 'WORKDIR').at(-1)?.args.trim() ?? '/app';
  return { argv, env, cwd: tree.map(workdir) };
}
