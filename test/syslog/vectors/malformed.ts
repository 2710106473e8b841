import { concat, hex, latin1, ts, type Vector } from './types.js';

const C = 'malformed' as const;
const USER_NOTICE = { facility: 1, severity: 5 };
const H = '<14>1 2024-01-15T10:00:00Z h a - -';

/** Broken PRI, broken RFC 5424, binary and hostile input: flagged, never dropped, fields recovered. */
const HAND: readonly Vector[] = [
  // PRI
  {
    name: 'no PRI, BSD line from a file: user.notice, fields recovered',
    category: C,
    raw: 'Jan 15 10:00:00 host sshd[1]: Accepted',
    expect: {
      format: 'rfc3164',
      valid: false,
      error: 'missing PRI',
      ...USER_NOTICE,
      timestamp: ts('2024-01-15T10:00:00Z'),
      hostname: 'host',
      appName: 'sshd',
      procId: '1',
      message: 'Accepted',
    },
  },
  {
    name: 'RFC 3164 §5.4 example 2: no PRI, no header → raw',
    category: C,
    raw: 'Use the BFG!',
    expect: {
      format: 'raw',
      valid: false,
      ...USER_NOTICE,
      message: 'Use the BFG!',
      hostname: null,
      appName: null,
    },
  },
  {
    name: 'PRI 192 out of range',
    category: C,
    raw: '<192>Jan 15 10:00:00 host app: m',
    expect: {
      valid: false,
      error: 'PRI 192 out of range 0..191',
      ...USER_NOTICE,
      hostname: 'host',
      appName: 'app',
      message: 'm',
    },
  },
  {
    name: 'PRI 999 out of range on an RFC 5424 message',
    category: C,
    raw: '<999>1 2024-01-15T10:00:00Z h a - - - m',
    expect: { format: 'rfc5424', valid: false, ...USER_NOTICE, hostname: 'h', appName: 'a', message: 'm' },
  },
  {
    name: 'PRI with four digits',
    category: C,
    raw: '<0013>Jan 15 10:00:00 host app: m',
    expect: { valid: false, ...USER_NOTICE, hostname: 'host', message: 'm' },
  },
  {
    name: 'empty PRI <>',
    category: C,
    raw: '<>Jan 15 10:00:00 host app: m',
    expect: { valid: false, ...USER_NOTICE, hostname: 'host', appName: 'app' },
  },
  {
    name: 'non-numeric PRI',
    category: C,
    raw: '<ab>Jan 15 10:00:00 host app: m',
    expect: { valid: false, ...USER_NOTICE, hostname: 'host' },
  },
  {
    name: 'negative PRI',
    category: C,
    raw: '<-1>Jan 15 10:00:00 host app: m',
    expect: { valid: false, ...USER_NOTICE, hostname: 'host' },
  },
  {
    name: 'unterminated PRI without a timestamp → raw',
    category: C,
    raw: '<13 hello',
    expect: { format: 'raw', valid: false, ...USER_NOTICE, message: '<13 hello' },
  },
  {
    name: 'only "<"',
    category: C,
    raw: '<',
    expect: { format: 'raw', valid: false, message: '<' },
  },
  {
    name: 'empty input',
    category: C,
    raw: '',
    expect: { format: 'raw', valid: false, error: 'empty message', message: '', ...USER_NOTICE },
  },
  {
    name: 'only CR LF',
    category: C,
    raw: '\r\n',
    expect: { format: 'raw', valid: false, message: '' },
  },
  {
    name: 'only NUL bytes',
    category: C,
    raw: hex('000000'),
    expect: { format: 'raw', valid: false, message: '' },
  },
  // RFC 5424 grammar violations
  {
    name: 'RFC 5424 unsupported VERSION 2',
    category: C,
    raw: '<14>2 2024-01-15T10:00:00Z h a - - - m',
    expect: { format: 'rfc5424', valid: false, error: 'unsupported VERSION 2', hostname: 'h', message: 'm' },
  },
  {
    name: 'RFC 5424 lower-case t in timestamp',
    category: C,
    raw: '<14>1 2024-01-15t10:00:00Z h a - - - m',
    expect: {
      valid: false,
      timestamp: null,
      timestampText: '2024-01-15t10:00:00Z',
      hostname: 'h',
      message: 'm',
    },
  },
  {
    name: 'RFC 5424 lower-case z in timestamp',
    category: C,
    raw: '<14>1 2024-01-15T10:00:00z h a - - - m',
    expect: { valid: false, timestamp: null, hostname: 'h' },
  },
  {
    name: 'RFC 5424 timestamp without offset',
    category: C,
    raw: '<14>1 2024-01-15T10:00:00 h a - - - m',
    expect: { valid: false, timestamp: null, hostname: 'h', appName: 'a' },
  },
  {
    name: 'RFC 5424 seven fraction digits',
    category: C,
    raw: '<14>1 2024-01-15T10:00:00.1234567Z h a - - - m',
    expect: { valid: false, timestamp: null, message: 'm' },
  },
  {
    name: 'RFC 5424 leap second 60 refused',
    category: C,
    raw: '<14>1 2016-12-31T23:59:60Z h a - - - m',
    expect: { valid: false, timestamp: null, message: 'm' },
  },
  {
    name: 'RFC 5424 February 30',
    category: C,
    raw: '<14>1 2024-02-30T10:00:00Z h a - - - m',
    expect: { valid: false, timestamp: null, hostname: 'h' },
  },
  {
    name: 'RFC 5424 February 29 of a common year',
    category: C,
    raw: '<14>1 2023-02-29T10:00:00Z h a - - - m',
    expect: { valid: false, timestamp: null },
  },
  {
    name: 'RFC 5424 month 13',
    category: C,
    raw: '<14>1 2024-13-01T10:00:00Z h a - - - m',
    expect: { valid: false, timestamp: null },
  },
  {
    name: 'RFC 5424 hour 24',
    category: C,
    raw: '<14>1 2024-01-15T24:00:00Z h a - - - m',
    expect: { valid: false, timestamp: null },
  },
  {
    name: 'RFC 5424 offset +24:00',
    category: C,
    raw: '<14>1 2024-01-15T10:00:00+24:00 h a - - - m',
    expect: { valid: false, timestamp: null },
  },
  {
    name: 'RFC 5424 offset without colon',
    category: C,
    raw: '<14>1 2024-01-15T10:00:00+0100 h a - - - m',
    expect: { valid: false, timestamp: null, hostname: 'h' },
  },
  {
    name: 'RFC 5424 two spaces in the header',
    category: C,
    raw: '<14>1 2024-01-15T10:00:00Z  h a - - m',
    expect: { format: 'rfc5424', valid: false, timestamp: ts('2024-01-15T10:00:00Z') },
  },
  {
    name: 'RFC 5424 header cut after HOSTNAME',
    category: C,
    raw: '<14>1 2024-01-15T10:00:00Z host',
    expect: {
      format: 'rfc5424',
      valid: false,
      timestamp: ts('2024-01-15T10:00:00Z'),
      // Recovered: the fields read before the header ended are kept (issue 5).
      hostname: 'host',
      message: '',
    },
  },
  {
    name: 'RFC 5424 header without STRUCTURED-DATA',
    category: C,
    raw: '<14>1 2024-01-15T10:00:00Z h a p m',
    expect: { valid: false, hostname: 'h', appName: 'a', procId: 'p', msgId: 'm', message: '' },
  },
  {
    name: 'RFC 5424 STRUCTURED-DATA neither - nor [',
    category: C,
    raw: '<14>1 2024-01-15T10:00:00Z h a - - hello world',
    expect: { valid: false, structuredData: null, message: 'hello world' },
  },
  {
    name: 'RFC 5424 HOSTNAME longer than 255',
    category: C,
    raw: `<14>1 2024-01-15T10:00:00Z ${'x'.repeat(256)} a - - - m`,
    expect: { valid: false, hostname: 'x'.repeat(256), message: 'm' },
  },
  {
    name: 'RFC 5424 APP-NAME longer than 48',
    category: C,
    raw: `<14>1 2024-01-15T10:00:00Z h ${'a'.repeat(49)} - - - m`,
    expect: { valid: false, appName: 'a'.repeat(49) },
  },
  {
    name: 'RFC 5424 MSGID longer than 32',
    category: C,
    raw: `<14>1 2024-01-15T10:00:00Z h a - ${'m'.repeat(33)} - m`,
    expect: { valid: false, msgId: 'm'.repeat(33) },
  },
  {
    name: 'RFC 5424 HOSTNAME with a non-ASCII byte',
    category: C,
    raw: concat(latin1('<14>1 2024-01-15T10:00:00Z h'), Uint8Array.of(0xe9), latin1(' a - - - m')),
    expect: { valid: false, hostname: 'h\u00e9', message: 'm' },
  },
  {
    name: 'SD: space after [',
    category: C,
    raw: `${H} [ exampleSDID@32473 iut="3"] m`,
    expect: { valid: false, structuredData: null, message: '[ exampleSDID@32473 iut="3"] m' },
  },
  {
    name: 'SD: space after = (RFC 5424 §6.3.5 invalid example)',
    category: C,
    raw: `${H} [exampleSDID@32473 iut="3" eventSource= "Application"] m`,
    expect: {
      valid: false,
      structuredData: null,
      message: '[exampleSDID@32473 iut="3" eventSource= "Application"] m',
    },
  },
  {
    name: 'SD: unquoted value',
    category: C,
    raw: `${H} [x@1 a=1] m`,
    expect: { valid: false, structuredData: null },
  },
  {
    name: 'SD: unterminated value',
    category: C,
    raw: `${H} [x@1 a="1] m`,
    expect: { valid: false, structuredData: null, message: '[x@1 a="1] m' },
  },
  {
    name: 'SD: unterminated element',
    category: C,
    raw: `${H} [x@1 a="1"`,
    expect: { valid: false, structuredData: null, message: '[x@1 a="1"' },
  },
  {
    name: 'SD: second element broken, first kept',
    category: C,
    raw: `${H} [a@1 x="1"][b@1 y=2] m`,
    expect: { valid: false, structuredData: { 'a@1': { x: '1' } }, message: '[b@1 y=2] m' },
  },
  {
    name: 'SD: empty SD-ID',
    category: C,
    raw: `${H} [] m`,
    expect: { valid: false, structuredData: null, message: '[] m' },
  },
  {
    name: 'SD: SD-ID longer than 32',
    category: C,
    raw: `${H} [${'s'.repeat(33)}] m`,
    expect: { valid: false, structuredData: null },
  },
  {
    name: 'SD: unescaped ] inside a value is flagged, value kept',
    category: C,
    raw: `${H} [x@1 a="b]c"] m`,
    expect: { valid: false, structuredData: { 'x@1': { a: 'b]c' } }, message: 'm' },
  },
  {
    name: 'SD: repeated SD-ID is flagged and merged',
    category: C,
    raw: `${H} [x@1 a="1"][x@1 b="2"] m`,
    expect: { valid: false, structuredData: { 'x@1': { a: '1', b: '2' } }, message: 'm' },
  },
  {
    name: 'SD: no SP before MSG',
    category: C,
    raw: `${H} [x@1 a="1"]m`,
    expect: { valid: false, structuredData: { 'x@1': { a: '1' } }, message: 'm' },
  },
  {
    name: 'SD: - followed by text without SP',
    category: C,
    raw: `${H} -m`,
    expect: { valid: false, message: 'm' },
  },
  // RFC 3164 bad timestamps
  {
    name: 'BSD timestamp with day 32',
    category: C,
    raw: '<13>Jan 32 10:00:00 host app: m',
    expect: {
      format: 'rfc3164',
      valid: false,
      timestamp: null,
      timestampText: 'Jan 32 10:00:00',
      hostname: 'host',
      appName: 'app',
      message: 'm',
    },
  },
  {
    name: 'BSD timestamp with hour 25',
    category: C,
    raw: '<13>Jan 15 25:00:00 host app: m',
    expect: { valid: false, timestamp: null, hostname: 'host' },
  },
  {
    name: 'BSD timestamp with minute 61',
    category: C,
    raw: '<13>Jan 15 10:61:00 host app: m',
    expect: { valid: false, timestamp: null },
  },
  {
    name: 'BSD timestamp April 31',
    category: C,
    raw: '<13>Apr 31 10:00:00 host app: m',
    expect: { valid: false, timestamp: null },
  },
  {
    name: 'not a month: treated as content',
    category: C,
    raw: '<13>Foo 15 10:00:00 host app: m',
    expect: { valid: true, timestamp: null, message: 'Foo 15 10:00:00 host app: m' },
  },
  // Binary and control characters
  {
    name: 'binary garbage after PRI kept as message',
    category: C,
    raw: concat(latin1('<13>'), hex('00 01 02 ff fe 80 7f')),
    expect: {
      valid: true,
      format: 'rfc3164',
      appName: null,
      message: '\u0000\u0001\u0002\u00ff\u00fe\u0080\u007f',
    },
  },
  {
    name: 'binary garbage without PRI → raw',
    category: C,
    raw: hex('de ad be ef 00 0a 41'),
    expect: { format: 'raw', valid: false, message: '\u00de\u00ad\u00be\u00ef\u0000\u000aA' },
  },
  {
    name: 'TLS ClientHello sent to a plain TCP port → raw',
    category: C,
    raw: hex('16 03 01 00 c8 01 00 00 c4 03 03'),
    expect: { format: 'raw', valid: false, ...USER_NOTICE },
  },
  {
    name: 'HTTP request sent to a syslog port → raw',
    category: C,
    raw: 'GET / HTTP/1.1\r\nHost: 10.0.0.1:514\r\n\r\n',
    expect: { format: 'raw', valid: false, message: 'GET / HTTP/1.1\r\nHost: 10.0.0.1:514' },
  },
  {
    name: 'UTF-16 bytes → raw',
    category: C,
    raw: hex('ff fe 3c 00 31 00 33 00 3e 00'),
    expect: { format: 'raw', valid: false },
  },
  {
    name: 'NUL inside the tag stops it (content)',
    category: C,
    raw: '<13>Jan 15 10:00:00 host ap\u0000p: m',
    expect: { valid: true, appName: null, message: 'ap\u0000p: m' },
  },
  {
    name: 'ESC sequences in the message kept',
    category: C,
    raw: '<13>Jan 15 10:00:00 host app: \u001b[31mred\u001b[0m',
    expect: { valid: true, message: '\u001b[31mred\u001b[0m' },
  },
  {
    name: 'pid not closed: tag not recognised',
    category: C,
    raw: '<13>Jan 15 10:00:00 host app[123 m',
    expect: { valid: true, appName: null, message: 'app[123 m' },
  },
  {
    name: 'empty pid: not a tag',
    category: C,
    raw: '<13>Jan 15 10:00:00 host app[]: m',
    expect: { valid: true, appName: null, message: 'app[]: m' },
  },
  {
    name: 'tag longer than 64 characters is content',
    category: C,
    raw: `<13>Jan 15 10:00:00 host ${'t'.repeat(80)}: m`,
    expect: { valid: true, appName: null, message: `${'t'.repeat(80)}: m` },
  },
];

/** Hostile shapes: long runs that a backtracking regex would choke on. Each must parse (and is kept). */
const HOSTILE_SHAPES: ReadonlyArray<readonly [string, string, Partial<Vector['expect']>]> = [
  ['10k "<" characters', '<'.repeat(10_000), { format: 'raw', valid: false }],
  ['10k digits after "<"', `<${'1'.repeat(10_000)}`, { format: 'raw', valid: false }],
  ['PRI then 10k spaces', `<13>${' '.repeat(10_000)}`, { valid: true, format: 'rfc3164' }],
  ['10k "[" in SD', `${H} ${'['.repeat(10_000)}`, { valid: false, structuredData: null }],
  ['SD with 10k params', `${H} [x@1${' a="1"'.repeat(10_000)}] m`, { valid: true, message: 'm' }],
  [
    '10k backslashes in a PARAM-VALUE',
    `${H} [x@1 a="${'\\'.repeat(10_000)}"] m`,
    { valid: true, message: 'm' },
  ],
  [
    'unterminated value of 10k escaped quotes',
    `${H} [x@1 a="${'\\"'.repeat(5000)}`,
    { valid: false, structuredData: null },
  ],
  ['10k ":" after timestamp', `<13>Jan 15 10:00:00 ${':'.repeat(10_000)}`, { format: 'rfc3164' }],
  ['10k "[" after tag', `<13>Jan 15 10:00:00 host app${'['.repeat(10_000)}`, { appName: null }],
  [
    '10k-digit fraction',
    `<13>Jan 15 10:00:00.${'9'.repeat(10_000)} host app: m`,
    { hostname: 'host', appName: 'app' },
  ],
  [
    '10k-digit sequence number',
    `<189>${'9'.repeat(10_000)}: *Mar  1 00:00:00: %X-1-Y: z`,
    { format: 'rfc3164' },
  ],
  ['repeated "Jan " 5k times', `<13>${'Jan '.repeat(5000)}`, { timestamp: null }],
  ['repeated "1 " 5k times', `<13>${'1 '.repeat(5000)}`, {}],
  [
    '5424 with 10k-char hostname',
    `<14>1 2024-01-15T10:00:00Z ${'h'.repeat(10_000)} a - - - m`,
    { valid: false, message: 'm' },
  ],
  ['5424 with 10k spaces in the header', `<14>1 ${' '.repeat(10_000)}`, { valid: false, format: 'rfc5424' }],
  ['alternating escapes and brackets', `${H} [x@1 a="${'\\]]'.repeat(3000)}"] m`, { valid: false }],
  ['10k CRLF pairs', '\r\n'.repeat(10_000), { format: 'raw', message: '' }],
  ['10k NUL then text', `${'\u0000'.repeat(10_000)}x`, { format: 'raw' }],
  ['deep nested ISO-like digits', `<13>${'2024-'.repeat(3000)}`, { timestamp: null }],
  [
    '5424 with a 10k-char MSG of "]"',
    `${H} - ${']'.repeat(10_000)}`,
    { valid: true, message: ']'.repeat(10_000) },
  ],
];

const HOSTILE: Vector[] = HOSTILE_SHAPES.map(([name, raw, expect]) => ({
  name: `hostile: ${name}`,
  category: C,
  raw,
  expect,
}));

export const MALFORMED_VECTORS: readonly Vector[] = [...HAND, ...HOSTILE];
