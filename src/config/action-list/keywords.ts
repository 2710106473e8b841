import { CONTEXT_ACTIONS } from './context.js';
import { CONTROL_ACTIONS } from './control.js';
import { EVENT_ACTIONS } from './event.js';
import { INPUT_ACTIONS } from './input.js';
import { MAIL_ACTIONS } from './mail.js';
import { OPERATION_ACTIONS } from './operation.js';
import { OUTPUT_ACTIONS } from './output.js';
import { PROCESS_ACTIONS } from './process.js';
import type { ActionSpec } from './spec.js';
import { STORE_ACTIONS } from './store.js';
import { VARIABLE_ACTIONS } from './variable.js';

/** Every action spec, family by family (sec-features.md 4.2: 66 actions). */
const ALL_SPECS: readonly ActionSpec[] = [
  ...OUTPUT_ACTIONS,
  ...PROCESS_ACTIONS,
  ...CONTEXT_ACTIONS,
  ...STORE_ACTIONS,
  ...EVENT_ACTIONS,
  ...OPERATION_ACTIONS,
  ...VARIABLE_ACTIONS,
  ...INPUT_ACTIONS,
  ...CONTROL_ACTIONS,
];

/** The syscorr extensions of the action language (docs/mail.md); not among SEC's 66. */
const EXTENSION_SPECS: readonly ActionSpec[] = [...MAIL_ACTIONS];

/** The action specs by lower-case keyword (SEC matches keywords case-insensitively, AL-tokens). */
export const ACTION_SPECS: ReadonlyMap<string, ActionSpec> = new Map(
  [...ALL_SPECS, ...EXTENSION_SPECS].map((s) => [s.keyword, s]),
);

/** The syscorr extension keywords, lower-case. */
export const EXTENSION_KEYWORDS: readonly string[] = Object.freeze(EXTENSION_SPECS.map((s) => s.keyword));

/** All 66 action keywords, lower-case. */
export const ACTION_KEYWORDS: readonly string[] = Object.freeze(ALL_SPECS.map((s) => s.keyword));
