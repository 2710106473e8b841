import { describe, expect, it, vi } from 'vitest';
import { engineWith, loadConfig, step } from './support.js';

const T0 = 1_700_000_000;

const single = (pattern: string, action: string, extra = '', ptype = 'RegExp'): string =>
  `type=Single\nptype=${ptype}\npattern=${pattern}\n${extra}${extra === '' ? '' : '\n'}desc=d\naction=${action}\n`;

/** The `write -` texts of the same lines run with the prefilter on and off (they must agree). */
function outputs(files: Record<string, string>, lines: readonly [number, string][]): string[] {
  const config = loadConfig(files);
  const results = [true, false].map((prefilter) => {
    const { engine, rec } = engineWith(config, prefilter);
    for (const [at, line] of lines) step(engine, line, T0 + at);
    return rec.stdout;
  });
  expect(results[0]).toEqual(results[1]);
  return results[0] ?? [];
}

describe('prefilter: the rule loop keeps SEC semantics', () => {
  it('CX-preeval: a [..] context is still checked when the pattern text is absent (a stale context expires then)', () => {
    const rules = [
      single('^start', 'create CTX 2 (write - CTX expired)'),
      single('needle', 'write - needle', 'context=[CTX]'),
    ].join('\n');
    // No cleanup pass runs: CTX goes stale and is expired by the [CTX] check of the 2nd line.
    expect(
      outputs({ 'a.sec': rules }, [
        [0, 'start'],
        [5, 'no such word'],
      ]),
    ).toEqual(['CTX expired']);
  });

  it('ACT-rewrite: a rule after the rewrite sees the new line, whose text the old one lacked', () => {
    const rules = [
      single('^begin', 'rewrite 1 alpha beta', 'continue=TakeNext'),
      single('alpha (\\w+)', 'write - got $1'),
    ].join('\n');
    expect(outputs({ 'a.sec': rules }, [[0, 'begin']])).toEqual(['got beta']);
  });

  it('RT-pair-close: a Pair whose pattern1 text is absent still closes on pattern2', () => {
    const pair =
      'type=Pair\nptype=RegExp\npattern=down (\\w+)\ndesc=d $1\naction=write - down $1\n' +
      'ptype2=RegExp\npattern2=up $1\ndesc2=u\naction2=write - up %1\nwindow=60\n';
    expect(
      outputs({ 'a.sec': pair }, [
        [0, 'down eth0'],
        [1, 'up eth0'],
      ]),
    ).toEqual(['down eth0', 'up eth0']);
  });

  it('PT-nregexp / NSubStr: absent text means a match, with $0 set as without the prefilter', () => {
    const rules = [
      single('error', 'write - nre [$0] [$1]', 'continue=TakeNext', 'NRegExp'),
      single('error', 'write - nsub [$0]', '', 'NSubStr'),
    ].join('\n');
    expect(
      outputs({ 'a.sec': rules }, [
        [0, 'all fine'],
        [1, 'an ERROR'],
        [2, 'an error'],
      ]),
    ).toEqual(['nre [all fine] []', 'nsub [$0]', 'nre [an ERROR] []', 'nsub [$0]']);
  });

  it('RT-jump: rules of a jumped-to file are filtered against the same line', () => {
    const main =
      'type=Jump\nptype=SubStr\npattern=sshd\ncfset=auth\ncontinue=TakeNext\n\n' +
      single('.', 'write - main');
    const auth = `type=Options\njoincfset=auth\nprocallin=no\n\n${single('Failed (\\w+)', 'write - auth $1')}`;
    expect(
      outputs({ 'main.sec': main, 'auth.sec': auth }, [
        [0, 'sshd: Failed password'],
        [1, 'sshd: Accepted'],
        [2, 'Failed elsewhere'],
      ]),
    ).toEqual(['auth password', 'main', 'main', 'main']);
  });

  it('a line with a char above 0xFF makes every rule run (no fold is defined there)', () => {
    // The rule requires `alpha`: on a line whose scan stops at U+2603 it must still be tried.
    const rules = single('alpha (\\w+)', 'write - a[$1]');
    expect(
      outputs({ 'a.sec': rules }, [
        [0, '\u2603 alpha one'],
        [1, 'none'],
      ]),
    ).toEqual(['a[one]']);
  });

  it('with the prefilter on, a rule whose text is absent does not run its regex', () => {
    const rules = Array.from({ length: 12 }, (_, i) => single(`needle${i} (\\d+)`, 'none')).join('\n');
    const config = loadConfig({ 'a.sec': rules });
    const execs = [true, false].map((prefilter) => {
      const { engine } = engineWith(config, prefilter);
      const exec = vi.spyOn(RegExp.prototype, 'exec');
      const test = vi.spyOn(RegExp.prototype, 'test');
      try {
        step(engine, 'a line with none of the texts 42', T0);
        // The rules' own regexes only (the prefilter scans with an automaton, not a RegExp).
        const calls = [...exec.mock.contexts, ...test.mock.contexts] as RegExp[];
        return calls.filter((re) => re.source.startsWith('needle')).length;
      } finally {
        exec.mockRestore();
        test.mockRestore();
      }
    });
    expect(execs[1]).toBeGreaterThanOrEqual(12);
    expect(execs[0]).toBe(0);
  });

  it('OPT-ruleperf: every rule an event reaches is counted, skipped or not', () => {
    const rules = [single('alpha', 'none'), single('beta', 'none'), single('gamma', 'none')].join('\n');
    const config = loadConfig({ 'a.sec': rules });
    const perf = [true, false].map((prefilter) => {
      const { engine } = engineWith(config, prefilter, { cpuTime: () => 0 });
      for (const line of ['alpha', 'nothing', 'beta gamma']) step(engine, line, T0);
      return [...engine.rulePerf.values()].map((p) => p.events);
    });
    // A match stops the file (DontCont): "alpha" reaches rule 1 only, "beta gamma" rules 1-2.
    expect(perf[0]).toEqual([3, 2, 1]);
    expect(perf[1]).toEqual(perf[0]);
  });
});
