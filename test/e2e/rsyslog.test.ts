import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeWithProgram, findProgram } from '../support/external.js';
import { Rsyslogd } from '../support/rsyslog.js';
import { SyscorrProcess } from '../support/syslog-process.js';
import { endGracefully, tcpConnect, writeAll } from '../support/syslog-senders.js';

/**
 * Issue 5, "Real clients": rsyslog forwarding (omfwd) into a running syscorr, over UDP and over
 * TCP with octet counting in RFC 5424 (RSYSLOG_SyslogProtocol23Format), and over TCP with LF
 * frames in rsyslog's 3164-like forward format (RSYSLOG_ForwardFormat). Each route arrives on its
 * own listener, named by its internal context; the rules write what they saw.
 */

/** What each route's rule writes: the fields the parser found, then the event line. */
const FIELDS =
  '$+{_host}|$+{_app}|$+{_procid}|$+{_msgid}|$+{_severity}|$+{_facility}|$+{_peer}|$+{_format}|' +
  '$+{_sd_meta_32473_x}|$+{_sd_meta_32473_note}|$1';

const ROUTES = ['U5424', 'OCT5424', 'LF3164'] as const;

function rules(dir: string, out: string): string {
  const path = join(dir, 'forwarded.sec');
  const rule = (ctx: string): string =>
    `type=Single\nptype=RegExp\npattern=^(.*)$\ncontext=${ctx}\ndesc=${ctx}\naction=write ${out} ${ctx}|${FIELDS}\n`;
  writeFileSync(path, ROUTES.map(rule).join('\n'));
  return path;
}

// RFC 5424 with structured data (an escaped quote and bracket in a value), and a BSD line.
const RFC5424 =
  '<34>1 2026-11-28T10:00:00.123Z router1 sshd 4242 AUTHFAIL [meta@32473 x="1" note="a \\"quoted\\" \\]value"] ' +
  'Failed password for root from 203.0.113.9';
const RFC3164 = '<13>Nov 28 10:00:01 fw2 kernel: DROP IN=eth0 SRC=198.51.100.1';

// rsyslogd lives in /usr/sbin, which is not on every user's PATH.
const RSYSLOGD =
  findProgram('rsyslogd') ?? (existsSync('/usr/sbin/rsyslogd') ? '/usr/sbin/rsyslogd' : 'rsyslogd');

describeWithProgram(RSYSLOGD, 'rsyslog forwarding (omfwd) into a running syscorr', (program) => {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-rsyslog-'));
  const out = join(dir, 'seen.txt');
  const source = join(dir, 'source.log');
  let syscorr: SyscorrProcess | null = null;
  let rsyslog: Rsyslogd | null = null;
  const lines = (): string[] => {
    try {
      return readFileSync(out, 'latin1')
        .split('\n')
        .filter((l) => l !== '');
    } catch {
      return [];
    }
  };
  const diagnostics = (): string =>
    `${syscorr?.diagnostics() ?? ''}\n${rsyslog?.diagnostics() ?? ''}\n--- seen ---\n${lines().join('\n')}`;

  beforeAll(async () => {
    syscorr = new SyscorrProcess(
      [
        `--conf=${rules(dir, out)}`,
        '--input=udp://127.0.0.1:0=U5424',
        '--input=tcp://127.0.0.1:0=OCT5424',
        '--input=tcp://127.0.0.1:0=LF3164',
        '--poll-timeout=0.05',
        '--nometrics', // several syscorr processes run at once in the suite: no port to share
      ],
      { dir, env: { TZ: 'UTC' } },
    );
    const [udp, octet, lf] = await syscorr.listeners(3);
    if (udp === undefined || octet === undefined || lf === undefined) throw new Error('listeners missing');
    writeFileSync(source, '');
    rsyslog = new Rsyslogd(
      program,
      {
        dir,
        hostname: 'rsyslog-test',
        forwards: [
          { port: udp.port, protocol: 'udp', template: 'RSYSLOG_SyslogProtocol23Format' },
          {
            port: octet.port,
            protocol: 'tcp',
            octetCounted: true,
            template: 'RSYSLOG_SyslogProtocol23Format',
          },
          { port: lf.port, protocol: 'tcp', template: 'RSYSLOG_ForwardFormat' },
        ],
        fileInput: { path: source, tag: 'filemon:', severity: 'warning', facility: 'local3' },
      },
      { TZ: 'UTC' },
    );
    const imtcp = await rsyslog.imtcpPort();
    const s = await tcpConnect(imtcp);
    await writeAll(s, Buffer.from(`${RFC5424}\n${RFC3164}\n`));
    await endGracefully(s);
    appendFileSync(source, 'disk almost full on /var\n\ntraceback line 1\n  at frame 2\n\n');
  }, 40_000);

  let keep = false;
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail') keep = true;
  });

  afterAll(async () => {
    await rsyslog?.stop();
    await syscorr?.stop();
    if (keep) console.log(`rsyslog test files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });

  const route = (ctx: string, text: string): string[] =>
    lines().filter((l) => l.startsWith(`${ctx}|`) && l.includes(text));

  it('every message arrives once on each of the three routes', async () => {
    // Two messages through imtcp and two through imfile, each forwarded three ways; over LF framing
    // the two-line message becomes two (RFC 6587 §3.4.2: LF framing cannot carry an LF).
    await expect
      .poll(() => lines().length, { timeout: 15_000, interval: 50, message: 'thirteen forwarded messages' })
      .toBeGreaterThanOrEqual(13);
    const per = (ctx: string): number => lines().filter((l) => l.startsWith(`${ctx}|`)).length;
    expect({ U5424: per('U5424'), OCT5424: per('OCT5424'), LF3164: per('LF3164') }, diagnostics()).toEqual({
      U5424: 4,
      OCT5424: 4,
      LF3164: 5,
    });
  });

  it('RFC 5424 over UDP and over octet-counted TCP: header fields, structured data unescaped, classic line', () => {
    for (const ctx of ['U5424', 'OCT5424']) {
      expect(route(ctx, 'Failed password'), diagnostics()).toEqual([
        `${ctx}|router1|sshd|4242|AUTHFAIL|crit|auth|127.0.0.1|rfc5424|1|a "quoted" ]value|` +
          'Nov 28 10:00:00 router1 sshd[4242]: Failed password for root from 203.0.113.9',
      ]);
    }
  });

  it('rsyslog forward format over LF-framed TCP: the 3164-like line with an RFC 3339 time', () => {
    // The forward format carries no MSGID and no structured data: they are gone, as in rsyslog.
    expect(route('LF3164', 'Failed password'), diagnostics()).toEqual([
      'LF3164|router1|sshd|4242||crit|auth|127.0.0.1|rfc3164|||' +
        'Nov 28 10:00:00 router1 sshd[4242]: Failed password for root from 203.0.113.9',
    ]);
    expect(route('LF3164', 'DROP'), diagnostics()).toEqual([
      'LF3164|fw2|kernel|||notice|user|127.0.0.1|rfc3164|||Nov 28 10:00:01 fw2 kernel: DROP IN=eth0 SRC=198.51.100.1',
    ]);
  });

  it('a BSD message received by rsyslog and forwarded as RFC 5424 keeps host, tag and text', () => {
    for (const ctx of ['U5424', 'OCT5424']) {
      const got = route(ctx, 'DROP');
      expect(got, diagnostics()).toHaveLength(1);
      // rsyslog's MSG of a BSD line keeps the space after the tag, so RFC 5424 carries it too.
      expect(got[0]).toMatch(
        new RegExp(
          `^${ctx}\\|fw2\\|kernel\\|\\|\\|notice\\|user\\|127\\.0\\.0\\.1\\|rfc5424\\|\\|\\|Nov 28 10:00:01 fw2 kernel: {1,2}DROP IN=eth0 SRC=198\\.51\\.100\\.1$`,
        ),
      );
    }
  });

  it('a message with an LF inside stays one event over octet counting and UDP, with the LF as #012', () => {
    for (const ctx of ['U5424', 'OCT5424']) {
      expect(route(ctx, 'traceback'), diagnostics()).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${ctx}\\|rsyslog-test\\|filemon\\|.*rsyslog-test filemon: traceback line 1#012  at frame 2$`,
          ),
        ),
      ]);
    }
    // LF framing ends the message at the LF; the rest arrives as a message of its own.
    expect(route('LF3164', 'traceback'), diagnostics()).toEqual([
      expect.stringMatching(/ rsyslog-test filemon: traceback line 1$/),
    ]);
    expect(route('LF3164', 'at frame 2'), diagnostics()).toEqual([
      expect.stringMatching(/^LF3164\|127\.0\.0\.1\|.*\|raw\|\|\|.* 127\.0\.0\.1 {3}at frame 2$/),
    ]);
  });

  it('a line rsyslog read from a file (imfile) arrives on every route with its tag, severity and facility', () => {
    for (const ctx of ROUTES) {
      const got = route(ctx, 'disk almost full');
      const format = ctx === 'LF3164' ? 'rfc3164' : 'rfc5424';
      expect(got, diagnostics()).toHaveLength(1);
      expect(got[0]).toMatch(
        new RegExp(
          `^${ctx}\\|rsyslog-test\\|filemon\\|\\|\\|warning\\|local3\\|127\\.0\\.0\\.1\\|${format}\\|\\|\\|` +
            '[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d rsyslog-test filemon: disk almost full on /var$',
        ),
      );
    }
  });
});
