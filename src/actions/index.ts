export { WHILE_ITERATION_CAP } from './control.js';
export type {
  ActionPorts,
  Command,
  ContextPort,
  EnginePort,
  ExpiryTask,
  Logger,
  LogLevel,
  OutputPort,
  ProcessPort,
  RunEnv,
  VariablePort,
} from './ports.js';
export { runActions } from './run.js';
export type { Outcome } from './run-context.js';
export { substituteMatchVars, substituteShadowVars } from './substitute.js';
export { perlTrue } from './values.js';
