import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const RULE_FIXTURES = new URL('../fixtures/rules/', import.meta.url).pathname;

/** The `# key: value` header of a rule fixture (see test/fixtures/rules/README.md). */
export interface FixtureHeader {
  readonly path: string;
  readonly name: string;
  readonly expectSec: 'valid' | 'invalid';
  readonly syscorr: 'rejects-perl' | 'rejects-regex' | 'accepts-2.9.4' | null;
  readonly errorLine: number | null;
  readonly family: string | null;
  readonly secArgs: readonly string[];
  readonly covers: readonly string[];
}

function header(path: string, name: string): FixtureHeader {
  const text = readFileSync(path, 'latin1');
  const fields = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.startsWith('#')) break;
    const m = /^#\s*([a-z0-9-]+):\s*(.*)$/.exec(line);
    if (m?.[1] !== undefined) fields.set(m[1], (m[2] ?? '').trim());
  }
  const expectSec = fields.get('expect-sec');
  if (expectSec !== 'valid' && expectSec !== 'invalid') throw new Error(`${path}: no expect-sec header`);
  const syscorr = fields.get('syscorr') ?? null;
  if (
    syscorr !== null &&
    syscorr !== 'rejects-perl' &&
    syscorr !== 'rejects-regex' &&
    syscorr !== 'accepts-2.9.4'
  ) {
    throw new Error(`${path}: unknown syscorr header '${syscorr}'`);
  }
  const errorLine = fields.get('error-line');
  return {
    path,
    name,
    expectSec,
    syscorr,
    errorLine: errorLine === undefined ? null : Number.parseInt(errorLine, 10),
    family: fields.get('family') ?? null,
    secArgs: (fields.get('sec-args') ?? '').split(/\s+/).filter((a) => a !== ''),
    covers: (fields.get('covers') ?? '').split(/\s+/).filter((a) => a !== ''),
  };
}

/** Every fixture under test/fixtures/rules/{valid,invalid}, sorted by name. */
export function ruleFixtures(): FixtureHeader[] {
  const out: FixtureHeader[] = [];
  for (const dir of ['valid', 'invalid']) {
    for (const name of readdirSync(join(RULE_FIXTURES, dir)).sort()) {
      if (name.endsWith('.sec')) out.push(header(join(RULE_FIXTURES, dir, name), `${dir}/${name}`));
    }
  }
  return out;
}

/** Shipped rulesets, which must be valid for both engines. */
export function shippedRulesets(): string[] {
  const dir = new URL('../../config/', import.meta.url).pathname;
  return readdirSync(dir)
    .filter((n) => n.endsWith('.sec'))
    .sort()
    .map((n) => join(dir, n));
}
