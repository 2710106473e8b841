import { Counter, Gauge, type Metric, type Registry } from 'prom-client';
import type { Buckets } from './buckets.js';

/**
 * Series whose values are read from their owner when Prometheus scrapes (prom-client's
 * `collect()` callback), never pushed: the owners keep plain numbers and nothing on a hot path
 * touches prom-client (GUIDE convention 6).
 */

export type Labels = Readonly<Record<string, string>>;

/** What a pulled family reads at scrape time; a null value (unknown) leaves the series out. */
export type Read = () => Iterable<readonly [labels: Labels, value: number | null]>;

export interface FamilySpec {
  readonly name: string;
  readonly help: string;
  readonly labelNames?: readonly string[];
}

function finite(v: number | null): v is number {
  return v !== null && Number.isFinite(v);
}

/** A counter whose values are the monotonic counts `read` returns (a reset shows as a drop). */
export function pulledCounter(registry: Registry, spec: FamilySpec, read: Read): void {
  const counter: Counter<string> = new Counter({
    name: spec.name,
    help: spec.help,
    labelNames: spec.labelNames ?? [],
    registers: [registry],
    collect() {
      counter.reset();
      for (const [labels, value] of read()) if (finite(value) && value >= 0) counter.inc(labels, value);
    },
  });
}

export function pulledGauge(registry: Registry, spec: FamilySpec, read: Read): void {
  const gauge: Gauge<string> = new Gauge({
    name: spec.name,
    help: spec.help,
    labelNames: spec.labelNames ?? [],
    registers: [registry],
    collect() {
      gauge.reset();
      for (const [labels, value] of read()) if (finite(value)) gauge.set(labels, value);
    },
  });
}

/** One value without labels, for the common case of a single series. */
export function one(value: number | null): Iterable<readonly [Labels, number | null]> {
  return [[{}, value]];
}

/** The value format prom-client's registry renders (MetricObjectWithValues). */
interface HistogramValue {
  readonly metricName: string;
  readonly labels: Labels;
  readonly value: number;
}

/**
 * A histogram over a Buckets (plain counts filled on the hot path). prom-client's own Histogram
 * can only be fed one observation at a time, so this is a metric object of the shape its
 * registry renders: name, help, type and get() returning the cumulative `_bucket`, `_sum` and
 * `_count` samples.
 */
class PulledHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly labelNames: readonly string[] = [];
  readonly name: string;
  readonly help: string;
  readonly #buckets: Buckets;

  constructor(spec: FamilySpec, buckets: Buckets) {
    this.name = spec.name;
    this.help = spec.help;
    this.#buckets = buckets;
  }

  async get(): Promise<{
    name: string;
    help: string;
    type: 'histogram';
    aggregator: 'sum';
    values: HistogramValue[];
  }> {
    const b = this.#buckets;
    const bucket = `${this.name}_bucket`;
    const values: HistogramValue[] = b
      .cumulative()
      .map((c) => ({ metricName: bucket, labels: { le: String(c.le) }, value: c.count }));
    values.push({ metricName: bucket, labels: { le: '+Inf' }, value: b.count });
    values.push({ metricName: `${this.name}_sum`, labels: {}, value: b.sum });
    values.push({ metricName: `${this.name}_count`, labels: {}, value: b.count });
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  /** Registry.resetMetrics(): the counts belong to their owner, so there is nothing to reset here. */
  reset(): void {}
}

export function pulledHistogram(registry: Registry, spec: FamilySpec, buckets: Buckets): void {
  // The registry only calls name, get() and reset(); its TypeScript type names prom-client's classes.
  registry.registerMetric(new PulledHistogram(spec, buckets) as unknown as Metric);
}
