export { ACTION_CODES } from './actions.js';
export { CONTEXT_CODES } from './context.js';
export { MAIL_CODES } from './mail.js';
export { OPTIONS_CODES } from './options.js';
export { PERL_CODES } from './perl.js';
export { REGEX_CODES } from './regex.js';
export type { CodeInfo, CodeTable } from './types.js';
