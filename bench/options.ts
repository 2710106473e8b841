/** The sections of the suite, in the order they run and appear in the report. */
export const SECTIONS = ['engine', 'load', 'scaling', 'ingest'] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface BenchOptions {
  readonly sections: readonly SectionName[];
  readonly quick: boolean;
  /** Where the Markdown report goes; null: only printed. */
  readonly out: string | null;
}

export const USAGE = `usage: npm run bench -- [engine] [load] [scaling] [ingest] [quick] [write | --out=FILE]
  no section named: all of them; quick: small sizes, one run (a smoke run, figures are rough)
  docs/benchmarks.md is rewritten by a full run (every section, not quick) or when 'write' is given`;

/**
 * `npm run bench -- engine quick`: words name sections; `quick` shrinks every size. Only a full
 * run rewrites docs/benchmarks.md by default, so a subset never replaces the published table.
 */
export function parseBenchArgs(
  argv: readonly string[],
  defaultOut: string,
): BenchOptions | { error: string } {
  const sections: SectionName[] = [];
  let quick = false;
  let write: boolean | null = null;
  let out = defaultOut;
  for (const arg of argv) {
    const word = arg.replace(/^--?/, '');
    if ((SECTIONS as readonly string[]).includes(word)) sections.push(word as SectionName);
    else if (word === 'quick') quick = true;
    else if (word === 'write') write = true;
    else if (word === 'nowrite' || word === 'no-write') write = false;
    else if (word.startsWith('out=')) {
      out = word.slice(4);
      write = true;
    } else if (word === 'help' || word === 'h') return { error: USAGE };
    else return { error: `unknown argument '${arg}'\n${USAGE}` };
  }
  const all = sections.length === 0;
  const chosen = all ? [...SECTIONS] : SECTIONS.filter((s) => sections.includes(s));
  const shouldWrite = write ?? (all && !quick);
  return { sections: chosen, quick, out: shouldWrite ? out : null };
}
