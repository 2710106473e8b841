import { describe, expect, it } from 'vitest';
import { one, problems, theProblem } from './helpers.js';

describe('process actions (ACT-shellcmd .. ACT-reportexec)', () => {
  it('ACT-shellcmd and ACT-spawn keep the command line as one string', () => {
    expect(one('shellcmd (/bin/echo "a;b" > /tmp/x)')).toEqual({
      kind: 'shellcmd',
      offset: 0,
      command: '/bin/echo "a;b" > /tmp/x',
    });
    expect(one('spawn (tail -f /var/log/x)')).toEqual({
      kind: 'spawn',
      offset: 0,
      command: 'tail -f /var/log/x',
    });
  });

  it('AL-split: a ; in a command splits the list unless the command is parenthesised', () => {
    expect(problems('shellcmd echo "a;b"')).toEqual([['SYS0303', 17]]);
  });

  it('ACT-cmdexec and ACT-spawnexec split argv at load (AL-parse-time)', () => {
    expect(one('cmdexec rm  /tmp/report*')).toEqual({
      kind: 'cmdexec',
      offset: 0,
      argv: ['rm', '/tmp/report*'],
    });
    expect(one('spawnexec /bin/cat $1')).toEqual({ kind: 'spawnexec', offset: 0, argv: ['/bin/cat', '$1'] });
  });

  it('ACT-cspawn and ACT-cspawnexec take a context name first', () => {
    expect(one('cspawn EV ls -l')).toEqual({ kind: 'cspawn', offset: 0, context: 'EV', command: 'ls -l' });
    expect(one('cspawnexec (EV) ls -l')).toEqual({
      kind: 'cspawnexec',
      offset: 0,
      context: 'EV',
      argv: ['ls', '-l'],
    });
  });

  it('ACT-pipe: quoted string (empty means %s), optional command ("" means stdout)', () => {
    expect(one("pipe 'alert $1' /usr/bin/mail -s x root")).toEqual({
      kind: 'pipe',
      offset: 0,
      text: 'alert $1',
      command: '/usr/bin/mail -s x root',
    });
    expect(one("pipe ''")).toEqual({ kind: 'pipe', offset: 0, text: '%s', command: '' });
    expect(one("pipe '(a;b)' cat")).toEqual({ kind: 'pipe', offset: 0, text: 'a;b', command: 'cat' });
  });

  it('ACT-pipeexec: argv split at load, empty argv without a command', () => {
    expect(one("pipeexec 'x' /bin/mail -s SEC%{.sp}alert $2")).toEqual({
      kind: 'pipeexec',
      offset: 0,
      text: 'x',
      argv: ['/bin/mail', '-s', 'SEC%{.sp}alert', '$2'],
    });
    expect(one("pipeexec 'x'")).toEqual({ kind: 'pipeexec', offset: 0, text: 'x', argv: [] });
  });

  it('ACT-report and ACT-reportexec: context and optional command', () => {
    expect(one('report C /bin/cat')).toEqual({
      kind: 'report',
      offset: 0,
      context: 'C',
      command: '/bin/cat',
    });
    expect(one('report C')).toEqual({ kind: 'report', offset: 0, context: 'C', command: '' });
    expect(one('reportexec C wc -l')).toEqual({
      kind: 'reportexec',
      offset: 0,
      context: 'C',
      argv: ['wc', '-l'],
    });
    expect(one('reportexec C')).toEqual({ kind: 'reportexec', offset: 0, context: 'C', argv: [] });
  });

  it('a missing or empty command line is an error', () => {
    expect(problems('shellcmd')).toEqual([['SYS0304', 0]]);
    expect(problems('none; cmdexec ()')).toEqual([['SYS0307', 14]]);
    expect(problems('cspawn C')).toEqual([['SYS0304', 0]]);
    expect(problems('cspawnexec () ()')).toEqual([
      ['SYS0307', 11],
      ['SYS0307', 14],
    ]);
    expect(theProblem('spawn ()').message).toBe("empty command line given for action 'spawn'");
  });

  it('pipe without single quotes is SYS0311 at the string', () => {
    const p = theProblem('pipe foo bar');
    expect(p).toMatchObject({ code: 'SYS0311', offset: 5 });
    expect(p.message).toBe(
      "action 'pipe' needs its string in single quotes (usage: pipe '[STRING]' [COMMAND])",
    );
    expect(problems("pipe 'unclosed")).toEqual([['SYS0311', 5]]);
    expect(problems('pipe')).toEqual([['SYS0304', 0]]);
  });

  it('pipe with a command glued to the quote is malformed (SYS0312)', () => {
    expect(problems("pipeexec 'x'cat")).toEqual([['SYS0312', 0]]);
  });

  it('an empty context name for report is SYS0307', () => {
    expect(problems('report () cat')).toEqual([['SYS0307', 7]]);
  });
});
