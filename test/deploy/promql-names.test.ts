import { describe, expect, it } from 'vitest';
import { metricNames } from './promql-names.js';

describe('metricNames: the metrics a PromQL expression selects', () => {
  it('skips functions, aggregations and the label lists of by/without/on/ignoring/group_*', () => {
    expect(
      metricNames(
        'histogram_quantile(0.99, sum by (le, job) (rate(a_seconds_bucket{x="y"}[5m]))) / ignoring(le) group_left(z) b',
      ),
    ).toEqual(['a_seconds_bucket', 'b']);
    expect(metricNames('sum(rate(m_total[1h30m])) without (instance)')).toEqual(['m_total']);
    expect(metricNames('x and on (job, instance) y unless z or w offset 5m')).toEqual(['x', 'y', 'z', 'w']);
  });

  it('skips label matchers, strings, ranges, numbers and durations', () => {
    expect(metricNames('a{job=~"x|y", le!="0.5", "quoted"="v"} > 1e3')).toEqual(['a']);
    expect(metricNames('time() - b_seconds > 0x1F')).toEqual(['b_seconds']);
    expect(metricNames('max_over_time(c[10m:1m]) * 2.5 + inf')).toEqual(['c']);
    expect(metricNames('label_replace(d, "dst", "$1", "src", "(.*)")')).toEqual(['d']);
    expect(metricNames('e == bool 1')).toEqual(['e']);
  });

  it('keeps recording-rule names with colons and lists each name once', () => {
    expect(metricNames('job:f:rate5m + job:f:rate5m')).toEqual(['job:f:rate5m']);
  });

  it('rejects unbalanced input rather than guessing', () => {
    expect(() => metricNames('sum by (le')).toThrow(/unbalanced/);
    expect(() => metricNames('a{x="y}')).toThrow(/unterminated|unbalanced/);
  });
});
