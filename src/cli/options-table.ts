import type { OptionCheck, OptionKind, OptionSpec, OptionValue } from './option-spec.js';
import type { SecOptions } from './types.js';

export type { OptionCheck, OptionKind, OptionSpec, OptionValue } from './option-spec.js';

type Table = { readonly [K in keyof SecOptions]: OptionSpec };

const NON_EMPTY = [{ test: 'non-empty' }] as const;
const NON_NEGATIVE = [{ test: 'non-negative' }] as const;
const POSITIVE = [{ test: 'positive' }] as const;

/** Options whose behaviour exists today; the rest are parsed and checked, and marked pending in --help. */
const IMPLEMENTED: ReadonlySet<string> = new Set([
  'conf',
  'input',
  'input-timeout',
  'timeout-script',
  'reopen-timeout',
  'check-timeout',
  'poll-timeout',
  'socket-timeout',
  'blocksize',
  'bufsize',
  'evstoresize',
  'cleantime',
  'log',
  'syslog',
  'debug',
  'pid',
  'dump',
  'user',
  'group',
  'umask',
  'ruleperf',
  'dumpfts',
  'dumpfjson',
  'quoting',
  'tail',
  'fromstart',
  'jointbuf',
  'keepopen',
  'rwfifo',
  'childterm',
  'intevents',
  'intcontexts',
  'testonly',
  'detach',
]);

function switchOpt(name: string, dflt: boolean, feature: string, summary: string): OptionSpec {
  return {
    name,
    aliases: [],
    kind: 'negatable',
    default: dflt,
    checks: [],
    feature,
    origin: 'sec',
    status: IMPLEMENTED.has(name) ? 'implemented' : 'accepted',
    summary,
  };
}

function secOpt(
  name: string,
  kind: OptionKind,
  dflt: OptionValue,
  checks: readonly OptionCheck[],
  feature: string,
  arg: string,
  summary: string,
): OptionSpec {
  // SEC spells every dashed option also with an underscore (input-timeout|input_timeout).
  const aliases = name.includes('-') ? [name.replaceAll('-', '_')] : [];
  return {
    name,
    aliases,
    kind,
    default: dflt,
    checks,
    feature,
    origin: 'sec',
    status: IMPLEMENTED.has(name) ? 'implemented' : 'accepted',
    arg,
    summary,
  };
}

/**
 * Every option, in the order of SEC's GetOptions() call, which is also the order of SEC's
 * revalidation messages and of the usage text. A new option is one line here plus its field in
 * SecOptions.
 */
export const OPTION_TABLE = {
  conf: secOpt('conf', 'list', [], NON_EMPTY, 'OPT-conf', 'PATTERN', 'rule files to load (repeatable; glob)'),
  input: secOpt(
    'input',
    'list',
    [],
    [...NON_EMPTY, { test: 'listener-url' }],
    'OPT-input',
    'PATTERN[=CTX]',
    'input files (repeatable; glob; - is stdin) or udp|tcp|tls://HOST:PORT syslog listeners',
  ),
  inputTimeout: secOpt(
    'input-timeout',
    'integer',
    0,
    [...NON_NEGATIVE, { test: 'requires', option: 'timeoutScript' }],
    'OPT-input-timeout',
    'SECONDS',
    'run the timeout script after this long without input (0: never)',
  ),
  timeoutScript: secOpt(
    'timeout-script',
    'string',
    null,
    NON_EMPTY,
    'OPT-timeout-script',
    'PROGRAM',
    'the timeout script',
  ),
  reopenTimeout: secOpt(
    'reopen-timeout',
    'integer',
    0,
    NON_NEGATIVE,
    'OPT-reopen-timeout',
    'SECONDS',
    'retry closed inputs',
  ),
  checkTimeout: secOpt(
    'check-timeout',
    'integer',
    0,
    NON_NEGATIVE,
    'OPT-check-timeout',
    'SECONDS',
    'rest idle inputs',
  ),
  pollTimeout: secOpt(
    'poll-timeout',
    'float',
    0.1,
    NON_NEGATIVE,
    'OPT-poll-timeout',
    'SECONDS',
    'sleep when idle',
  ),
  socketTimeout: secOpt(
    'socket-timeout',
    'integer',
    60,
    POSITIVE,
    'OPT-socket-timeout',
    'SECONDS',
    'connect limit',
  ),
  blocksize: secOpt(
    'blocksize',
    'integer',
    8192,
    POSITIVE,
    'OPT-blocksize',
    'BYTES',
    'read size for inputs and pipes',
  ),
  bufsize: secOpt(
    'bufsize',
    'integer',
    0,
    NON_NEGATIVE,
    'OPT-bufsize',
    'LINES',
    'input buffer lines (0: automatic)',
  ),
  evstoresize: secOpt(
    'evstoresize',
    'integer',
    0,
    NON_NEGATIVE,
    'OPT-evstoresize',
    'LINES',
    'event store limit (0: none)',
  ),
  cleantime: secOpt(
    'cleantime',
    'integer',
    1,
    NON_NEGATIVE,
    'OPT-cleantime',
    'SECONDS',
    'interval between cleanups',
  ),
  log: secOpt('log', 'string', null, NON_EMPTY, 'OPT-log', 'FILE', 'append log messages to FILE'),
  syslog: secOpt(
    'syslog',
    'string',
    null,
    NON_EMPTY,
    'OPT-syslog',
    'FACILITY',
    'send log messages to syslog',
  ),
  debug: secOpt(
    'debug',
    'integer',
    6,
    [{ test: 'range', min: 1, max: 6, shown: '1..6' }],
    'OPT-debug',
    'LEVEL',
    'log messages up to this level (1..6)',
  ),
  pid: secOpt('pid', 'string', null, NON_EMPTY, 'OPT-pid', 'FILE', 'write the process id to FILE'),
  dump: secOpt('dump', 'string', '/tmp/sec.dump', NON_EMPTY, 'OPT-dump', 'FILE', 'dump file for SIGUSR1'),
  user: secOpt(
    'user',
    'string',
    null,
    NON_EMPTY,
    'OPT-user-group',
    'USER',
    'run as USER when started as root',
  ),
  group: secOpt(
    'group',
    'list',
    [],
    [...NON_EMPTY, { test: 'requires', option: 'user' }],
    'OPT-user-group',
    'GROUP',
    'groups to run with (repeatable; needs --user)',
  ),
  umask: secOpt(
    'umask',
    'extended-integer',
    null,
    [{ test: 'range', min: 0, max: 0o777, shown: '0..0777' }],
    'OPT-umask',
    'MODE',
    'file creation mask (0..0777)',
  ),
  ruleperf: switchOpt('ruleperf', false, 'OPT-ruleperf', 'record rule performance data for dumps'),
  dumpfts: switchOpt('dumpfts', false, 'OPT-dumpfts', 'add a timestamp suffix to the dump file name'),
  dumpfjson: switchOpt('dumpfjson', false, 'OPT-dumpfjson', 'write dumps in JSON'),
  quoting: switchOpt('quoting', false, 'OPT-quoting', 'quote %s for shellcmd, spawn and cspawn'),
  tail: switchOpt('tail', true, 'OPT-tail', 'follow inputs (--notail: read them once and exit)'),
  fromstart: switchOpt('fromstart', false, 'OPT-fromstart', 'with --tail, read existing content first'),
  detach: switchOpt('detach', false, 'OPT-detach', 'run in the background'),
  jointbuf: switchOpt('jointbuf', false, 'OPT-jointbuf', 'one input buffer for all inputs'),
  keepopen: switchOpt('keepopen', true, 'OPT-keepopen', 'keep inputs open on SIGABRT'),
  rwfifo: switchOpt('rwfifo', true, 'OPT-rwfifo', 'open named pipes read-write'),
  childterm: switchOpt('childterm', true, 'OPT-childterm', 'terminate child processes on exit'),
  intevents: switchOpt('intevents', false, 'OPT-intevents', 'generate SEC_* internal events'),
  intcontexts: switchOpt('intcontexts', false, 'OPT-intcontexts', 'set an internal context per input line'),
  testonly: switchOpt('testonly', false, 'OPT-testonly', 'check the rule files and exit'),
  help: {
    name: 'help',
    aliases: ['?'],
    kind: 'flag',
    default: false,
    checks: [],
    feature: 'OPT-help',
    origin: 'sec',
    status: 'implemented',
    summary: 'print this help and exit',
  },
  version: {
    name: 'version',
    aliases: [],
    kind: 'flag',
    default: false,
    checks: [],
    feature: 'OPT-version',
    origin: 'sec',
    status: 'implemented',
    summary: 'print the version and exit',
  },
  metrics: {
    name: 'metrics',
    aliases: [],
    kind: 'string',
    default: null,
    checks: [{ test: 'listen-address' }],
    negatable: true,
    feature: 'syscorr-metrics',
    origin: 'syscorr',
    status: 'accepted',
    arg: 'HOST:PORT',
    summary: 'serve Prometheus metrics on HOST:PORT (--nometrics: off)',
  },
  smtp: {
    name: 'smtp',
    aliases: [],
    kind: 'string',
    default: null,
    checks: [{ test: 'smtp-url' }],
    feature: 'syscorr-smtp',
    origin: 'syscorr',
    status: 'accepted',
    arg: 'URL',
    summary: 'send mail through this smtp:// or smtps:// server',
  },
} as const satisfies Table;

/** The table as a list, in GetOptions() order. */
export const OPTION_FIELDS = Object.keys(OPTION_TABLE) as readonly (keyof SecOptions)[];

export function optionSpec(field: keyof SecOptions): OptionSpec {
  return OPTION_TABLE[field];
}
