import type { TimeZone } from '../engine/variables/index.js';
import type { TimeMemo } from './time-memo.js';

/** Which grammar a message was read with; 'raw' when it follows neither (kept whole as the message). */
export type SyslogFormat = 'rfc5424' | 'rfc3164' | 'raw';

/**
 * Why a message is not valid, as a small fixed set a metric can use as a label (issue 6:
 * syscorr_syslog_parse_errors_total{reason}); the human text stays in `error`. 'pri': missing or
 * bad PRI (also text that is not syslog at all); 'header': an RFC 5424 HEADER field missing, empty,
 * too long or an unsupported VERSION; 'encoding': a HEADER field with bytes outside PRINTUSASCII;
 * 'empty': nothing but line ends; 'internal': the parser itself failed.
 */
export type SyslogParseReason =
  | 'pri'
  | 'header'
  | 'timestamp'
  | 'structured_data'
  | 'encoding'
  | 'empty'
  | 'internal';

/** Every SyslogParseReason, in a fixed order (metrics export each one from the start). */
export const SYSLOG_PARSE_REASONS: readonly SyslogParseReason[] = Object.freeze([
  'pri',
  'header',
  'timestamp',
  'structured_data',
  'encoding',
  'empty',
  'internal',
]);

/** RFC 5424 STRUCTURED-DATA: `{ [sdId]: { [paramName]: value } }`, values unescaped. */
export type StructuredData = Record<string, Record<string, string>>;

/**
 * One syslog message as received, whatever its grammar. Malformed input is never dropped: it is
 * flagged (`valid: false`, `error`) and every field that could still be recovered is filled in.
 */
export interface SyslogMessage {
  readonly format: SyslogFormat;
  readonly valid: boolean;
  /** Why the message is not valid (several reasons joined by "; "); null when valid. */
  readonly error: string | null;
  /** The reason of the first problem found (bounded, for metrics); null when valid. */
  readonly errorReason: SyslogParseReason | null;
  /** 0..23; user (1) when the PRI is missing or invalid (RFC 3164 §4.3.3). */
  readonly facility: number;
  /** 0..7; notice (5) when the PRI is missing or invalid. */
  readonly severity: number;
  /** The time the message carries, epoch milliseconds (fractions kept), or null. */
  readonly timestamp: number | null;
  /** The timestamp as written in the message (also when it could not be read), or null. */
  readonly timestampText: string | null;
  readonly hostname: string | null;
  /** RFC 5424 APP-NAME, or the RFC 3164 TAG. */
  readonly appName: string | null;
  readonly procId: string | null;
  readonly msgId: string | null;
  readonly structuredData: StructuredData | null;
  /** The free-form text (RFC 5424 MSG without its BOM, RFC 3164 CONTENT after the tag). */
  readonly message: string;
  /**
   * Set when the message had no standard RFC 3164 header at its start (Cisco IOS sequence
   * numbers, the VPN 3000's `seq MM/DD/YYYY` date): the text after PRI as a classic syslogd keeps
   * it in /var/log/messages, so the classic line reproduces that file's format exactly.
   */
  readonly classicContent: string | null;
}

export interface ParseOptions {
  /** The zone of timestamps that carry no offset (RFC 3164); UTC when not given. */
  readonly zone?: TimeZone;
  /**
   * Epoch seconds, to infer the year of RFC 3164 timestamps that have none (the year that puts
   * the time closest to now, as rsyslog does). Without it such timestamps stay null (the text is
   * kept in timestampText): the parser never reads the clock itself.
   */
  readonly now?: number;
  /** The last timestamp conversion, kept by the caller (a listener). */
  readonly times?: TimeMemo | undefined;
}

/** Facility keywords as syslog.conf spells them, indexed by code. */
export const FACILITY_NAMES = [
  'kern',
  'user',
  'mail',
  'daemon',
  'auth',
  'syslog',
  'lpr',
  'news',
  'uucp',
  'cron',
  'authpriv',
  'ftp',
  'ntp',
  'security',
  'console',
  'solaris-cron',
  'local0',
  'local1',
  'local2',
  'local3',
  'local4',
  'local5',
  'local6',
  'local7',
] as const;

/** Severity keywords as syslog.conf spells them, indexed by code. */
export const SEVERITY_NAMES = [
  'emerg',
  'alert',
  'crit',
  'err',
  'warning',
  'notice',
  'info',
  'debug',
] as const;
