import { describe, expect, it } from 'vitest';
import { runActions } from '../../src/actions/index.js';
import { env, fakes, parse } from './fakes.js';

describe('child processes (ACT-shellcmd .. ACT-reportexec)', () => {
  it('string commands go to the port as { shell }, *exec as { argv } expanded per element', () => {
    const f = fakes();
    f.variables.set('a', 'x y');
    runActions(
      parse('shellcmd echo %a; cmdexec /bin/echo %a %s; spawn cat; spawnexec /bin/cat %a'),
      env(),
      f,
    );
    expect(f.processes.calls).toEqual([
      ['run', { shell: 'echo x y' }],
      ['run', { argv: ['/bin/echo', 'x y', 'DESC'] }],
      ['spawn', { shell: 'cat' }, '_INTERNAL_EVENT'],
      ['spawn', { argv: ['/bin/cat', 'x y'] }, '_INTERNAL_EVENT'],
    ]);
  });
  it('ACT-cspawn / ACT-cspawnexec pass the internal context', () => {
    const f = fakes();
    runActions(parse('cspawn CTX_%s cmd; cspawnexec C2 /bin/cmd'), env(), f);
    expect(f.processes.calls).toEqual([
      ['spawn', { shell: 'cmd' }, 'CTX_DESC'],
      ['spawn', { argv: ['/bin/cmd'] }, 'C2'],
    ]);
  });
  it('OPT-quoting quotes only %s, in shellcmd, spawn and cspawn (command and context)', () => {
    const f = fakes();
    f.variables.set('v', "it's");
    const list = parse(
      "shellcmd echo %s %v; spawn echo %s; cspawn C%s echo %s; cmdexec /bin/echo %s; pipe '%s' cat %s",
    );
    runActions(list, env({ desc: "a'b", quoting: true }), f);
    expect(f.processes.calls).toEqual([
      ['run', { shell: "echo 'a'\\''b' it's" }],
      ['spawn', { shell: "echo 'a'\\''b'" }, '_INTERNAL_EVENT'],
      ['spawn', { shell: "echo 'a'\\''b'" }, "C'a'\\''b'"],
      ['run', { argv: ['/bin/echo', "a'b"] }],
      ['pipe', { shell: "cat a'b" }, "a'b\n"],
    ]);
  });
  it('without --quoting %s is inserted raw', () => {
    const f = fakes();
    runActions(parse('shellcmd echo %s'), env({ desc: "a'b" }), f);
    expect(f.processes.calls).toEqual([['run', { shell: "echo a'b" }]]);
  });
  it("ACT-pipe: text + newline; no command, or one that expands to '', means stdout (null)", () => {
    const f = fakes();
    runActions(
      parse(
        "pipe 'hello %s' /usr/bin/mail -s x root; pipe 'a'; pipe '' %empty; pipeexec 'b' /bin/cat -n; pipeexec 'c'",
      ),
      env(),
      f,
    );
    expect(f.processes.calls).toEqual([
      ['pipe', { shell: '/usr/bin/mail -s x root' }, 'hello DESC\n'],
      ['pipe', null, 'a\n'],
      ['pipe', null, 'DESC\n'],
      ['pipe', { argv: ['/bin/cat', '-n'] }, 'b\n'],
      ['pipe', null, 'c\n'],
    ]);
  });
  it('ACT-report feeds each stored line + newline; missing context warns; empty store starts nothing', () => {
    const f = fakes();
    f.contexts.add('R', 'l1\n\nl3', 0);
    f.contexts.create('E', 0, null, '', 0);
    runActions(
      parse('report R /bin/mail; report MISSING cat; report E cat; reportexec R /bin/cat -u; reportexec R'),
      env(),
      f,
    );
    expect(f.processes.calls).toEqual([
      ['pipe', { shell: '/bin/mail' }, 'l1\n\nl3\n'],
      ['pipe', { argv: ['/bin/cat', '-u'] }, 'l1\n\nl3\n'],
      ['pipe', null, 'l1\n\nl3\n'],
    ]);
    expect(f.logger.atMost(3)).toEqual(["Context 'MISSING' does not exist, can't report"]);
  });
});
