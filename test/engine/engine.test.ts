import { describe, expect, it } from 'vitest';
import { feed, makeEngine } from '../support/engine-harness.js';

const T0 = 1_700_000_000;

function single(pattern: string, action: string, extra = '', ptype = 'RegExp'): string {
  return `type=Single\nptype=${ptype}\npattern=${pattern}\ndesc=d\naction=${action}\n${extra}\n`;
}

describe('engine: matching and the rule loop', () => {
  it('RT-single + VAR-forms: runs the action with $-values frozen from the event', () => {
    const { engine, rec } = makeEngine({
      'a.sec': single('user (\\S+) from (?<ip>\\S+)', 'write - $1 $+{ip} $0 $$'),
    });
    feed(engine, ['user bob from 10.0.0.1', 'nothing here'], T0);
    expect(rec.stdout).toEqual(['bob 10.0.0.1 user bob from 10.0.0.1 $']);
  });

  it('PT-regexp-nogroup: a regex without groups sets $1 to 1', () => {
    const { engine, rec } = makeEngine({ 'a.sec': single('abc', 'write - [$1]') });
    feed(engine, ['xabcx'], T0);
    expect(rec.stdout).toEqual(['[1]']);
  });

  it('RT-desc-no-subst: SubStr sets no variables, so $1 stays literal', () => {
    const { engine, rec } = makeEngine({ 'a.sec': single('abc', 'write - $1 %s', '', 'SubStr') });
    feed(engine, ['abc'], T0);
    expect(rec.stdout).toEqual(['$1 d']);
  });

  it('CF-continue: DontCont stops the file, TakeNext goes on, GoTo jumps forward', () => {
    const rules = [
      single('A', 'write - A', 'continue=GoTo end', 'SubStr'),
      single('B', 'write - B', 'continue=TakeNext', 'SubStr'),
      single('C', 'write - C', '', 'SubStr'),
      'label=end',
      single('D', 'write - D', '', 'SubStr'),
    ].join('\n');
    const { engine, rec } = makeEngine({ 'a.sec': rules });
    feed(engine, ['ABCD', 'BCD', 'CD'], T0);
    expect(rec.stdout).toEqual(['A', 'D', 'B', 'C', 'C']);
  });

  it('CF-multifile + RT-suppress + EndMatch: Suppress stops its file only; EndMatch stops all files', () => {
    const a = [
      'type=Suppress\nptype=SubStr\npattern=quiet\n',
      single('end', 'write - a-end', 'continue=EndMatch', 'SubStr'),
      single('.', 'write - a'),
    ].join('\n');
    const b = single('.', 'write - b');
    const { engine, rec } = makeEngine({ 'a.sec': a, 'b.sec': b });
    feed(engine, ['quiet', 'end', 'x'], T0);
    expect(rec.stdout).toEqual(['b', 'a-end', 'a', 'b']);
  });

  it('RT-jump: a Jump runs the files of its cfset; EndMatch inside stops everything', () => {
    const main =
      'type=Jump\nptype=SubStr\npattern=go\ncfset=extra\ncontinue=TakeNext\n\n' +
      single('.', 'write - main-after');
    const extra =
      'type=Options\njoincfset=extra\nprocallin=no\n\n' +
      single('stop', 'write - extra-stop', 'continue=EndMatch', 'SubStr') +
      '\n' +
      single('.', 'write - extra');
    const { engine, rec } = makeEngine({ 'main.sec': main, 'extra.sec': extra });
    feed(engine, ['go', 'go stop', 'other'], T0);
    expect(rec.stdout).toEqual(['extra', 'main-after', 'extra-stop', 'main-after']);
  });

  it('VM-cache + PT-cached + CX-varset: a varmap entry made by one rule is read by later rules of the same event only', () => {
    const rules = [
      single('login (\\S+)', 'none', 'varmap=LOGIN; user=1\ncontext=NEVER\ncontinue=TakeNext'),
      'type=Single\nptype=Cached\npattern=LOGIN\ndesc=d\naction=write - cached $+{user} $1\ncontinue=TakeNext\n',
      'type=Single\nptype=TValue\npattern=TRUE\ncontext=varset LOGIN\ndesc=d\naction=write - varset\n',
    ].join('\n');
    const { engine, rec } = makeEngine({ 'a.sec': rules });
    feed(engine, ['login alice', 'other'], T0);
    expect(rec.stdout).toEqual(['cached alice alice', 'varset']);
  });

  it('CX-preeval: a [..] context is checked before the pattern, so no cache entry is made', () => {
    const rules = [
      single('x', 'none', 'varmap=E\ncontext=[ NEVER ]\ncontinue=TakeNext'),
      'type=Single\nptype=TValue\npattern=TRUE\ncontext=varset E\ndesc=d\naction=write - made\n',
    ].join('\n');
    const { engine, rec } = makeEngine({ 'a.sec': rules });
    feed(engine, ['x'], T0);
    expect(rec.stdout).toEqual([]);
  });

  it('PT-N + PT-buffer-fill: a 2-line pattern sees "\\n<first line>" at start and lines of one source', () => {
    const { engine, rec } = makeEngine({
      'a.sec': single('^(.*)\\n(.*)$', 'write - [$1|$2]', '', 'RegExp2'),
    });
    feed(engine, ['one'], T0, 'f1');
    feed(engine, ['two'], T0, 'f2');
    feed(engine, ['three'], T0, 'f1');
    expect(rec.stdout).toEqual(['[|one]', '[|two]', '[one|three]']);
  });

  it('IN-order: synthetic events are processed before the next input line, breadth-first', () => {
    const rules = [
      single('^start$', 'event e1; event e2', '', 'RegExp'),
      single('^e1$', 'write - e1; event e1-child'),
      single('^e', 'write - $0'),
    ].join('\n');
    const { engine, rec } = makeEngine({ 'a.sec': rules });
    feed(engine, ['start'], T0);
    expect(rec.stdout).toEqual(['e1', 'e2', 'e1-child']);
  });

  it('IE-intcontext: with --intcontexts each line has _FILE_EVENT_<file> as internal context', () => {
    const { engine, rec } = makeEngine(
      { 'a.sec': single('.', 'write - $+{_intcontext} $+{_inputsrc}', 'context=[ _FILE_EVENT_/var/log/a ]') },
      { intcontexts: true },
    );
    feed(engine, ['x'], T0, '/var/log/a');
    feed(engine, ['y'], T0, '/var/log/b');
    expect(rec.stdout).toEqual(['_FILE_EVENT_/var/log/a /var/log/a']);
  });

  it('CX-name: a context with $-variables is looked up with the event values', () => {
    const rules = [
      single('open (\\S+)', 'create OPEN_$1'),
      single('close (\\S+)', 'write - closed $1', 'context=OPEN_$1'),
    ].join('\n');
    const { engine, rec } = makeEngine({ 'a.sec': rules });
    feed(engine, ['close a', 'open a', 'close a', 'close b'], T0);
    expect(rec.stdout).toEqual(['closed a']);
  });
});

describe('engine: time', () => {
  it('RT-sws: the first event acts, the rest of the window is swallowed; the window is fixed at the first event', () => {
    const rule =
      'type=SingleWithSuppress\nptype=RegExp\npattern=down (\\S+)\ndesc=down $1\naction=write - %s\nwindow=10\n';
    const { engine, rec } = makeEngine({ 'a.sec': rule });
    feed(engine, ['down if1', 'down if2'], T0);
    feed(engine, ['down if1'], T0 + 10); // still inside (RT-window-incl)
    feed(engine, ['down if1'], T0 + 11); // expired, not yet collected: a new operation (RT-expiry-where)
    engine.cleanup(T0 + 30);
    feed(engine, ['down if1'], T0 + 30);
    expect(rec.stdout).toEqual(['down if1', 'down if2', 'down if1', 'down if1']);
    expect(engine.operations.size).toBe(1);
    engine.cleanup(T0 + 100);
    expect(engine.operations.size).toBe(0);
  });

  it('ACT-event with a delay: released at the cleanup pass where it falls due', () => {
    const rules = [single('^go$', 'event 5 later'), single('^later$', 'write - later')].join('\n');
    const { engine, rec } = makeEngine({ 'a.sec': rules });
    feed(engine, ['go'], T0);
    engine.cleanup(T0 + 4);
    expect(engine.nextSynthetic()).toBeUndefined();
    engine.cleanup(T0 + 5);
    const e = engine.nextSynthetic();
    expect(e?.line).toBe('later');
    if (e !== undefined) engine.process(e, T0 + 5);
    expect(rec.stdout).toEqual(['later']);
  });

  it('CTX-expiry-action: a context with a lifetime runs its list at the cleanup after it expires', () => {
    const rules = [
      single('^start$', 'create C 10 (write - expired %s)', ''),
      single('^add (.*)', 'add C $1'),
    ].join('\n');
    const { engine, rec } = makeEngine({ 'a.sec': rules });
    feed(engine, ['start', 'add one'], T0);
    engine.cleanup(T0 + 10);
    expect(rec.stdout).toEqual([]);
    engine.cleanup(T0 + 11);
    expect(rec.stdout).toEqual(['expired d']);
  });

  it('RT-swscript: the script gets the context names; exit 0 runs action, else action2, with frozen values', () => {
    const rule =
      'type=SingleWithScript\nptype=RegExp\npattern=ping (\\S+)\nscript=/bin/ping -c1 $1\ndesc=ping $1\naction=write - up %s\naction2=write - down $1\n';
    const { engine, rec } = makeEngine({ 'a.sec': `${single('^mk$', 'create CTX_A')}\n${rule}` });
    feed(engine, ['mk', 'ping h1', 'ping h2'], T0);
    expect(rec.scripts.map((s) => s.command)).toEqual([
      { shell: '/bin/ping -c1 h1' },
      { shell: '/bin/ping -c1 h2' },
    ]);
    expect(rec.scripts[0]?.stdin).toBe('CTX_A\n');
    rec.scripts[1]?.done(1);
    rec.scripts[0]?.done(0);
    expect(rec.stdout).toEqual(['down h2', 'up ping h1']);
  });
});

describe('engine: --ruleperf (OPT-ruleperf)', () => {
  it('counts events seen and CPU time per rule with the injected CPU clock', () => {
    let cpu = 0;
    const rules = [
      single('a', 'none', 'continue=TakeNext', 'SubStr'),
      single('b', 'none', '', 'SubStr'),
    ].join('\n');
    const { engine, config } = makeEngine(
      { 'a.sec': rules },
      {
        cpuTime: () => {
          cpu += 0.5;
          return cpu;
        },
      },
    );
    feed(engine, ['a', 'ab', 'x'], T0);
    const [r1, r2] = config.files[0]?.rules ?? [];
    if (r1 === undefined || r2 === undefined) throw new Error('rules missing');
    expect(engine.rulePerf.get(r1)).toEqual({ cpu: 1.5, events: 3 });
    expect(engine.rulePerf.get(r2)).toEqual({ cpu: 1.5, events: 3 });
    expect(engine.matchCounts.get(r1)).toBe(2);
    expect(engine.matchCounts.get(r2)).toBe(1);
  });
});

describe('engine: syslog fields as reserved match variables', () => {
  it('offers the fields of a listener event beside $+{_inputsrc}; a named group of the pattern wins', () => {
    const { engine, rec } = makeEngine({
      'a.sec': single('SEV=(?<sev>\\d)', 'write - $+{_host} $+{_severity} $+{sev} $+{_inputsrc}'),
    });
    const fields = { _host: 'vpnc1', _severity: '3', sev: 'shadowed' };
    engine.process({ line: 'x SEV=1 y', source: 'udp://0.0.0.0:5514', context: null, fields }, T0);
    engine.process({ line: 'x SEV=2 y', source: 'file.log', context: null }, T0);
    expect(rec.stdout).toEqual(['vpnc1 3 1 udp://0.0.0.0:5514', '  2 file.log']);
  });

  it('NRegExp matches offer the fields too (beside $0, _inputsrc and _intcontext)', () => {
    const { engine, rec } = makeEngine({ 'a.sec': single('SEV=', 'write - $+{_host} $0', '', 'NRegExp') });
    engine.process(
      { line: 'plain', source: 'udp://0.0.0.0:5514', context: null, fields: { _host: 'fw1' } },
      T0,
    );
    expect(rec.stdout).toEqual(['fw1 plain']);
  });
});
