import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Processes } from '../../src/outputs/children.js';
import { pause, RecordingLogger, tempDir, until } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let logger: RecordingLogger;
let stdout: string[];
let procs: Processes;

beforeEach(() => {
  tmp = tempDir();
  logger = new RecordingLogger();
  stdout = [];
  procs = new Processes({ logger, stdoutWrite: (text) => stdout.push(text) });
});

afterEach(async () => {
  procs.terminateAll();
  await procs.idle();
  tmp.remove();
});

/** Reaps until every child is gone, collecting lines and running completions. */
async function drain(): Promise<string[]> {
  const lines: string[] = [];
  await procs.idle();
  const result = procs.reap(true);
  for (const line of result.lines) lines.push(`${line.context}|${line.text}`);
  for (const complete of result.completions) complete();
  return lines;
}

describe('shellcmd, cmdexec (ACT-shellcmd, ACT-cmdexec, CH-fire-forget)', () => {
  it('ACT-shellcmd: a line with metacharacters runs through the shell', async () => {
    const file = tmp.path('out');
    procs.run({ shell: `echo hello > ${file}` });
    expect(procs.running).toBe(1);
    await drain();
    expect(readFileSync(file, 'latin1')).toBe('hello\n');
    expect(procs.running).toBe(0);
  });

  it('ACT-cmdexec: an argv runs without a shell (a literal * and $HOME)', async () => {
    const file = tmp.path('star');
    procs.run({ argv: ['/bin/sh', '-c', 'printf "%s|" "$@" > "$0"', file, '*', '$HOME', 'a b'] });
    await drain();
    expect(readFileSync(file, 'latin1')).toBe('*|$HOME|a b|');
  });

  it('CH-fire-forget: a non-zero exit is logged as a warning with the command, at reap time', async () => {
    procs.run({ argv: ['/bin/sh', '-c', 'exit 3'] });
    await procs.idle();
    expect(logger.messages(3)).toEqual([]);
    procs.reap(false);
    expect(logger.messages(3)).toHaveLength(1);
    expect(logger.messages(3)[0]).toMatch(
      /^Child \d+ terminated with non-zero exitcode 3 \(\/bin\/sh -c exit 3\)$/,
    );
  });

  it('CH-shell: a missing program exits 1 without a shell and 127 with one', async () => {
    procs.run({ shell: '/nonexistent/syscorr-prog arg' });
    procs.run({ shell: '/nonexistent/syscorr-prog 2>/dev/null' });
    await drain();
    const warnings = logger.messages(3);
    expect(warnings.some((m) => m.includes('exitcode 1 (/nonexistent/syscorr-prog arg)'))).toBe(true);
    expect(warnings.some((m) => m.includes('exitcode 127 (/nonexistent/syscorr-prog 2>/dev/null)'))).toBe(
      true,
    );
  });

  it('CH-exec: an empty command runs nothing and counts as exit 1', async () => {
    procs.run({ argv: [] });
    procs.run({ shell: '   ' });
    await drain();
    expect(logger.messages(3).filter((m) => m.includes('non-zero exitcode 1'))).toHaveLength(2);
  });

  it('CH-env: children inherit the environment and the working directory', async () => {
    const file = tmp.path('env');
    process.env.SYSCORR_OUTPUTS_TEST = 'inherited';
    try {
      procs.run({ shell: `echo "$SYSCORR_OUTPUTS_TEST $(pwd)" > ${file}` });
    } finally {
      delete process.env.SYSCORR_OUTPUTS_TEST;
    }
    await drain();
    expect(readFileSync(file, 'latin1')).toBe(`inherited ${process.cwd()}\n`);
  });
});

describe('spawn family (ACT-spawn, ACT-cspawn, CH-spawn-read, IN-order)', () => {
  it('ACT-spawn: each stdout line becomes an event with its context; a final partial line too', async () => {
    procs.spawn({ shell: "printf 'a\\n\\nb\\nc'" }, '_INTERNAL_EVENT');
    procs.spawn({ argv: ['/bin/echo', 'x', '*'] }, 'CTX');
    const lines = await drain();
    expect(lines.filter((l) => l.startsWith('_INTERNAL_EVENT|'))).toEqual([
      '_INTERNAL_EVENT|a',
      '_INTERNAL_EVENT|',
      '_INTERNAL_EVENT|b',
      '_INTERNAL_EVENT|c',
    ]);
    expect(lines.filter((l) => l.startsWith('CTX|'))).toEqual(['CTX|x *']);
  });

  it('CH-spawn-read: bytes are latin1 both ways (argv, shell line and output)', async () => {
    // "café" in UTF-8 is the bytes c3 a9, one latin1 char each.
    procs.spawn({ argv: ['/bin/echo', 'caf\xc3\xa9'] }, 'A');
    procs.spawn({ shell: "printf 'caf\xc3\xa9 \\351\\n'" }, 'S');
    expect((await drain()).sort()).toEqual(['A|caf\xc3\xa9', 'S|caf\xc3\xa9 \xe9']);
    expect(logger.messages(3)).toEqual([]);
  });

  it('CH-exec: bytes that are not UTF-8 cannot be passed in argv: a warning says so', async () => {
    procs.spawn({ argv: ['/bin/echo', 'caf\xe9'] }, 'C');
    expect(await drain()).toEqual(['C|caf\xef\xbf\xbd']);
    expect(logger.messages(3)).toEqual([
      "Command '/bin/echo caf\xe9' has bytes that are not UTF-8; they were passed as U+FFFD",
    ]);
  });

  it('IN-order: a running child is read only while the synthetic queue is empty', async () => {
    const mark = tmp.path('mark');
    procs.spawn({ shell: `echo one; echo two; touch ${mark}; exec sleep 5` }, 'C');
    await until(() => existsSync(mark));
    await pause(50); // let Node read what the child wrote
    const busy = procs.reap(false);
    expect(busy).toEqual({ lines: [], completions: [], producedOutput: false });
    const got: string[] = [];
    let produced = false;
    await until(() => {
      const idle = procs.reap(true);
      produced ||= idle.producedOutput;
      got.push(...idle.lines.map((l) => l.text));
      return got.length >= 2;
    });
    expect(got).toEqual(['one', 'two']);
    expect(produced).toBe(true);
    expect(procs.reap(true).producedOutput).toBe(false);
    procs.terminateAll();
    expect(logger.messages(4).some((m) => /^Sending SIGTERM to process \d+$/.test(m))).toBe(true);
    await procs.idle();
    procs.reap(true);
    expect(procs.running).toBe(0);
    expect(logger.messages(3)).toEqual([]); // killed by a signal: exit code 0, nothing logged
  });

  it('IN-order: an exited child has its remaining output released even when the queue is busy', async () => {
    procs.spawn({ shell: "printf 'x\\ny'" }, 'C');
    await procs.idle();
    expect(procs.reap(false).lines.map((l) => l.text)).toEqual(['x', 'y']);
  });

  it('IN-order: a flood of output is held back until the engine asks, without loss', async () => {
    const count = 60000;
    procs.spawn(
      { argv: ['/bin/sh', '-c', `i=0; while [ $i -lt ${count} ]; do echo "line $i"; i=$((i+1)); done`] },
      'C',
    );
    let settled = false;
    void procs.idle().then(() => {
      settled = true;
    });
    await pause(150);
    // Paused at the high-water mark: the child is blocked and not finished.
    expect(settled).toBe(false);
    const got: string[] = [];
    while (!settled || procs.running > 0) {
      for (const line of procs.reap(true).lines) got.push(line.text);
      await pause(1);
    }
    expect(got).toHaveLength(count);
    expect(got[0]).toBe('line 0');
    expect(got[count - 1]).toBe(`line ${count - 1}`);
  });

  it('CH-shell: a trailing 2>&1 sends stderr into the spawned output', async () => {
    procs.spawn({ shell: 'ls /nonexistent-syscorr-dir 2>&1' }, 'C');
    const lines = await drain();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^C\|ls: .*nonexistent-syscorr-dir/);
  });
});

describe('pipe and report family (ACT-pipe, ACT-report, CH-helper)', () => {
  it('ACT-pipe: the data goes to the command stdin, which is then closed', async () => {
    const file = tmp.path('piped');
    procs.pipe({ shell: `cat > ${file}` }, 'one\ntw\xe9\n');
    await drain();
    expect(readFileSync(file, 'latin1')).toBe('one\ntw\xe9\n');
  });

  it('ACT-pipeexec: an argv command gets the data without a shell', async () => {
    const file = tmp.path('tee');
    procs.pipe({ argv: ['/bin/sh', '-c', 'cat > "$0"', file] }, 'x\n');
    await drain();
    expect(readFileSync(file, 'latin1')).toBe('x\n');
  });

  it('CH-exec: no command (null, empty argv or empty string) writes to standard output', () => {
    procs.pipe(null, 'a\n');
    procs.pipe({ argv: [] }, 'b\n');
    procs.pipe({ shell: '' }, 'c\n');
    expect(stdout.join('')).toBe('a\nb\nc\n');
    expect(procs.running).toBe(0);
  });

  it('CH-helper: a command that does not read its stdin is not an error', async () => {
    procs.pipe({ argv: ['/bin/true'] }, 'x'.repeat(1 << 20));
    await drain();
    expect(logger.messages(3)).toEqual([]);
  });
});

describe('SingleWithScript runner (RT-swscript, RT-swscript-exit, CH-reap)', () => {
  it('RT-swscript: the script gets the context names on stdin; done(0) runs only when reaped', async () => {
    const file = tmp.path('names');
    const codes: number[] = [];
    procs.script({ shell: `cat > ${file}` }, 'A\nB\n', (code) => codes.push(code));
    await procs.idle();
    expect(codes).toEqual([]);
    const result = procs.reap(false);
    expect(result.completions).toHaveLength(1);
    expect(codes).toEqual([]);
    for (const complete of result.completions) complete();
    expect(codes).toEqual([0]);
    expect(readFileSync(file, 'latin1')).toBe('A\nB\n');
  });

  it('RT-swscript-exit: exit code n gives n; a signal gives 0; an exec failure gives 1', async () => {
    const codes = new Map<string, number>();
    procs.script({ argv: ['/bin/sh', '-c', 'exit 2'] }, '', (c) => codes.set('exit2', c));
    procs.script({ argv: ['/bin/sh', '-c', 'kill -TERM $$'] }, '', (c) => codes.set('signal', c));
    procs.script({ argv: ['/nonexistent/syscorr-script'] }, 'x\n', (c) => codes.set('noexec', c));
    procs.script({ shell: '/nonexistent/syscorr-script' }, 'x\n', (c) => codes.set('noexec-line', c));
    await drain();
    expect(Object.fromEntries(codes)).toEqual({ exit2: 2, signal: 0, noexec: 1, 'noexec-line': 1 });
    // A script's exit code is reported to the rule, not logged as a failed command.
    expect(logger.messages(3)).toEqual([]);
  });
});
