export { type AutomatonLiteral, LiteralAutomaton } from './automaton.js';
export { requiredLiterals } from './extract.js';
export { foldByte, foldText } from './fold.js';
export { buildPlan, type FilePlan, type PrefilterPlan, patternLiterals } from './plan.js';
export { MIN_FILTERED, Prefilter } from './prefilter.js';
