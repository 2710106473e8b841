import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { launch } from '../../src/outputs/launch.js';
import { planExec, splitWords } from '../../src/outputs/shell.js';
import { describeWithProgram } from '../support/external.js';

describe('planExec (CH-shell: Perl exec(STRING))', () => {
  it('CH-shell: a line without metacharacters is split on whitespace and exec-ed directly', () => {
    expect(planExec('  /bin/echo  a\tb #x ')).toEqual({
      kind: 'argv',
      argv: ['/bin/echo', 'a', 'b', '#x'],
      stderrToStdout: false,
    });
  });

  it.each([
    'echo $HOME',
    'echo a; echo b',
    'ls *',
    'echo ~',
    'echo a|b',
    "echo 'a'",
    'echo `id`',
    'echo a\nb',
    'cat <f',
    'echo {a,b}',
    'echo a\\b',
    'X=1 cmd',
    '=x',
    'exec cmd',
    '. ./file',
  ])('CH-shell: %j goes through /bin/sh -c', (line) => {
    expect(planExec(line).kind).toBe('shell');
  });

  it('CH-shell: the shell gets the line without its leading whitespace', () => {
    expect(planExec('  echo $x')).toEqual({ kind: 'shell', script: 'echo $x' });
  });

  it('CH-shell: a single trailing newline is dropped without choosing the shell', () => {
    expect(planExec('echo a\n')).toEqual({ kind: 'argv', argv: ['echo', 'a'], stderrToStdout: false });
  });

  it('CH-shell: a trailing " 2>&1" redirects stderr without a shell; elsewhere it needs one', () => {
    expect(planExec('ls /x 2>&1  ')).toEqual({ kind: 'argv', argv: ['ls', '/x'], stderrToStdout: true });
    expect(planExec('ls /x 2>&1 y').kind).toBe('shell');
    expect(planExec('ls /x2>&1').kind).toBe('shell');
  });

  it('CH-shell: "execute", ".x" and "a=b" as an argument are not shell forms', () => {
    expect(planExec('executable a').kind).toBe('argv');
    expect(planExec('.hidden a').kind).toBe('argv');
    expect(planExec('cmd a=b').kind).toBe('argv');
  });

  it('CH-shell: an empty or blank line runs nothing', () => {
    expect(planExec('')).toEqual({ kind: 'none' });
    expect(planExec(' \t ')).toEqual({ kind: 'none' });
  });

  it('splitWords splits on Perl whitespace only (not on U+00A0)', () => {
    expect(splitWords('a\u00a0b\fc\vd')).toEqual(['a\u00a0b', 'c', 'd']);
  });
});

/** The stdout of a command line run as our spawn family would run it. */
function runOurs(line: string): Promise<string> {
  const launched = launch({ shell: line }, { captureStdout: true, feedStdin: false });
  if (launched.kind === 'none') return Promise.resolve('');
  const { proc } = launched;
  let out = '';
  proc.stdout?.setEncoding('latin1');
  proc.stdout?.on('data', (chunk: string) => {
    out += chunk;
  });
  return new Promise((resolve) => proc.on('close', () => resolve(out)));
}

describeWithProgram('perl', 'CH-shell against Perl exec(STRING)', (perl) => {
  // `#x` is a comment for the shell but an argument for a direct exec, so the output shows
  // which way each line was run.
  const lines = [
    'echo a #x',
    '   echo  a\tb #x',
    'echo a=b #x',
    'X=1 echo a #x',
    'exec echo a #x',
    'echo $0 #x',
    'echo a-b.c,d/e:f+g@h%i^j!k #x',
    'echo a #x\n',
    'echo a #x 2>&1',
    'echo a #x 2>&1 #y',
    'ls /nonexistent-syscorr #x 2>&1',
  ];
  it.each(lines)('CH-shell: %j gives the same output as perl', async (line) => {
    let expected: string;
    try {
      expected = execFileSync(perl, ['-e', 'exec $ARGV[0]; exit 1', line], {
        encoding: 'latin1',
        stdio: 'pipe',
      });
    } catch (error) {
      expected = String((error as { stdout?: string }).stdout ?? '');
    }
    expect(await runOurs(line)).toBe(expected);
  });
});
