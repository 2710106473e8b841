export { stripTrailing } from './chars.js';
export * from './framing.js';
export { latin1Text, parseSyslog } from './parse.js';
export { DEFAULT_FACILITY, DEFAULT_SEVERITY, MAX_PRIVAL } from './pri.js';
export { matchFields, type RenderOptions, renderLine } from './render.js';
export { TimeMemo } from './time-memo.js';
export {
  FACILITY_NAMES,
  type ParseOptions,
  SEVERITY_NAMES,
  type StructuredData,
  SYSLOG_PARSE_REASONS,
  type SyslogFormat,
  type SyslogMessage,
  type SyslogParseReason,
} from './types.js';
