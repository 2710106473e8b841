import { pri, ts, type Vector } from './types.js';

const C = 'rfc3164' as const;

/** RFC 3164 §5.4 examples and the variants of the BSD format that devices really send. */
const HAND: readonly Vector[] = [
  {
    name: 'RFC 3164 §5.4 example 1',
    category: C,
    raw: "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
    expect: {
      format: 'rfc3164',
      valid: true,
      error: null,
      facility: 4,
      severity: 2,
      timestamp: ts('2024-10-11T22:14:15Z'), // nearer to 2024-06-15 than 2023-10-11
      timestampText: 'Oct 11 22:14:15',
      hostname: 'mymachine',
      appName: 'su',
      procId: null,
      msgId: null,
      structuredData: null,
      message: "'su root' failed for lonvick on /dev/pts/8",
    },
  },
  {
    name: 'RFC 3164 §5.4 example 3 (IP address as hostname, no tag)',
    category: C,
    raw: '<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!',
    expect: {
      valid: true,
      ...pri(13),
      timestamp: ts('2024-02-05T17:32:18Z'),
      hostname: '10.0.0.99',
      appName: null,
      message: 'Use the BFG!',
    },
  },
  {
    name: 'RFC 3164 §5.4 example 4 (zone name and year after the time)',
    category: C,
    raw: "<165>Aug 24 05:34:00 CST 1987 mymachine myproc[10]: %% It's time to make the do-nuts.",
    expect: {
      valid: true,
      timestampText: 'Aug 24 05:34:00 CST 1987',
      timestamp: ts('1987-08-24T05:34:00Z'),
      hostname: 'mymachine',
      appName: 'myproc',
      procId: '10',
      message: "%% It's time to make the do-nuts.",
    },
  },
  {
    name: 'RFC 3164 §5.4 example 5 (year before the month)',
    category: C,
    raw: "<0>1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks!",
    expect: { valid: true, facility: 0, severity: 0, timestamp: ts('1990-10-22T10:52:01Z') },
  },
  {
    name: 'standard line with pid',
    category: C,
    raw: '<38>Jan 15 10:00:00 web01 sshd[4242]: Accepted publickey for deploy from 10.0.0.5 port 50000 ssh2',
    expect: {
      valid: true,
      timestamp: ts('2024-01-15T10:00:00Z'),
      hostname: 'web01',
      appName: 'sshd',
      procId: '4242',
      message: 'Accepted publickey for deploy from 10.0.0.5 port 50000 ssh2',
    },
  },
  {
    name: 'space-padded single-digit day',
    category: C,
    raw: '<13>Jan  5 01:02:03 host app: m',
    expect: { valid: true, timestamp: ts('2024-01-05T01:02:03Z'), timestampText: 'Jan  5 01:02:03' },
  },
  {
    name: 'zero-padded day',
    category: C,
    raw: '<13>Jan 05 01:02:03 host app: m',
    expect: { valid: true, timestamp: ts('2024-01-05T01:02:03Z') },
  },
  {
    name: 'unpadded day with one space',
    category: C,
    raw: '<13>Jan 5 01:02:03 host app: m',
    expect: { valid: true, timestamp: ts('2024-01-05T01:02:03Z'), hostname: 'host' },
  },
  {
    name: 'no hostname (local syslog(3) over the network)',
    category: C,
    raw: '<86>Jan 15 10:00:00 sudo[99]: alice : TTY=pts/0 ; COMMAND=/bin/ls',
    expect: {
      valid: true,
      hostname: null,
      appName: 'sudo',
      procId: '99',
      message: 'alice : TTY=pts/0 ; COMMAND=/bin/ls',
    },
  },
  {
    name: 'no hostname, tag without pid',
    category: C,
    raw: '<6>Jan 15 10:00:00 kernel: [12345.678] eth0: link up',
    expect: {
      valid: true,
      hostname: null,
      appName: 'kernel',
      procId: null,
      message: '[12345.678] eth0: link up',
    },
  },
  {
    name: 'no timestamp: tag and message only',
    category: C,
    raw: '<13>su: authentication failure',
    expect: {
      valid: true,
      timestamp: null,
      timestampText: null,
      hostname: null,
      appName: 'su',
      message: 'authentication failure',
    },
  },
  {
    name: 'no timestamp, no tag: content only',
    category: C,
    raw: '<13>just some text',
    expect: { valid: true, timestamp: null, hostname: null, appName: null, message: 'just some text' },
  },
  {
    name: 'year after the time',
    category: C,
    raw: '<13>Jan 15 10:00:00 2023 host app: m',
    expect: { valid: true, timestamp: ts('2023-01-15T10:00:00Z'), hostname: 'host', appName: 'app' },
  },
  {
    name: 'year before the time',
    category: C,
    raw: '<13>Jan 15 2022 10:00:00 host app: m',
    expect: { valid: true, timestamp: ts('2022-01-15T10:00:00Z'), timestampText: 'Jan 15 2022 10:00:00' },
  },
  {
    name: 'milliseconds',
    category: C,
    raw: '<13>Jan 15 10:00:00.250 host app: m',
    expect: { valid: true, timestamp: ts('2024-01-15T10:00:00.250Z'), hostname: 'host' },
  },
  {
    name: 'microseconds',
    category: C,
    raw: '<13>Jan 15 10:00:00.250125 host app: m',
    expect: { valid: true, timestamp: ts('2024-01-15T10:00:00.250Z', 0.125) },
  },
  {
    name: 'ISO 8601 timestamp with offset (rsyslog RFC3339 in legacy format)',
    category: C,
    raw: '<13>2024-01-15T11:00:00.123+01:00 host app[1]: m',
    expect: {
      valid: true,
      timestamp: ts('2024-01-15T10:00:00.123Z'),
      timestampText: '2024-01-15T11:00:00.123+01:00',
      hostname: 'host',
      appName: 'app',
      procId: '1',
    },
  },
  {
    name: 'ISO 8601 timestamp with Z',
    category: C,
    raw: '<13>2024-01-15T10:00:00Z host app: m',
    expect: { valid: true, timestamp: ts('2024-01-15T10:00:00Z') },
  },
  {
    name: 'ISO 8601 timestamp without offset uses the listener zone',
    category: C,
    raw: '<13>2024-01-15T10:00:00 host app: m',
    expect: { valid: true, timestamp: ts('2024-01-15T10:00:00Z') },
  },
  {
    name: 'ISO 8601 with +hhmm offset',
    category: C,
    raw: '<13>2024-01-15T05:00:00-0500 host app: m',
    expect: { valid: true, timestamp: ts('2024-01-15T10:00:00Z') },
  },
  {
    name: 'December message read in June: the nearer year',
    category: C,
    raw: '<13>Dec 31 23:59:59 host app: m',
    expect: { valid: true, timestamp: ts('2023-12-31T23:59:59Z') },
  },
  {
    name: 'leap second 60 accepted in BSD format',
    category: C,
    raw: '<13>Jun 30 23:59:60 host app: m',
    expect: { valid: true, timestamp: ts('2024-07-01T00:00:00Z') },
  },
  {
    name: 'February 29 without a year: the nearest leap year',
    category: C,
    raw: '<13>Feb 29 12:00:00 host app: m',
    expect: { valid: true, timestamp: ts('2024-02-29T12:00:00Z') },
  },
  {
    name: 'tag with slash (postfix)',
    category: C,
    raw: '<22>Jan 15 10:00:00 mx postfix/smtpd[2001]: connect from unknown[192.0.2.7]',
    expect: {
      valid: true,
      appName: 'postfix/smtpd',
      procId: '2001',
      message: 'connect from unknown[192.0.2.7]',
    },
  },
  {
    name: 'tag with dots and dashes',
    category: C,
    raw: '<30>Jan 15 10:00:00 host systemd-logind[1]: New session',
    expect: { valid: true, appName: 'systemd-logind', procId: '1' },
  },
  {
    name: 'tag[pid] without colon',
    category: C,
    raw: '<13>Jan 15 10:00:00 host app[77] message here',
    expect: { valid: true, appName: 'app', procId: '77', message: 'message here' },
  },
  {
    name: 'tag with colon and no space',
    category: C,
    raw: '<13>Jan 15 10:00:00 host app:message',
    expect: { valid: true, appName: 'app', message: 'message' },
  },
  {
    name: 'tag with empty message',
    category: C,
    raw: '<13>Jan 15 10:00:00 host app:',
    expect: { valid: true, appName: 'app', message: '' },
  },
  {
    name: 'hostname with FQDN and underscore',
    category: C,
    raw: '<13>Jan 15 10:00:00 node_1.example.com cron[5]: job',
    expect: { valid: true, hostname: 'node_1.example.com', appName: 'cron' },
  },
  {
    name: 'IPv6 hostname',
    category: C,
    raw: '<13>Jan 15 10:00:00 fe80::1 app: m',
    expect: { valid: true, hostname: 'fe80::1', appName: 'app' },
  },
  {
    name: 'several spaces before the hostname',
    category: C,
    raw: '<13>Jan 15 10:00:00  host app: m',
    expect: { valid: true, hostname: 'host', appName: 'app' },
  },
  {
    name: 'trailing CR LF removed',
    category: C,
    raw: '<13>Jan 15 10:00:00 host app: m\r\n',
    expect: { valid: true, message: 'm' },
  },
  {
    name: 'trailing NULs removed',
    category: C,
    raw: '<13>Jan 15 10:00:00 host app: m\u0000\u0000',
    expect: { valid: true, message: 'm' },
  },
  {
    name: 'trailing CR only removed',
    category: C,
    raw: '<13>Jan 15 10:00:00 host app: m\r',
    expect: { valid: true, message: 'm' },
  },
  {
    name: 'message keeps inner CR and tabs',
    category: C,
    raw: '<13>Jan 15 10:00:00 host app: a\tb\rc',
    expect: { valid: true, message: 'a\tb\rc' },
  },
  {
    name: 'timestamp followed by message only',
    category: C,
    raw: '<13>Jan 15 10:00:00 hello',
    expect: { valid: true, hostname: null, message: 'hello' },
  },
  {
    name: 'empty message after PRI',
    category: C,
    raw: '<13>',
    expect: { valid: true, format: 'rfc3164', message: '', timestamp: null },
  },
  {
    name: 'lower-case tag right after the time is not a zone name',
    category: C,
    raw: '<13>Jan 15 10:00:00 su: auth failure',
    expect: {
      valid: true,
      timestampText: 'Jan 15 10:00:00',
      hostname: null,
      appName: 'su',
      message: 'auth failure',
    },
  },
  {
    name: 'sequence number looking like an RFC 5424 version is not one',
    category: C,
    raw: '<13>2 hello',
    expect: { valid: true, format: 'rfc3164', message: '2 hello' },
  },
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Every month, as written and upper case (some devices send `MAR`); all nearest to now in 2024. */
const MONTH_VECTORS: Vector[] = MONTHS.flatMap((m, i) =>
  [m, m.toUpperCase()].map((text) => ({
    name: `month ${text}`,
    category: C,
    raw: `<13>${text} 10 08:09:10 host app: m`,
    expect: {
      valid: true,
      timestamp: Date.UTC(2024, i, 10, 8, 9, 10),
      hostname: 'host',
      appName: 'app',
    },
  })),
);

const FACILITY_VECTORS: Vector[] = Array.from({ length: 24 }, (_, f) => ({
  name: `facility ${f} (PRI ${f * 8 + 3})`,
  category: C,
  raw: `<${f * 8 + 3}>Jan 15 10:00:00 host app: m`,
  expect: { valid: true, facility: f, severity: 3 },
}));

const SEVERITY_VECTORS: Vector[] = Array.from({ length: 8 }, (_, s) => ({
  name: `severity ${s} (PRI ${128 + s})`,
  category: C,
  raw: `<${128 + s}>Jan 15 10:00:00 host app: m`,
  expect: { valid: true, facility: 16, severity: s },
}));

export const RFC3164_VECTORS: readonly Vector[] = [
  ...HAND,
  ...MONTH_VECTORS,
  ...FACILITY_VECTORS,
  ...SEVERITY_VECTORS,
];
