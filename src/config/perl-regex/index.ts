export { type CompileResult, compilePerlRegex, type PerlMatch, type PerlRegex } from './compile.js';
export { quotemeta } from './quotemeta.js';
