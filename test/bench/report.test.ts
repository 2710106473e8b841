import { describe, expect, it } from 'vitest';
import { firstDifference } from '../../bench/engine/compare.js';
import { sizeFor } from '../../bench/engine/runner.js';
import { parseMetric } from '../../bench/ingest/counter.js';
import { fixedSize, octetCountedFrames } from '../../bench/ingest/messages.js';
import { parseSendSummary } from '../../bench/ingest/sender.js';
import { type RateStep, summarize } from '../../bench/ingest/udp-rate.js';
import type { Machine } from '../../bench/machine.js';
import { parseBenchArgs, SECTIONS } from '../../bench/options.js';
import { markdownTable, renderReport } from '../../bench/report.js';
import { fmt, measure, percentile, ratio } from '../../bench/stats.js';

const machine: Machine = {
  cpu: 'Test CPU',
  cores: 2,
  ramGiB: 8,
  kernel: 'Linux 6.1',
  node: 'v20.0.0',
  sec: 'SEC 2.9.1',
  rsyslog: 'rsyslogd 8',
  date: '2026-11-28T10:00:00Z',
  loadAtStart: 0.5,
};

describe('bench report', () => {
  it('summarizes runs as median and range, and ratios of medians', () => {
    const m = measure([300, 100, 200, 1000]);
    expect(m).toEqual({ median: 250, min: 100, max: 1000, samples: 4 });
    expect(fmt(measure([7700, 7500, 7900]), 'lines/s')).toBe('7,700 (7,500–7,900) lines/s');
    expect(fmt(measure([])).valueOf()).toBe('-');
    expect(ratio(160_000, 7_700)).toBe('20.8×');
    expect(ratio(1, 0)).toBe('-');
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        99,
      ),
    ).toBe(99);
  });

  it('renders the machine, the targets and each section as Markdown tables', () => {
    const md = renderReport({
      machine,
      command: 'npm run bench',
      seconds: 12.4,
      loadAtEnd: 1.5,
      sections: [
        {
          title: 'Engine',
          method: 'how',
          columns: ['ruleset', 'syscorr'],
          rows: [['a|b', '1 (1–2)']],
          notes: ['outputs identical'],
          checks: [
            { target: 'fast', measured: '2×', met: false },
            { target: 'same', measured: 'yes', met: true },
            { target: 'n/a', measured: '-', met: null },
          ],
        },
      ],
    });
    expect(md).toContain('- CPU: Test CPU, 2 cores; RAM 8 GiB; Linux 6.1');
    expect(md).toContain('SEC 2.9.1');
    expect(md).toContain('load average 0.50 at the start, 1.50 at the end');
    expect(md).toContain('| fast | 2× | **not met** |');
    expect(md).toContain('| same | yes | met |');
    expect(md).toContain('| n/a | - | not measured |');
    expect(md).toContain('| a\\|b | 1 (1–2) |');
    expect(md).toContain('## Engine\n\nhow\n');
    expect(md).toContain('- outputs identical');
    expect(md.endsWith('\n')).toBe(true);
  });

  it('pads short rows of a table', () => {
    expect(markdownTable(['x', 'y'], [['1']])).toBe('| x | y |\n|---|---|\n| 1 |  |');
  });

  it('reads which sections to run, and writes the docs only for a full run', () => {
    expect(parseBenchArgs([], 'docs/b.md')).toEqual({
      sections: [...SECTIONS],
      quick: false,
      out: 'docs/b.md',
    });
    expect(parseBenchArgs(['ingest', 'engine', 'quick'], 'docs/b.md')).toEqual({
      sections: ['engine', 'ingest'],
      quick: true,
      out: null,
    });
    expect(parseBenchArgs(['--scaling', 'write'], 'd.md')).toEqual({
      sections: ['scaling'],
      quick: false,
      out: 'd.md',
    });
    expect(parseBenchArgs(['--out=x.md', 'quick'], 'd.md')).toMatchObject({ out: 'x.md' });
    expect(parseBenchArgs(['bogus'], 'd.md')).toHaveProperty('error');
  });

  it('finds the first differing output line', () => {
    const a = Buffer.from('one\ntwo\nthree\n');
    expect(firstDifference(a, Buffer.from('one\ntwo\nthree\n'))).toBeNull();
    expect(firstDifference(a, Buffer.from('one\nTWO\nthree\n'))).toEqual({
      line: 2,
      left: 'two',
      right: 'TWO',
    });
    expect(firstDifference(a, Buffer.from('one\n'))).toMatchObject({ line: 2, right: '(end of output)' });
  });

  it('sizes inputs to two significant digits within the bounds', () => {
    const plan = { targetSeconds: 2, runs: 1, minLines: 100, maxLines: 1_000_000 };
    expect(sizeFor(12_345, plan)).toBe(25_000);
    expect(sizeFor(1, plan)).toBe(100);
    expect(sizeFor(1e9, plan)).toBe(1_000_000);
  });
});

describe('bench ingest helpers', () => {
  it('frames fixed-size messages with octet counting', () => {
    const frames = octetCountedFrames(3, 100).toString('latin1');
    expect(frames.length).toBe(3 * 104);
    for (let i = 0; i < 3; i++) {
      const frame = frames.slice(i * 104, (i + 1) * 104);
      expect(frame.startsWith('100 <13>')).toBe(true);
    }
    expect(fixedSize('abc', 5)).toBe('abc  ');
    expect(fixedSize('abcdef', 3)).toBe('abc');
  });

  it('reads a Prometheus series, summed over matching labels', () => {
    const text = [
      '# HELP syscorr_events_processed_total events',
      'syscorr_events_processed_total{kind="input"} 41',
      'syscorr_events_processed_total{kind="synthetic"} 2',
      'syscorr_events_processed_total_other 99',
    ].join('\n');
    expect(parseMetric(text, 'syscorr_events_processed_total', 'kind="input"')).toBe(41);
    expect(parseMetric(text, 'syscorr_events_processed_total')).toBe(43);
    expect(parseMetric(text, 'syscorr_missing_total')).toBeNull();
  });

  it('keeps the best pass and the lowest failure above it, and flags noise and a limited sender', () => {
    const step = (requested: number, offered: number, passed: boolean): RateStep => ({
      requested,
      offered,
      sent: offered * 2,
      received: passed ? offered * 2 : offered,
      lost: passed ? 0 : offered,
      kernelDrops: null,
      receiverDrops: null,
      lagMs: 10,
      passed,
    });
    const clean = summarize(
      [step(10, 10, true), step(20, 20, true), step(40, 40, false), step(30, 30, false)],
      [],
    );
    expect([clean.best?.offered, clean.firstLoss?.offered, clean.noisy, clean.senderLimited]).toEqual([
      20,
      30,
      false,
      false,
    ]);
    // A failure asked at 170 that the sender could only offer at 111, below a pass at 115.
    const limited = summarize(
      [step(77, 77, true), step(115, 115, true), step(170, 111, false), step(142, 112, true)],
      [],
    );
    expect([limited.best?.offered, limited.firstLoss, limited.noisy, limited.senderLimited]).toEqual([
      115,
      null,
      true,
      true,
    ]);
    expect(summarize([step(10, 10, false)], []).best).toBeNull();
  });

  it("parses the sender's summary line", () => {
    expect(parseSendSummary('sent 200000 seconds 2.000000 errors 0\n')).toEqual({
      sent: 200_000,
      seconds: 2,
      errors: 0,
      rate: 100_000,
    });
    expect(() => parseSendSummary('nothing')).toThrow(/no summary/);
  });
});
