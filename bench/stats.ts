export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2;
}

/** The nearest-rank percentile (p in 0..100) of the values; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}

/** Repeated measurements of one figure: the table shows the median and the range. */
export interface Measure {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly samples: number;
}

export function measure(values: readonly number[]): Measure {
  if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, samples: 0 };
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    samples: values.length,
  };
}

/** The spread of a measure as a share of its median (0.1 = the range is 10 % of the median). */
export function spread(m: Measure): number {
  return m.median === 0 || Number.isNaN(m.median) ? 0 : (m.max - m.min) / m.median;
}

/** 1234567 → "1,234,567"; below 10 keeps up to 2 decimals, below 100 one. */
export function num(value: number): string {
  if (Number.isNaN(value)) return '-';
  const digits = Math.abs(value) < 10 ? 2 : Math.abs(value) < 100 ? 1 : 0;
  return value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** "median (min–max)" with a unit, e.g. "7,700 (7,500–7,900) lines/s". */
export function fmt(m: Measure, unit = ''): string {
  if (m.samples === 0) return '-';
  const u = unit === '' ? '' : ` ${unit}`;
  if (m.samples === 1) return `${num(m.median)}${u}`;
  return `${num(m.median)} (${num(m.min)}–${num(m.max)})${u}`;
}

/** A ratio of medians as "12.3×"; "-" when either side is missing. */
export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '-';
  return `${num(a / b)}×`;
}

/** Bytes in binary units: "1.5 MiB". */
export function bytes(n: number): string {
  if (!Number.isFinite(n)) return '-';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${num(v)} ${units[u]}`;
}
