import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWithProgram } from '../support/external.js';
import { SYSCORR_MAIN } from '../support/syslog-process.js';

/**
 * The log at --debug=6 of the file and socket actions, of internal events and of the automatic --bufsize, from /usr/bin/sec and from
 * syscorr on the same rules and input: every line once, in SEC's order and words. (udgram is
 * left out: syscorr sends datagrams through a helper process, whose answers come after a
 * --notail run has ended.)
 */
const dir = mkdtempSync(join(tmpdir(), 'syscorr-debuglog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function logLines(program: string, args: readonly string[], log: string): string[] {
  execFileSync(program, [...args, `--log=${log}`], { cwd: dir, stdio: 'ignore' });
  return readFileSync(log, 'latin1')
    .split('\n')
    .map((l) => l.replace(/^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}: /, ''))
    .filter((l) => /socket|peer|internal|Closing|Sending|Writing|not open|--bufsize/.test(l));
}

describeWithProgram('sec', 'debug log of socket actions and internal events', (sec) => {
  it('has the same lines as SEC, each once', () => {
    const nosock = join(dir, 'nosock');
    const out = join(dir, 'out');
    writeFileSync(
      join(dir, 'r.sec'),
      [
        'type=Single',
        'ptype=SubStr',
        'pattern=go',
        'desc=d',
        `action=udpsock 127.0.0.1:9 hello; closeudp 127.0.0.1:9; closeudp 127.0.0.1:9; tcpsock 127.0.0.1:9 x; closetcp 127.0.0.1:9; closetcp 127.0.0.1:9; ustream ${nosock} y; closeustr ${nosock}; write ${out} w; closef ${out}; closef ${out}`,
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'in'), 'go\n');
    const args = ['--conf=r.sec', '--input=in', '--notail', '--debug=6', '--intevents'];
    const ours = logLines(process.execPath, [SYSCORR_MAIN, ...args], join(dir, 'ours.log'));
    const theirs = logLines(sec, args, join(dir, 'sec.log'));
    expect(ours).toEqual(theirs);
    expect(ours.filter((l) => l.startsWith("Sending event 'hello'"))).toHaveLength(1);
    expect(ours).toContain('No --bufsize command line option or --bufsize=0, setting --bufsize to 1');
  });
});
