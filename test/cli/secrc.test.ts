import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommandLine, readResourceFile, resourceFileLines } from '../../src/cli/index.js';

const files = (content: Record<string, string>) => (path: string) => {
  const text = content[path];
  if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return text;
};

describe('OPT-secrc: resource file lines', () => {
  it('makes each trimmed, non-empty, non-# line ONE argument', () => {
    const text = '  --debug=3  \r\n#--foo\n\n   # indented comment\n--conf /x\n\t--testonly\n--bogus';
    expect(resourceFileLines(text)).toEqual(['--debug=3', '--conf /x', '--testonly', '--bogus']);
  });

  it('keeps a # that is not at the start, and inner white space', () => {
    expect(resourceFileLines('--log=a # b\n--conf=x  y\n')).toEqual(['--log=a # b', '--conf=x  y']);
  });

  it('appends the lines after argv, so the file wins for scalars and -- hides it', () => {
    const read = files({ '/rc': '--debug=3\n--conf=from-rc\n' });
    const r = parseCommandLine(['--debug=2', '--conf=cli'], { SECRC: '/rc' }, read);
    expect(r.options.debug).toBe(3);
    expect(r.options.conf).toEqual(['cli', 'from-rc']);
    expect(r.commandLine).toBe('--debug=2 --conf=cli --debug=3 --conf=from-rc');
    expect(r.rcFile).toBe('/rc');
    const hidden = parseCommandLine(['--', 'x'], { SECRC: '/rc' }, read);
    expect(hidden.options.debug).toBe(6);
  });

  it('gives "--conf /x" on one line as one broken argument', () => {
    const r = parseCommandLine([], { SECRC: '/rc' }, files({ '/rc': '--conf /x\n' }));
    expect(r.options.conf).toEqual([]);
    expect(r.problems).toEqual([{ code: 'SYS0701', message: 'Unknown option: conf /x' }]);
  });

  it('reports a file that cannot be opened first and goes on with argv', () => {
    const r = parseCommandLine(['--debug=9'], { SECRC: '/missing' }, files({}));
    expect(r.problems.map((p) => p.message)).toEqual([
      "Can't open resource file /missing (No such file or directory)",
      "'--debug' option requires a value from range 1..6",
    ]);
    expect(r.problems[0]?.code).toBe('SYS0710');
    expect(r.rcFile).toBe('/missing - open failed (No such file or directory)');
  });

  it('without SECRC reads nothing; an empty SECRC fails like open("")', () => {
    const never = () => {
      throw new Error('must not be read');
    };
    expect(parseCommandLine([], {}, never).rcFile).toBe('none');
    expect(parseCommandLine([], { SECRC: '' }, never).problems.map((p) => p.message)).toEqual([
      "Can't open resource file  (No such file or directory)",
    ]);
  });

  it("opens the name like Perl's 2-argument open (white space and a leading < ignored)", () => {
    const r = readResourceFile(' < /rc ', files({ '/rc': '--testonly\n' }));
    expect(r.args).toEqual(['--testonly']);
    expect(r.status).toBe(' < /rc ');
  });
});

describe('OPT-secrc: on the real file system', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-secrc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the file named by SECRC', () => {
    const rc = join(dir, 'secrc');
    writeFileSync(rc, '--notail\n--input=/var/log/messages=SYSLOG\n');
    const r = parseCommandLine([], { SECRC: rc });
    expect(r.options.tail).toBe(false);
    expect(r.options.input).toEqual([{ pattern: '/var/log/messages', context: 'SYSLOG', kind: 'file' }]);
  });

  it('treats a directory as an empty file, as Perl can open() one', () => {
    const r = parseCommandLine([], { SECRC: dir });
    expect(r.problems).toEqual([]);
    expect(r.rcFile).toBe(dir);
  });

  it('reports a missing file with the strerror text', () => {
    const r = parseCommandLine([], { SECRC: join(dir, 'nope') });
    expect(r.problems[0]?.message).toBe(
      `Can't open resource file ${join(dir, 'nope')} (No such file or directory)`,
    );
  });
});
