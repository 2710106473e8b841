import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';
import { facilityNumber, priLine, syslogSink } from '../src/syslog-sink.js';

describe('logging (OPT-log, OPT-debug, OPT-syslog)', () => {
  it('filters by --debug, stamps --log lines with scalar localtime, limits stderr separately', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'syscorr-log-')), 'sec.log');
    const err: string[] = [];
    const logger = createLogger({
      debug: 5,
      file,
      stderr: (t) => err.push(t),
      stderrLevel: 3,
      now: () => 0,
    });
    logger.log(2, 'an error');
    logger.log(5, 'some info');
    logger.log(6, 'debug detail');
    const lines = readFileSync(file, 'latin1').split('\n');
    expect(lines[0]).toMatch(/^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}: an error$/);
    expect(lines[1]).toMatch(/: some info$/);
    expect(lines).toHaveLength(3);
    expect(err).toEqual(['an error\n']);
  });

  it('keeps the log file open and reopens it after rotation (SIG-USR2), as SEC open_logfile', async () => {
    const { renameSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'syscorr-log-'));
    const file = join(dir, 'sec.log');
    let now = 100;
    const logger = createLogger({ debug: 6, file, stderr: null, stderrLevel: 0, now: () => now });
    logger.log(4, 'before rotation');
    renameSync(file, `${file}.1`);
    // Still open: the line goes to the renamed file until the logger is told to reopen.
    logger.log(4, 'still the old file');
    logger.reopen();
    now = 101;
    logger.log(4, 'after rotation');
    const old = readFileSync(`${file}.1`, 'latin1');
    expect(old).toMatch(/: before rotation\n.*: still the old file\n$/);
    expect(readFileSync(file, 'latin1')).toMatch(
      /^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}: after rotation\n$/,
    );
  });

  it('maps SEC levels and facilities to syslog priorities', () => {
    expect(facilityNumber('LOCAL3')).toBe(19);
    expect(facilityNumber('bogus')).toBeUndefined();
    expect(priLine(3, 1, 'x')).toBe('<26>x\n'); // daemon.crit
    expect(priLine(16, 6, 'a\nb')).toBe('<135>a b\n'); // local0.debug, one line
  });

  it('--syslog feeds one long-lived child with <PRI> lines', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'syscorr-syslog-')), 'out');
    const sink = syslogSink('user', ['/bin/sh', '-c', `cat > '${file}'`]);
    expect(sink).not.toBeNull();
    sink?.(4, 'hello');
    sink?.(2, 'broken');
    await expect.poll(() => readFileSync(file, 'latin1'), { timeout: 5000 }).toBe('<13>hello\n<11>broken\n');
  });
});
