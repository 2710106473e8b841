import { describe, expect, it } from 'vitest';
import { runActions } from '../../src/actions/index.js';
import { env, fakes, parse } from './fakes.js';

describe('operations (ACT-reset, ACT-getwpos, ACT-setwpos)', () => {
  it('reset passes this file, the resolved rule number (null = all) and the expanded desc', () => {
    const f = fakes();
    runActions(parse('reset; reset 0 op %s; reset +2 x; reset 2nd', 3), env({ file: 'a.sec' }), f);
    expect(f.engine.calls).toEqual([
      ['reset', 'a.sec', null, 'DESC'],
      ['reset', 'a.sec', 3, 'op DESC'],
      ['reset', 'a.sec', 5, 'x'],
      ['reset', 'a.sec', null, '2nd'],
    ]);
  });
  it('getwpos sets %v to the window start; a missing operation leaves it unchanged (warning)', () => {
    const f = fakes();
    f.engine.windows.set('a.sec|1|op', 950);
    f.variables.set('w', 'old');
    f.variables.set('m', 'old');
    runActions(parse('getwpos %w 0 op; getwpos %m 0 nope', 1), env({ file: 'a.sec' }), f);
    expect(f.variables.values.get('w')).toBe('950');
    expect(f.variables.values.get('m')).toBe('old');
    expect(f.logger.atMost(3)).toHaveLength(1);
  });
  it('setwpos validates TIME and hands the move to the engine', () => {
    const f = fakes();
    f.variables.set('t', '990');
    runActions(parse('setwpos %t 0 op; setwpos 99x 0 op', 1), env({ file: 'a.sec' }), f);
    expect(f.engine.calls).toEqual([['setwpos', 'a.sec', 1, 'op', 990, 1000]]);
    expect(f.logger.atMost(3)).toEqual([expect.stringContaining("Invalid timestamp '99x'")]);
  });
});

describe('inputs and signals (ACT-rewrite, ACT-addinput, ACT-dropinput, ACT-sigemul)', () => {
  it('rewrite validates the count; 0 with no lines warns', () => {
    const f = fakes();
    f.variables.set('empty', '');
    runActions(parse('rewrite 2 a%{.nl}b; rewrite 0 %empty; rewrite x y; rewrite 0'), env(), f);
    expect(f.engine.calls).toEqual([
      ['rewrite', 2, 'a\nb'],
      ['rewrite', 0, 'DESC'],
    ]);
    expect(f.logger.atMost(3)).toEqual([
      'No data for rewriting input buffer',
      "Invalid linecount 'x', can't rewrite input buffer",
    ]);
  });
  it('addinput: offset - or digits, default context _FILE_EVENT_ + the raw file', () => {
    const f = fakes();
    f.variables.set('f', '/var/log/x');
    runActions(parse('addinput %f; addinput /a 0012 CTX; addinput /b -3; dropinput %f'), env(), f);
    expect(f.engine.calls).toEqual([
      ['addinput', '/var/log/x', '-', '_FILE_EVENT_/var/log/x'],
      ['addinput', '/a', '0012', 'CTX'],
      ['dropinput', '/var/log/x'],
    ]);
    expect(f.logger.atMost(3)).toEqual(["Invalid file offset '-3' specified for input file '/b'"]);
  });
  it('sigemul is case-insensitive and refuses unknown names', () => {
    const f = fakes();
    runActions(parse('sigemul hup; sigemul Usr1; sigemul KILL'), env(), f);
    expect(f.engine.calls).toEqual([
      ['sigemul', 'HUP'],
      ['sigemul', 'USR1'],
    ]);
    expect(f.logger.atMost(3)).toEqual(["The arrival of 'KILL' signal can't be emulated"]);
  });
});

describe('variables (ACT-assign, ACT-assignsq, ACT-free, ACT-varset)', () => {
  it('assign defaults to %s; assignsq quotes; free unsets', () => {
    const f = fakes();
    runActions(parse("assign %a; assignsq %q abc'123'xyz; assign %b x; free %b; write - [%b]"), env(), f);
    expect(f.variables.values.get('a')).toBe('DESC');
    expect(f.variables.values.get('q')).toBe("'abc'\\''123'\\''xyz'");
    expect(f.variables.values.has('b')).toBe(false);
    expect(f.outputs.stdout).toBe('[]\n');
  });
  it('varset asks the match cache for the expanded entry name', () => {
    const f = fakes();
    f.engine.cache.add('sshd');
    f.variables.set('n', 'sshd');
    runActions(parse('varset %x %n; varset %y other'), env(), f);
    expect(f.variables.values.get('x')).toBe('1');
    expect(f.variables.values.get('y')).toBe('0');
  });
});
