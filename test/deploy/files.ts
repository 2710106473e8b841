/** The deploy files under test, read once per call, and what several tests derive from them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import {
  type Dockerfile,
  execForm,
  instructionsOf,
  keyValues,
  lastOf,
  parseDockerfile,
  type Stage,
} from './dockerfile.js';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const DEPLOY = join(ROOT, 'deploy');
export const MAIN_JS = join(ROOT, 'dist', 'main.js');

export function readRepoFile(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

export function dockerfile(): Dockerfile {
  return parseDockerfile(readRepoFile('Dockerfile'));
}

/** The stage the image is made of: the last one. */
export function runtimeStage(file: Dockerfile = dockerfile()): Stage {
  const stage = file.stages.at(-1);
  if (stage === undefined) throw new Error('the Dockerfile has no FROM');
  return stage;
}

function execOf(stage: Stage, keyword: string): string[] {
  const ins = lastOf(stage, keyword);
  if (ins === undefined) throw new Error(`the runtime stage has no ${keyword}`);
  const argv = execForm(ins.args);
  if (argv === null) throw new Error(`line ${ins.line}: ${keyword} is not in exec form`);
  return argv;
}

export function entrypoint(stage: Stage = runtimeStage()): string[] {
  return execOf(stage, 'ENTRYPOINT');
}

export function cmd(stage: Stage = runtimeStage()): string[] {
  return execOf(stage, 'CMD');
}

/** ENV of the runtime stage, later assignments winning. */
export function imageEnv(stage: Stage = runtimeStage()): Map<string, string> {
  const env = new Map<string, string>();
  for (const ins of instructionsOf(stage, 'ENV')) for (const [k, v] of keyValues(ins.args)) env.set(k, v);
  return env;
}

/** The exec-form argv of the HEALTHCHECK (without its options and the CMD keyword). */
export function healthcheck(stage: Stage = runtimeStage()): string[] {
  const ins = lastOf(stage, 'HEALTHCHECK');
  if (ins === undefined) throw new Error('no HEALTHCHECK');
  const m = /^(?:--[a-z-]+=\S+\s+)*CMD\s+(.*)$/s.exec(ins.args);
  const argv = m === null ? null : execForm(m[1] ?? '');
  if (argv === null) throw new Error(`line ${ins.line}: HEALTHCHECK is not CMD in exec form`);
  return argv;
}

export function compose(): Record<string, unknown> {
  return parseYaml(readRepoFile('deploy/compose.yaml')) as Record<string, unknown>;
}

export function kubernetes(): Record<string, unknown>[] {
  return parseAllDocuments(readRepoFile('deploy/kubernetes/syscorr.yaml'))
    .map((d) => d.toJS() as Record<string, unknown> | null)
    .filter((d): d is Record<string, unknown> => d !== null);
}

/** A nested property by path, for assertions on parsed YAML (undefined when a step is missing). */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let cur = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}
