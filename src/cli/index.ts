export { expandGlob, expandPatterns, type GlobOptions, globCompare } from './glob.js';
export { splitGlobWords } from './glob-words.js';
export { SEC_COMPATIBILITY, SYSCORR_VERSION, usageText, versionText } from './help.js';
export { formatHostPort, isSmtpUrl, parseHostPort, parseInputSpec, splitInputContext } from './input-spec.js';
export {
  OPTION_FIELDS,
  OPTION_TABLE,
  type OptionCheck,
  type OptionKind,
  type OptionSpec,
  type OptionValue,
} from './options-table.js';
export { DEFAULT_OPTIONS, parseCommandLine } from './parse.js';
export { type ReadTextFile, readResourceFile, resourceFileLines } from './secrc.js';
export type { InputSpec, ListenAddress, OptionProblem, ParsedCommandLine, SecOptions } from './types.js';
