export { renderActionList } from './actions.js';
export {
  collectCache,
  collectContexts,
  collectInputs,
  collectOperations,
  collectRuleStats,
  collectVariables,
} from './collect.js';
export { renderJson } from './json.js';
export { renderDump } from './render.js';
export type {
  DumpBuffer,
  DumpCacheEntry,
  DumpChild,
  DumpContext,
  DumpInput,
  DumpOperation,
  DumpPendingEvent,
  DumpPerf,
  DumpProgram,
  DumpRuleFile,
  DumpRuleStat,
  DumpState,
  DumpVariable,
} from './state.js';
export { renderText } from './text.js';
export { type DumpWriteOptions, type DumpWriteResult, writeDump } from './write.js';
