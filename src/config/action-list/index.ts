export type * from './ast.js';
export { ACTION_KEYWORDS, EXTENSION_KEYWORDS } from './keywords.js';
export { resolveRuleOffset } from './operation.js';
export { parseActionList } from './parse.js';
