export { type ContextExpr, type ContextSpec, walkContextExpr } from './ast.js';
export { parseContextExpr } from './parse.js';
export { contextHasVariables } from './variables.js';
