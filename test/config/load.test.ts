import { describe, expect, it } from 'vitest';
import { loadConfig, loadRuleText } from '../../src/config/load.js';
import type { Rule } from '../../src/config/rules/types.js';

const opts = { bufsize: 0 };

function load(text: string) {
  return loadRuleText(text, 'test.sec', opts);
}
function codes(text: string): string[] {
  return load(text).diagnostics.map((d) => d.code);
}
function single(extra = '', pattern = 'ptype=SubStr\npattern=x'): string {
  return `type=Single\n${pattern}\ndesc=d\naction=none\n${extra}`;
}

describe('rule numbering and identity (CF-numbering, RT-opkey)', () => {
  it('numbers valid rules 0..N-1; invalid and Options rules get no number', () => {
    const text = [
      single(),
      'type=Options\njoincfset=s',
      'type=Single\nptype=SubStr\n',
      single(),
      'type=Bogus',
    ].join('\n\n');
    const r = load(text);
    expect(r.file.rules.map((x) => [x.number, x.line])).toEqual([
      [0, 1],
      [1, 15],
    ]);
    expect(r.file.clean).toBe(false);
    expect(r.file.options).toEqual({ joincfset: ['s'], procallin: true });
  });

  it('a file with no valid rules only warns', () => {
    const r = load('# nothing here\n');
    expect(r.file.clean).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['SYS0105', 'warning']]);
  });
});

describe('field matrix (SEC 1.1)', () => {
  it('reports every missing required keyword and every illegal keyword, with positions', () => {
    const r = load('type=SingleWithThreshold\nptype=SubStr\npattern=x\ndesc=d\naction=none\nwindow2=5\n');
    const found = r.diagnostics.map((d) => [d.code, d.message, d.line]);
    expect(found).toContainEqual([
      'SYS0203',
      "keyword 'window' missing (needed for SINGLEWITHTHRESHOLD rule)",
      1,
    ]);
    expect(found).toContainEqual([
      'SYS0203',
      "keyword 'thresh' missing (needed for SINGLEWITHTHRESHOLD rule)",
      1,
    ]);
    expect(found).toContainEqual([
      'SYS0204',
      "keyword 'window2' illegal (not allowed for SINGLEWITHTHRESHOLD rule)",
      6,
    ]);
    expect(r.file.rules).toEqual([]);
  });

  it.each([
    ['Single', 'type=Single\nptype=SubStr\npattern=x\ndesc=d\naction=none'],
    [
      'SingleWithScript',
      'type=SingleWithScript\nptype=SubStr\npattern=x\nscript=/bin/true\ndesc=d\naction=none',
    ],
    ['SingleWithSuppress', 'type=SingleWithSuppress\nptype=SubStr\npattern=x\ndesc=d\naction=none\nwindow=5'],
    [
      'Pair',
      'type=Pair\nptype=SubStr\npattern=x\ndesc=d\naction=none\nptype2=SubStr\npattern2=y\ndesc2=e\naction2=none',
    ],
    [
      'PairWithWindow',
      'type=PairWithWindow\nptype=SubStr\npattern=x\ndesc=d\naction=none\nptype2=SubStr\npattern2=y\ndesc2=e\naction2=none\nwindow=5',
    ],
    [
      'SingleWithThreshold',
      'type=SingleWithThreshold\nptype=SubStr\npattern=x\ndesc=d\naction=none\nwindow=5\nthresh=2',
    ],
    [
      'SingleWith2Thresholds',
      'type=SingleWith2Thresholds\nptype=SubStr\npattern=x\ndesc=d\naction=none\nwindow=5\nthresh=2\ndesc2=e\naction2=none\nwindow2=5\nthresh2=0',
    ],
    [
      'EventGroup',
      'type=EventGroup2\nptype=SubStr\npattern=x\nptype2=SubStr\npattern2=y\ndesc=d\naction=none\nwindow=5',
    ],
    ['Suppress', 'type=Suppress\nptype=SubStr\npattern=x'],
    ['Calendar', 'type=Calendar\ntime=0 * * * *\ndesc=d\naction=none'],
    ['Jump', 'type=Jump\nptype=SubStr\npattern=x'],
  ])('accepts a minimal %s rule, with case-insensitive type values', (type, text) => {
    const r = load(text.replace(/^type=(\w+)/, (_, t: string) => `type=${t.toLowerCase()}`));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.file.rules.map((x: Rule) => x.type)).toEqual([type]);
  });

  it('EventGroup0 is invalid, EventGroup02 has two members', () => {
    expect(codes('type=EventGroup0\nptype=SubStr\npattern=x\ndesc=d\naction=none\nwindow=5')).toContain(
      'SYS0212',
    );
    const r = load(
      'type=EventGroup02\nptype=SubStr\npattern=x\nptype2=TValue\npattern2=true\ndesc=d\naction=none\nwindow=5',
    );
    const rule = r.file.rules[0];
    expect(rule?.type === 'EventGroup' ? rule.members.length : 0).toBe(2);
  });

  it('does not build a huge schema for a hostile EventGroupN', () => {
    expect(codes('type=EventGroup99999999\nptype=SubStr\npattern=x\ndesc=d\naction=none\nwindow=5')).toEqual([
      'SYS0203',
      'SYS0105',
    ]);
  });
});

describe('integer fields (CF-int)', () => {
  it.each([
    ['window=0', 'SYS0208'],
    ['window=-5', 'SYS0208'],
    ['window=1.5', 'SYS0208'],
    ['window= 5x', 'SYS0208'],
  ])('rejects %s', (w, code) => {
    expect(codes(`type=SingleWithSuppress\nptype=SubStr\npattern=x\ndesc=d\naction=none\n${w}`)).toContain(
      code,
    );
  });

  it('accepts leading zeros; SW2T thresh2 may be 0 but thresh may not', () => {
    const base =
      'type=SingleWith2Thresholds\nptype=SubStr\npattern=x\ndesc=d\naction=none\nwindow=0060\ndesc2=e\naction2=none\nwindow2=120\n';
    const ok = load(`${base}thresh=010\nthresh2=000`);
    const rule = ok.file.rules[0];
    expect(rule?.type === 'SingleWith2Thresholds' ? [rule.window, rule.thresh, rule.thresh2] : []).toEqual([
      60, 10, 0,
    ]);
    expect(codes(`${base}thresh=0\nthresh2=0`)).toContain('SYS0209');
  });

  it('Pair window defaults to 0 (infinite) and may be 0; PairWithWindow needs > 0', () => {
    const pair =
      'ptype=SubStr\npattern=x\ndesc=d\naction=none\nptype2=SubStr\npattern2=y\ndesc2=e\naction2=none';
    const r = load(`type=Pair\n${pair}`);
    expect(r.file.rules[0]?.type === 'Pair' ? r.file.rules[0].window : -1).toBe(0);
    expect(codes(`type=Pair\n${pair}\nwindow=0`)).not.toContain('SYS0208');
    expect(codes(`type=PairWithWindow\n${pair}\nwindow=0`)).toContain('SYS0208');
  });
});

describe('continue and labels (CF-continue, CF-label, CF-goto-resolve)', () => {
  it('resolves GoTo forward, and turns backward or unknown labels into DontCont with a warning', () => {
    const text = [
      'label=top',
      single('continue=GoTo later'),
      single('continue=goto   top'),
      single('continue=GoTo nowhere'),
      'label=later',
      single('continue=TakeNext'),
      single('continue=ENDMATCH'),
      'label=end',
    ].join('\n\n');
    const r = load(text);
    expect(r.file.rules.map((x) => ('continue' in x ? x.continue : null))).toEqual([
      { kind: 'GoTo', label: 'later', target: 3 },
      { kind: 'DontCont' },
      { kind: 'DontCont' },
      { kind: 'TakeNext' },
      { kind: 'EndMatch' },
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['SYS0207', 'warning'],
      ['SYS0206', 'warning'],
    ]);
    expect(r.file.clean).toBe(true);
  });

  it('a label inside a rule block points at that rule', () => {
    const r = load(
      `${single('continue=GoTo here')}\n\ntype=Single\nlabel=here\nptype=SubStr\npattern=y\ndesc=d\naction=none`,
    );
    expect(r.file.rules[0]?.type === 'Single' ? r.file.rules[0].continue : null).toEqual({
      kind: 'GoTo',
      label: 'here',
      target: 1,
    });
  });

  it('rejects an invalid continue value', () => {
    expect(codes(single('continue=Maybe'))).toContain('SYS0205');
    expect(codes(single('continue=GoTo'))).toContain('SYS0205');
  });
});

describe('patterns (PT-*) and varmap (VM-*)', () => {
  it('converts SubStr escapes at load (PT-substr)', () => {
    const r = load(single('', 'ptype=SubStr\npattern=a\\tb\\sc\\0d\\\\e\\xf'));
    const rule = r.file.rules[0];
    expect(rule?.type === 'Single' && rule.pattern.kind === 'SubStr' ? rule.pattern.text : '').toBe(
      'a\tb cd\\e\\xf',
    );
  });

  it('parses N-line pattern types with leading zeros and rejects N=0 (PT-N)', () => {
    const r = load(single('', 'ptype=nregexp02\npattern=a'));
    const p = r.file.rules[0]?.type === 'Single' ? r.file.rules[0].pattern : null;
    expect(p && [p.kind, p.negate, p.lines]).toEqual(['RegExp', true, 2]);
    expect(codes(single('', 'ptype=RegExp0\npattern=a'))).toContain('SYS0601');
    expect(codes(single('', 'ptype=Cached2\npattern=a'))).toContain('SYS0601');
  });

  it('an explicit --bufsize limits N (OPT-bufsize)', () => {
    const r = loadRuleText(single('', 'ptype=RegExp3\npattern=a'), 't.sec', { bufsize: 2 });
    expect(r.diagnostics.map((d) => d.code)).toContain('SYS0602');
  });

  it('checks Cached names and TValue values', () => {
    expect(codes(single('', 'ptype=Cached\npattern=1abc'))).toContain('SYS0603');
    expect(codes(single('', 'ptype=TValue\npattern=yes'))).toContain('SYS0604');
    const r = load(single('', 'ptype=tvalue\npattern=False'));
    expect(r.file.rules[0]?.type === 'Single' ? r.file.rules[0].pattern : null).toEqual({
      kind: 'TValue',
      negate: false,
      lines: 1,
      value: false,
    });
  });

  it('parses varmap items; a bad item is an error; other pattern types ignore the varmap with a warning', () => {
    const r = load(single('varmap=entry; host = 01 ;msg=0', 'ptype=RegExp\npattern=(\\S+)'));
    expect(r.file.rules[0]?.type === 'Single' ? r.file.rules[0].varmap : null).toEqual([
      { name: 'entry', index: null },
      { name: 'host', index: 1 },
      { name: 'msg', index: 0 },
    ]);
    expect(codes(single('varmap=1bad', 'ptype=RegExp\npattern=x'))).toContain('SYS0605');
    const ignored = load(single('varmap=1bad', 'ptype=NRegExp\npattern=x'));
    expect(ignored.diagnostics.map((d) => [d.code, d.severity])).toEqual([['SYS0606', 'warning']]);
    expect(ignored.file.rules).toHaveLength(1);
  });

  it('compiles Pair pattern2 at load unless it holds match variables of a variable-setting pattern1 (PT-pair2-regexp)', () => {
    const pair = (p1: string, p2: string) =>
      `type=Pair\n${p1}\ndesc=d\naction=none\nptype2=RegExp\npattern2=${p2}\ndesc2=e\naction2=none`;
    const deferred = load(pair('ptype=RegExp\npattern=user (\\S+)', 'logout \\Q$1\\E'));
    const r0 = deferred.file.rules[0];
    expect(
      r0?.type === 'Pair' && r0.second.pattern.kind === 'RegExp' ? r0.second.pattern.regex : 'x',
    ).toBeNull();
    const compiled = load(pair('ptype=SubStr\npattern=user', 'logout $1'));
    const r1 = compiled.file.rules[0];
    expect(
      r1?.type === 'Pair' && r1.second.pattern.kind === 'RegExp' ? r1.second.pattern.regex : null,
    ).not.toBeNull();
  });

  it('rejects an invalid regex with the position inside the pattern', () => {
    const r = load(single('', 'ptype=RegExp\npattern=abc(def'));
    const d = r.diagnostics.find((x) => x.severity === 'error');
    expect(d?.line).toBe(3);
    expect(d?.code).toMatch(/^SYS05/);
  });
});

describe('Suppress, Jump, Options, SingleWithScript specifics', () => {
  it('invents the desc of Suppress and Jump rules (RT-suppress)', () => {
    const r = load(
      'type=Suppress\nptype=NSubStr\npattern=abc\n\ntype=Jump\nptype=TValue\npattern=TRUE\ncfset=a  b',
    );
    expect(r.file.rules.map((x) => ('desc' in x ? x.desc : ''))).toEqual([
      'Suppress rule with negative pattern: abc',
      'Jump rule with pattern: TRUE',
    ]);
    const jump = r.file.rules[1];
    expect(jump?.type === 'Jump' ? [jump.cfset, jump.constset] : null).toEqual([['a', 'b'], true]);
  });

  it('the last Options rule replaces the earlier ones; an invalid procallin warns and means Yes (RT-options)', () => {
    const r = load(
      `type=Options\njoincfset=a b\nprocallin=no\n\n${single()}\n\ntype=Options\njoincfset=c\nprocallin=maybe`,
    );
    expect(r.file.options).toEqual({ joincfset: ['c'], procallin: true });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SYS0211', 'SYS0216']);
    expect(r.file.rules[0]?.number).toBe(0);
  });

  it('splits a shell=no script at load; rejects other shell values (RT-swscript-shell)', () => {
    const base =
      'type=SingleWithScript\nptype=SubStr\npattern=x\ndesc=d\naction=none\nscript=/bin/echo  a $1\n';
    const r = load(`${base}shell=NO`);
    expect(r.file.rules[0]?.type === 'SingleWithScript' ? r.file.rules[0].script : null).toEqual({
      shell: false,
      argv: ['/bin/echo', 'a', '$1'],
    });
    expect(codes(`${base}shell=sometimes`)).toContain('SYS0210');
  });

  it('rejects Perl patterns on purpose (HP-perl-default)', () => {
    expect(codes(single('', 'ptype=PerlFunc\npattern=sub { 1 }'))).toContain('SYS0801');
  });
});

describe('loadConfig', () => {
  it('reads files in order, builds cfsets and main files, and reports unreadable files', () => {
    const files: Record<string, string> = {
      'a.sec': single(),
      'b.sec': `type=Options\njoincfset=set1 set2\nprocallin=no\n\n${single()}`,
      'c.sec': `type=Options\njoincfset=set1\n\n${single()}`,
    };
    const read = (p: string): string => {
      const t = files[p];
      if (t === undefined) throw new Error('ENOENT: no such file');
      return t;
    };
    const cfg = loadConfig(['a.sec', 'b.sec', 'c.sec', 'missing.sec'], opts, read);
    expect(cfg.files.map((f) => f.file)).toEqual(['a.sec', 'b.sec', 'c.sec']);
    expect(Object.fromEntries(cfg.sets)).toEqual({ set1: ['b.sec', 'c.sec'], set2: ['b.sec'] });
    expect(cfg.mainFiles).toEqual(['a.sec', 'c.sec']);
    expect(cfg.ok).toBe(false);
    expect(cfg.diagnostics.map((d) => [d.code, d.file])).toEqual([['SYS0101', 'missing.sec']]);
  });
});
