import type { DiagCode } from '../config/registry.js';

/** A host and port to listen on (`--input=udp://HOST:PORT`, `--metrics=HOST:PORT`). IPv6 without brackets. */
export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * One `--input` value (OPT-input). `pattern` is the glob pattern for files (expand it with
 * expandGlob) or the listener URL for the syscorr network inputs, which are never globbed.
 * `context` is SEC's internal context name given as `=CTX`, or null.
 */
export interface InputSpec {
  readonly pattern: string;
  readonly context: string | null;
  readonly kind: 'file' | 'udp' | 'tcp' | 'tls';
  /** Set for the network kinds only. */
  readonly listen?: ListenAddress;
  /** Network kinds: the listener's settings, the URL text after `?` ('' when none). */
  readonly query?: string;
}

/** What SEC would print to stderr for a bad command line (one line, no trailing newline). */
export interface OptionProblem {
  readonly code: DiagCode;
  readonly message: string;
}

/**
 * Every option of SEC 2.9.1 plus the syscorr additions, after SEC's revalidation (OPT-revalidate).
 * Unset optional values are null (SEC's undef). Field names are the option names in camelCase.
 */
export interface SecOptions {
  conf: string[];
  input: InputSpec[];
  inputTimeout: number;
  timeoutScript: string | null;
  reopenTimeout: number;
  checkTimeout: number;
  pollTimeout: number;
  socketTimeout: number;
  blocksize: number;
  bufsize: number;
  evstoresize: number;
  cleantime: number;
  log: string | null;
  syslog: string | null;
  debug: number;
  pid: string | null;
  dump: string;
  user: string | null;
  group: string[];
  umask: number | null;
  ruleperf: boolean;
  dumpfts: boolean;
  dumpfjson: boolean;
  quoting: boolean;
  tail: boolean;
  fromstart: boolean;
  detach: boolean;
  jointbuf: boolean;
  keepopen: boolean;
  rwfifo: boolean;
  childterm: boolean;
  intevents: boolean;
  intcontexts: boolean;
  testonly: boolean;
  help: boolean;
  version: boolean;
  /**
   * syscorr: the Prometheus endpoint, `HOST:PORT`; null when not given (on at 0.0.0.0:8514 when
   * the process has syslog listeners, else off); false with `--nometrics`.
   */
  metrics: string | false | null;
  /** syscorr: syslog listeners receive and parse on a thread of their own (issue 7); false with `--nonetwork-thread`. */
  networkThread: boolean;
  /** syscorr: the mail transport URL (`smtp://…` or `smtps://…`); null means the default transport. */
  smtp: string | null;
  /** syscorr: `--mail-from`, the sender of mail; null when not given (docs/mail.md). */
  mailFrom: string | null;
  /** syscorr: `--mail-to`, the default and local-name recipient(s); null when not given. */
  mailTo: string | null;
}

export interface ParsedCommandLine {
  readonly options: SecOptions;
  /** In the order SEC prints them: resource file, then Getopt::Long, then revalidation. */
  readonly problems: OptionProblem[];
  readonly help: boolean;
  readonly version: boolean;
  /** argv plus the SECRC lines joined with spaces, as SEC shows it in dumps. */
  readonly commandLine: string;
  /** SEC's "Program resource file" status: `none`, the path, or `PATH - open failed (REASON)`. */
  readonly rcFile: string;
}
