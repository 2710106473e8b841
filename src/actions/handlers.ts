import type { ActionKind } from '../config/action-list/index.js';
import { CONTEXT_HANDLERS } from './context.js';
import { CONTROL_HANDLERS } from './control.js';
import { EVENT_HANDLERS } from './event.js';
import { INPUT_HANDLERS } from './input.js';
import { MAIL_HANDLERS } from './mail.js';
import { OPERATION_HANDLERS } from './operation.js';
import { OUTPUT_HANDLERS } from './output.js';
import { PROCESS_HANDLERS } from './process.js';
import type { HandlerTable } from './run-context.js';
import { STORE_HANDLERS } from './store.js';
import { VARIABLE_HANDLERS } from './variable.js';

/**
 * Every action keyword's handler, one family module each (sec-features 4.2). `satisfies` makes a
 * keyword added to the AST without a handler a compile error.
 */
export const HANDLERS = {
  ...CONTROL_HANDLERS,
  ...OUTPUT_HANDLERS,
  ...PROCESS_HANDLERS,
  ...CONTEXT_HANDLERS,
  ...STORE_HANDLERS,
  ...EVENT_HANDLERS,
  ...OPERATION_HANDLERS,
  ...VARIABLE_HANDLERS,
  ...INPUT_HANDLERS,
  ...MAIL_HANDLERS,
} as const satisfies HandlerTable<ActionKind>;
