import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { legacyLineStream, legacyRegexRules } from '../../bench/gen/legacy.js';
import { generateLines, ID_SPACE } from '../../bench/gen/lines.js';
import {
  ingestRules,
  mixedRules,
  regexSingleRules,
  SSH_THRESHOLD_RULE,
  VPN_RULES,
} from '../../bench/gen/rules.js';
import { findShippedRules } from '../../bench/gen/shipped.js';
import { Random } from '../../bench/random.js';
import { events, harness } from '../../bench/scaling/harness.js';
import { measureLiveState } from '../../bench/scaling/live-state.js';
import { loadConfig, loadRuleText } from '../../src/config/load.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const NOW = 1_800_000_000;

function ruleCount(text: string): number {
  const loaded = loadRuleText(text, 'gen.sec', { bufsize: 0 });
  expect(loaded.diagnostics.map((d) => d.message)).toEqual([]);
  return loaded.file.rules.length;
}

describe('bench generators', () => {
  it('draws the same numbers from the same seed and others from another', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const xs = Array.from({ length: 20 }, () => a.int(1000));
    expect(Array.from({ length: 20 }, () => b.int(1000))).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.int(1000))).not.toEqual(xs);
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x < 1000)).toBe(true);
  });

  it('makes classic syslog lines of every kind, a short input being a prefix of a long one', () => {
    const long = generateLines(3000, 5);
    expect(generateLines(40, 5)).toEqual(long.slice(0, 40));
    expect(generateLines(40, 6)).not.toEqual(long.slice(0, 40));
    for (const line of long) expect(line).toMatch(/^\w{3} [ \d]\d [\d:]{8} \S+ \S/);
    for (const marker of [
      'Failed password',
      'Accepted password',
      'Invalid user',
      'SEV=',
      '%ASA-4-106023',
      '%ASA-6-4',
      'app',
      'kernel: [',
      'CRON[',
    ]) {
      expect(long.some((l) => l.includes(marker))).toBe(true);
    }
    const ids = long.flatMap((l) => [...l.matchAll(/user(\d+) from/g)].map((m) => Number(m[1])));
    expect(Math.max(...ids)).toBeLessThan(ID_SPACE);
  });

  it("keeps the first bench's input: VPN, sshd and app lines, the same on every call", () => {
    const take = (n: number): string[] => {
      const out: string[] = [];
      for (const line of legacyLineStream()) {
        if (out.length === n) break;
        out.push(line);
      }
      return out;
    };
    const lines = take(400);
    expect(take(400)).toEqual(lines);
    expect(lines[0]).toMatch(/^Nov 28 10:00:00 \S+ /);
    for (const marker of ['SEV=', 'Failed password', 'served in']) {
      expect(lines.some((l) => l.includes(marker))).toBe(true);
    }
  });

  it('writes rulesets that load without a diagnostic, with the number of rules asked', () => {
    expect(ruleCount(regexSingleRules(40))).toBe(40);
    expect(ruleCount(mixedRules(24))).toBe(24);
    expect(ruleCount(ingestRules(8, { countFile: '/tmp/count.txt', probePort: 5555 }))).toBe(10);
    expect(ruleCount(ingestRules(8, { countFile: null, probePort: 5555 }))).toBe(9);
    expect(ruleCount(VPN_RULES)).toBe(2);
    expect(ruleCount(SSH_THRESHOLD_RULE)).toBe(1);
    expect(ruleCount(legacyRegexRules(20))).toBe(21);
  });

  it('generates RegExp rules of which only a few match a line', () => {
    const h = harness(regexSingleRules(400));
    const lines = events(generateLines(2000, 3));
    for (const ev of lines) h.engine.process(ev, NOW);
    const matched = [...h.engine.matchCounts.values()].reduce((a, b) => a + b, 0);
    expect(matched).toBeGreaterThan(20);
    expect(matched).toBeLessThan(lines.length / 2);
    expect(h.outputs()).toBe(matched);
  });

  it('finds the shipped rulesets and they load cleanly', () => {
    const shipped = findShippedRules(root);
    expect(shipped).not.toBeNull();
    const cfg = loadConfig(shipped?.files ?? [], { bufsize: 0 });
    expect(cfg.ok).toBe(true);
    expect(shipped?.glob.endsWith(join('', '*.sec'))).toBe(true);
  });

  it('holds live operations and contexts, then frees them when their time is up', () => {
    for (const kind of ['operations', 'contexts'] as const) {
      const r = measureLiveState(kind, 200, 1);
      expect(r.live).toBe(200);
      expect(r.freed).toBe(true);
      expect(Number.isFinite(r.bytesEach)).toBe(true);
    }
  });
});
