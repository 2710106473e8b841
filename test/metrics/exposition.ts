/**
 * A small reader of the Prometheus text format (version 0.0.4) for the metrics tests: samples by
 * name and labels, and the TYPE of each family. Written from the format's description, not from
 * prom-client, so a rendering bug shows up as a parse failure here.
 */

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Exposition {
  readonly samples: readonly Sample[];
  /** family name → counter | gauge | histogram | summary | untyped */
  readonly types: ReadonlyMap<string, string>;
}

function parseValue(text: string): number {
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  // Prometheus reads these case-insensitively (Go's ParseFloat); prom-client writes `Nan`.
  if (text.toLowerCase() === 'nan') return Number.NaN;
  const n = Number(text);
  if (text === '' || Number.isNaN(n)) throw new Error(`bad sample value '${text}'`);
  return n;
}

/** `a="x",b="y\"z"` from position `p` (just after `{`); returns the labels and the position after `}`. */
function parseLabels(line: string, start: number): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  let p = start;
  while (line[p] !== '}') {
    const eq = line.indexOf('=', p);
    if (eq < 0 || line[eq + 1] !== '"') throw new Error(`bad labels in: ${line}`);
    const name = line.slice(p, eq);
    let value = '';
    let q = eq + 2;
    for (; q < line.length && line[q] !== '"'; q++) {
      if (line[q] === '\\') {
        q++;
        value += line[q] === 'n' ? '\n' : (line[q] ?? '');
      } else value += line[q];
    }
    if (q >= line.length) throw new Error(`unterminated label value in: ${line}`);
    labels[name] = value;
    p = q + 1;
    if (line[p] === ',') p++;
  }
  return { labels, end: p + 1 };
}

export function parseExposition(text: string): Exposition {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /^# TYPE (\S+) (\S+)$/.exec(line);
      if (m !== null) types.set(m[1] as string, m[2] as string);
      continue;
    }
    const brace = line.indexOf('{');
    const space = line.indexOf(' ');
    if (brace >= 0 && brace < space) {
      const { labels, end } = parseLabels(line, brace + 1);
      samples.push({ name: line.slice(0, brace), labels, value: parseValue(line.slice(end).trim()) });
    } else {
      samples.push({
        name: line.slice(0, space),
        labels: {},
        value: parseValue(line.slice(space + 1).trim()),
      });
    }
  }
  return { samples, types };
}

/** Samples of `name` whose labels include every pair of `labels`. */
export function find(e: Exposition, name: string, labels: Record<string, string> = {}): Sample[] {
  return e.samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
}

/** The one value of `name` with exactly-matching `labels` (throws when absent or ambiguous). */
export function value(e: Exposition, name: string, labels: Record<string, string> = {}): number {
  const hits = find(e, name, labels).filter(
    (s) => Object.keys(s.labels).length === Object.keys(labels).length,
  );
  if (hits.length !== 1) {
    throw new Error(`${name}${JSON.stringify(labels)}: ${hits.length} samples`);
  }
  return (hits[0] as Sample).value;
}

/** The series a family of each TYPE can show: a histogram's are its _bucket/_sum/_count series. */
const SERIES_SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

/**
 * The series names an exposition offers: sample names, and for every `# TYPE` line the names its
 * family can have (a labelled counter shows no sample before its first increment).
 */
export function exposedNames(text: string): Set<string> {
  const e = parseExposition(text);
  const names = new Set(e.samples.map((s) => s.name));
  for (const [family, type] of e.types)
    for (const suffix of SERIES_SUFFIXES[type] ?? ['']) names.add(family + suffix);
  return names;
}

/** The label names each sample name carries in an exposition (le included for buckets). */
export function exposedLabels(text: string): Map<string, Set<string>> {
  const labels = new Map<string, Set<string>>();
  for (const s of parseExposition(text).samples) {
    const set = labels.get(s.name) ?? new Set<string>();
    for (const name of Object.keys(s.labels)) set.add(name);
    labels.set(s.name, set);
  }
  return labels;
}
