import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTIONS,
  OPTION_FIELDS,
  OPTION_TABLE,
  parseCommandLine,
  type SecOptions,
} from '../../src/cli/index.js';

const parse = (...argv: string[]) => parseCommandLine(argv, {});

describe('OPT-* defaults (SEC read_options)', () => {
  const expected: [string, keyof SecOptions, unknown][] = [
    ['OPT-conf', 'conf', []],
    ['OPT-input', 'input', []],
    ['OPT-input-timeout', 'inputTimeout', 0],
    ['OPT-timeout-script', 'timeoutScript', null],
    ['OPT-reopen-timeout', 'reopenTimeout', 0],
    ['OPT-check-timeout', 'checkTimeout', 0],
    ['OPT-poll-timeout', 'pollTimeout', 0.1],
    ['OPT-socket-timeout', 'socketTimeout', 60],
    ['OPT-blocksize', 'blocksize', 8192],
    ['OPT-bufsize', 'bufsize', 0],
    ['OPT-evstoresize', 'evstoresize', 0],
    ['OPT-cleantime', 'cleantime', 1],
    ['OPT-log', 'log', null],
    ['OPT-syslog', 'syslog', null],
    ['OPT-debug', 'debug', 6],
    ['OPT-pid', 'pid', null],
    ['OPT-dump', 'dump', '/tmp/sec.dump'],
    ['OPT-user-group', 'user', null],
    ['OPT-user-group', 'group', []],
    ['OPT-umask', 'umask', null],
    ['OPT-ruleperf', 'ruleperf', false],
    ['OPT-dumpfts', 'dumpfts', false],
    ['OPT-dumpfjson', 'dumpfjson', false],
    ['OPT-quoting', 'quoting', false],
    ['OPT-tail', 'tail', true],
    ['OPT-fromstart', 'fromstart', false],
    ['OPT-detach', 'detach', false],
    ['OPT-jointbuf', 'jointbuf', false],
    ['OPT-keepopen', 'keepopen', true],
    ['OPT-rwfifo', 'rwfifo', true],
    ['OPT-childterm', 'childterm', true],
    ['OPT-intevents', 'intevents', false],
    ['OPT-intcontexts', 'intcontexts', false],
    ['OPT-testonly', 'testonly', false],
    ['OPT-help', 'help', false],
    ['OPT-version', 'version', false],
    ['syscorr-metrics', 'metrics', null],
    ['syscorr-network-thread', 'networkThread', true],
    ['syscorr-smtp', 'smtp', null],
    ['syscorr-smtp', 'mailFrom', null],
    ['syscorr-smtp', 'mailTo', null],
  ];

  it.each(expected)('%s: %s defaults to %j', (feature, field, value) => {
    expect(DEFAULT_OPTIONS[field]).toEqual(value);
    expect(parse().options[field]).toEqual(value);
    expect(OPTION_TABLE[field].feature).toBe(feature);
  });

  it('covers every option of the table', () => {
    expect(expected.map(([, f]) => f).sort()).toEqual([...OPTION_FIELDS].sort());
  });

  it('gives a fresh copy per parse (lists are not shared with DEFAULT_OPTIONS)', () => {
    const a = parse('--conf=x').options;
    expect(DEFAULT_OPTIONS.conf).toEqual([]);
    expect(a.conf).not.toBe(DEFAULT_OPTIONS.conf);
    expect(Object.isFrozen(DEFAULT_OPTIONS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_OPTIONS.conf)).toBe(true);
    a.conf.push('more');
    expect(a.conf).toEqual(['x', 'more']);
  });
});

describe('OPT-revalidate: a bad value is reported and replaced by its default', () => {
  const cases: [string[], keyof SecOptions, unknown, string][] = [
    [['--debug=9'], 'debug', 6, "'--debug' option requires a value from range 1..6"],
    [['--debug=0'], 'debug', 6, "'--debug' option requires a value from range 1..6"],
    [['--socket-timeout=0'], 'socketTimeout', 60, "'--socket-timeout' option requires a positive value"],
    [['--blocksize=-1'], 'blocksize', 8192, "'--blocksize' option requires a positive value"],
    [['--input-timeout=-1'], 'inputTimeout', 0, "'--input-timeout' option requires a non-negative value"],
    [['--reopen-timeout=-2'], 'reopenTimeout', 0, "'--reopen-timeout' option requires a non-negative value"],
    [['--check-timeout=-2'], 'checkTimeout', 0, "'--check-timeout' option requires a non-negative value"],
    [['--poll-timeout=-0.5'], 'pollTimeout', 0.1, "'--poll-timeout' option requires a non-negative value"],
    [['--bufsize=-1'], 'bufsize', 0, "'--bufsize' option requires a non-negative value"],
    [['--evstoresize=-1'], 'evstoresize', 0, "'--evstoresize' option requires a non-negative value"],
    [['--cleantime=-1'], 'cleantime', 1, "'--cleantime' option requires a non-negative value"],
    [['--umask=01000'], 'umask', null, "'--umask' option requires a value from range 0..0777"],
    [['--umask=-5'], 'umask', null, "'--umask' option requires a value from range 0..0777"],
    [['--timeout-script', ''], 'timeoutScript', null, "'--timeout-script' option requires a non-empty value"],
    [['--log', ''], 'log', null, "'--log' option requires a non-empty value"],
    [['--syslog', ''], 'syslog', null, "'--syslog' option requires a non-empty value"],
    [['--pid', ''], 'pid', null, "'--pid' option requires a non-empty value"],
    [['--dump', ''], 'dump', '/tmp/sec.dump', "'--dump' option requires a non-empty value"],
    [['--user', ''], 'user', null, "'--user' option requires a non-empty value"],
  ];

  it.each(cases)('%j resets %s to %j', (argv, field, value, message) => {
    const r = parseCommandLine(argv);
    expect(r.options[field]).toEqual(value);
    expect(r.problems.map((p) => p.message)).toEqual([message]);
  });

  it('accepts the edges of each range', () => {
    const r = parse('--debug=1', '--socket-timeout=1', '--blocksize=1', '--cleantime=0', '--umask=0777');
    expect(r.problems).toEqual([]);
    expect([r.options.debug, r.options.socketTimeout, r.options.blocksize, r.options.cleantime]).toEqual([
      1, 1, 1, 0,
    ]);
    expect(r.options.umask).toBe(0o777);
    expect(parse('--debug=6', '--poll-timeout=0').problems).toEqual([]);
  });

  it('OPT-conf/OPT-input/OPT-user-group: drops empty list members with one message per option', () => {
    const r = parse(
      '--conf',
      '',
      '--conf=a',
      '--conf',
      '',
      '--input',
      '',
      '--user=u',
      '--group',
      '',
      '--group=g',
    );
    expect(r.options.conf).toEqual(['a']);
    expect(r.options.input).toEqual([]);
    expect(r.options.group).toEqual(['g']);
    expect(r.problems.map((p) => p.message)).toEqual([
      "'--conf' option requires a non-empty value",
      "'--input' option requires a non-empty value",
      "'--group' option requires a non-empty value",
    ]);
    expect(r.problems.map((p) => p.code)).toEqual(['SYS0707', 'SYS0707', 'SYS0707']);
  });

  it('OPT-input-timeout: needs --timeout-script, checked after the script itself', () => {
    expect(parse('--input-timeout=5', '--timeout-script=/bin/x').options.inputTimeout).toBe(5);
    const r = parse('--input-timeout=5', '--timeout-script', '', '--reopen-timeout=-1');
    expect(r.options.inputTimeout).toBe(0);
    expect(r.problems).toEqual([
      { code: 'SYS0707', message: "'--timeout-script' option requires a non-empty value" },
      { code: 'SYS0709', message: "'--input-timeout' option requires the '--timeout-script' option" },
      { code: 'SYS0708', message: "'--reopen-timeout' option requires a non-negative value" },
    ]);
    expect(parse('--input-timeout=0').problems).toEqual([]);
  });

  it('OPT-user-group: --group without --user is dropped after the empty-value check', () => {
    const r = parse('--group=wheel', '--group', '', '--umask=999');
    expect(r.options.group).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual([
      "'--group' option requires a non-empty value",
      "'--group' option requires the '--user' option",
      "'--umask' option requires a value from range 0..0777",
    ]);
    expect(parse('--user', '', '--group=g').options.group).toEqual([]);
  });

  it('prints Getopt::Long problems before the revalidation ones', () => {
    expect(parse('--debug=9', '--foo').problems.map((p) => p.code)).toEqual(['SYS0701', 'SYS0708']);
  });

  it('OPT-bufsize: --bufsize=1 forces --jointbuf, even after --nojointbuf', () => {
    expect(parse('--bufsize=1', '--nojointbuf').options.jointbuf).toBe(true);
    expect(parse('--bufsize=2').options.jointbuf).toBe(false);
    expect(parse('--jointbuf').options.jointbuf).toBe(true);
  });

  it('OPT-input: a =CTX on any input switches intcontexts on, even after --nointcontexts', () => {
    expect(parse('--input=/var/log/x=CTX', '--nointcontexts').options.intcontexts).toBe(true);
    expect(parse('--input=/var/log/x').options.intcontexts).toBe(false);
    expect(parse('--input=a=b c').options.intcontexts).toBe(false);
  });
});

describe('syscorr options (not in SEC)', () => {
  it('--network-thread is on by default and --nonetwork-thread keeps the listeners on the engine thread', () => {
    expect(parse().options.networkThread).toBe(true);
    expect(parse('--nonetwork-thread').options.networkThread).toBe(false);
    expect(parse('--no-network-thread').options.networkThread).toBe(false);
    expect(parse('--nonetwork-thread', '--network-thread').options.networkThread).toBe(true);
  });

  it('--metrics takes HOST:PORT, is null when not given, and --nometrics turns it off (false)', () => {
    expect(parse().options.metrics).toBeNull();
    expect(parse('--metrics=127.0.0.1:9100').options.metrics).toBe('127.0.0.1:9100');
    expect(parse('--metrics=[::1]:9100').options.metrics).toBe('[::1]:9100');
    expect(parse('--metrics=0.0.0.0:9100', '--nometrics').options.metrics).toBe(false);
    expect(parse('--metrics=0.0.0.0:9100', '--no-metrics').options.metrics).toBe(false);
    expect(parse('--nometrics', '--metrics=127.0.0.1:9100').options.metrics).toBe('127.0.0.1:9100');
    expect(parse('--nometrics=1').problems.map((p) => p.message)).toEqual([
      'Option nometrics does not take an argument',
    ]);
  });

  it('--metrics with a bad address is reported (SYS0712) and stays off', () => {
    for (const bad of ['9100', 'host', ':9100', 'host:99999', 'host:port', '[::1:9100']) {
      const r = parse(`--metrics=${bad}`);
      expect(r.options.metrics).toBe(false);
      expect(r.problems.map((p) => p.code)).toEqual(['SYS0712']);
    }
  });

  it('--smtp takes an smtp:// or smtps:// URL (SYS0713 otherwise)', () => {
    expect(parse('--smtp=smtp://mail.example.com:25').options.smtp).toBe('smtp://mail.example.com:25');
    expect(parse('--smtp=smtps://u:p@mail.example.com').options.smtp).toBe('smtps://u:p@mail.example.com');
    for (const bad of ['mail.example.com', 'http://x', 'smtp://']) {
      const r = parse(`--smtp=${bad}`);
      expect(r.options.smtp).toBeNull();
      expect(r.problems.map((p) => p.code)).toEqual(['SYS0713']);
    }
  });

  it('adding the syscorr options leaves every SEC abbreviation as it was', () => {
    // `--me` and `--sm` are new (`--m` is shared by --metrics and --mail-*); prefixes SEC already
    // found ambiguous stay ambiguous.
    expect(parse('--me=1.2.3.4:5').options.metrics).toBe('1.2.3.4:5');
    expect(parse('--mail-f=a@x', '--mail-t=b@x').options).toMatchObject({ mailFrom: 'a@x', mailTo: 'b@x' });
    expect(parse('--m=1').problems.map((p) => p.message)).toEqual([
      'Option m is ambiguous (mail-from, mail-to, metrics)',
    ]);
    expect(parse('--sm=smtp://h').options.smtp).toBe('smtp://h');
    expect(parse('--s=1').problems.map((p) => p.message)).toEqual([
      'Option s is ambiguous (smtp, socket-timeout, socket_timeout, syslog)',
    ]);
    expect(parse('--no-').problems[0]?.message).toContain(
      'no-keepopen, no-metrics, no-network-thread, no-quoting',
    );
    expect(parse('--nonet').options.networkThread).toBe(false);
  });
});
