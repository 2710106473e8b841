/**
 * A Prometheus histogram read from two scrapes of the text format: what was observed between
 * them, by bucket. The bench reads syscorr's own syscorr_event_processing_latency_seconds
 * (receipt by the listener → the rules done, every event) beside its probe round trips.
 */

/** Cumulative bucket counts by upper bound (seconds; +Inf included) of one histogram in a scrape. */
export function histogramBuckets(text: string, name: string): Map<number, number> {
  const out = new Map<number, number>();
  const prefix = `${name}_bucket{`;
  for (const line of text.split('\n')) {
    if (!line.startsWith(prefix)) continue;
    const le = /[{,]le="([^"]+)"/.exec(line);
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (le?.[1] === undefined || !Number.isFinite(value)) continue;
    const bound = le[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(le[1]);
    out.set(bound, (out.get(bound) ?? 0) + value);
  }
  return out;
}

/** What the histogram observed between two scrapes: its count, and the bound its quantile q falls under. */
export interface HistogramWindow {
  readonly count: number;
  /** The smallest bucket bound (seconds) holding at least q of the observations; null without any. */
  readonly quantileAtMost: number | null;
}

export function histogramWindow(
  before: ReadonlyMap<number, number>,
  after: ReadonlyMap<number, number>,
  q: number,
): HistogramWindow {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const delta = bounds.map((b) => (after.get(b) ?? 0) - (before.get(b) ?? 0));
  const count = delta.at(-1) ?? 0;
  if (count <= 0) return { count: 0, quantileAtMost: null };
  const i = delta.findIndex((c) => c >= q * count);
  return { count, quantileAtMost: bounds[i] ?? null };
}
