export {
  type ActionVarPart,
  type ActionVarTemplate,
  maskPercent,
  parseActionVarTemplate,
  substituteActionVars,
} from './action-vars.js';
export {
  hasMatchVariables,
  lookupMatchValue,
  type MatchPart,
  type MatchTemplate,
  type MatchValues,
  parseMatchTemplate,
  parseVarTemplate,
  type SubstTarget,
  substituteMatch,
  substituteTemplate,
  type ValueMask,
  type VarToken,
} from './match.js';
export { maskDollar, parseShadowTemplate, substituteShadow } from './shadow.js';
