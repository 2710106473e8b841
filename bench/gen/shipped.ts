import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The shipped rulesets as one --conf glob, and the files it covers. */
export interface ShippedRules {
  readonly glob: string;
  /** The glob relative to the repository root, for the report. */
  readonly shown: string;
  readonly files: readonly string[];
}

/** Where the shipped rulesets may live, newest layout first (they moved from config/rules/). */
const CANDIDATES = ['config', 'config/rules'];

/** The first of config/*.sec or config/rules/*.sec that has rule files; null if neither does. */
export function findShippedRules(root: string): ShippedRules | null {
  for (const dir of CANDIDATES) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    const files = readdirSync(abs)
      .filter((f) => f.endsWith('.sec'))
      .sort()
      .map((f) => join(abs, f));
    if (files.length > 0)
      return { glob: join(abs, '*.sec'), shown: join(relative(root, abs), '*.sec'), files };
  }
  return null;
}
