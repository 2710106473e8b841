import { describe, expect, it } from 'vitest';
import { histogramBuckets, histogramWindow } from '../../bench/ingest/histogram.js';

const NAME = 'syscorr_event_processing_latency_seconds';

function scrape(counts: readonly number[]): string {
  const bounds = ['0.001', '0.005', '0.01', '+Inf'];
  return [
    `# HELP ${NAME} x`,
    `# TYPE ${NAME} histogram`,
    ...bounds.map((le, i) => `${NAME}_bucket{le="${le}"} ${counts[i]}`),
    `${NAME}_sum 1.5`,
    `${NAME}_count ${counts[3]}`,
    `other_bucket{le="0.001"} 999`,
  ].join('\n');
}

describe('histogram window from two scrapes', () => {
  it('reads cumulative buckets by bound, +Inf included, and nothing of other series', () => {
    expect([...histogramBuckets(scrape([1, 2, 3, 4]), NAME)]).toEqual([
      [0.001, 1],
      [0.005, 2],
      [0.01, 3],
      [Number.POSITIVE_INFINITY, 4],
    ]);
  });

  it('gives the count between the scrapes and the bucket its p99 falls under', () => {
    const before = histogramBuckets(scrape([10, 10, 10, 10]), NAME);
    // 1,000 new events: 980 under 1 ms, 15 more under 5 ms, 5 more under 10 ms.
    const after = histogramBuckets(scrape([990, 1005, 1010, 1010]), NAME);
    expect(histogramWindow(before, after, 0.99)).toEqual({ count: 1000, quantileAtMost: 0.005 });
    expect(histogramWindow(before, after, 0.95)).toEqual({ count: 1000, quantileAtMost: 0.001 });
    expect(histogramWindow(before, after, 1)).toEqual({ count: 1000, quantileAtMost: 0.01 });
  });

  it('says +Inf when the quantile is past the last finite bound, and null without observations', () => {
    const before = histogramBuckets(scrape([0, 0, 0, 0]), NAME);
    expect(histogramWindow(before, histogramBuckets(scrape([1, 1, 1, 100]), NAME), 0.99).quantileAtMost).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(histogramWindow(before, before, 0.99)).toEqual({ count: 0, quantileAtMost: null });
  });
});
