import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { engineSection } from './engine/section.js';
import { ingestSection } from './ingest/section.js';
import { loadSection } from './load-rules.js';
import { describeMachine } from './machine.js';
import { parseBenchArgs, type SectionName } from './options.js';
import { renderReport, type Section } from './report.js';
import { scalingSection } from './scaling/section.js';

/**
 * `npm run bench [-- engine|load|scaling|ingest|quick|write]`: runs the sections, prints the
 * Markdown report and, for a full run, rewrites docs/benchmarks.md with it. Progress goes to
 * standard error so that standard output is the report alone.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const parsed = parseBenchArgs(process.argv.slice(2), join(root, 'docs', 'benchmarks.md'));
if ('error' in parsed) {
  console.error(parsed.error);
  process.exit(2);
}
const log = (message: string): void => {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
};
const quick = parsed.quick;

const runners: Record<SectionName, () => Promise<Section | Section[]>> = {
  engine: () =>
    engineSection({
      root,
      quick,
      log,
      plan: quick
        ? { targetSeconds: 0.2, runs: 1, minLines: 50, maxLines: 20_000 }
        : { targetSeconds: 2, runs: 5, minLines: 100, maxLines: 1_500_000 },
    }),
  load: () => loadSection(root, quick ? [100, 1000] : [100, 1000, 10_000], quick ? 1 : 5, log),
  scaling: () => scalingSection({ quick, log }),
  ingest: () => ingestSection({ root, quick, log }),
};

const machine = describeMachine();
const t0 = performance.now();
const sections: Section[] = [];
for (const name of parsed.sections) {
  log(`section ${name}`);
  try {
    sections.push(...[await runners[name]()].flat());
  } catch (err) {
    const reason = err instanceof Error ? (err.stack ?? err.message) : String(err);
    log(`section ${name} failed: ${reason}`);
    sections.push({
      title: `${name}: failed`,
      method: '',
      columns: ['error'],
      rows: [[reason.split('\n')[0] ?? '']],
      notes: [],
      checks: [],
      alarms: [`section ${name} failed`],
    });
  }
}
const args = process.argv.slice(2);
const report = renderReport({
  machine,
  command: `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`,
  seconds: (performance.now() - t0) / 1000,
  loadAtEnd: loadavg()[0] ?? 0,
  sections,
});
process.stdout.write(report);
if (parsed.out !== null) {
  writeFileSync(parsed.out, report);
  log(`wrote ${parsed.out}`);
} else {
  log('docs/benchmarks.md not rewritten (subset or quick run; add "write" to rewrite it)');
}
const alarms = sections.flatMap((s) => s.alarms ?? []);
if (alarms.length > 0) {
  console.error(`\n!!! ${alarms.length} alarm(s): a speed-up must not change behaviour`);
  for (const a of alarms) console.error(`!!! ${a}`);
  process.exitCode = 1;
}
