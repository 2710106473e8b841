export {
  charBuiltins,
  MAX_CHR,
  strftimeZ,
  TIME_VARIABLES,
  type TimeVariable,
  timeBuiltins,
} from './builtins.js';
export { type BrokenDownTime, breakDown, civilFromDays, daysFromCivil } from './civil.js';
export {
  findZone,
  type LoadZoneOptions,
  loadZone,
  processZone,
  type ReadZoneFile,
  readZoneFileSync,
} from './load-zone.js';
export {
  classicTime,
  formatPerlLocaltime,
  localTime,
  MONTH_NAMES,
  perlLocaltime,
  WEEKDAY_NAMES,
} from './localtime.js';
export { parsePosixTz } from './posix-tz.js';
export { parseTzif } from './tzif.js';
export { ActionVariables, type ActionVariablesOptions } from './variables.js';
export { fixedZone, numericAbbr, runtimeZone, type TimeZone, UTC_ZONE, type ZoneInfo } from './zone.js';
