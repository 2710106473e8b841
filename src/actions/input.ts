import { type HandlerTable, LOG } from './run-context.js';
import { parseInputOffset, parseUnsigned, splitLines } from './values.js';

/** The signal names sigemul accepts (SEC ACT-sigemul, SIG-common). */
const SIGNALS: ReadonlySet<string> = new Set(['HUP', 'ABRT', 'USR1', 'USR2', 'INT', 'TERM']);

/**
 * SEC ACT-rewrite, ACT-addinput, ACT-dropinput, ACT-sigemul: input buffers, dynamic inputs and
 * emulated signals. The runner validates the run-time parameters; the engine owns the buffers,
 * the input list (already-present and non-dynamic inputs are its to refuse) and the signal flags.
 */
export const INPUT_HANDLERS = {
  // SEC ACT-rewrite: K = 0 means "the number of lines of the text"; with no lines that is an error.
  rewrite: (a, cx) => {
    const count = cx.expand(a, a.count);
    const text = cx.expand(a, a.text);
    const lines = parseUnsigned(count);
    if (lines === null) {
      cx.log(LOG.warn, `Invalid linecount '${count}', can't rewrite input buffer`);
    } else if (lines === 0 && splitLines(text).length === 0) {
      cx.log(LOG.warn, 'No data for rewriting input buffer');
    } else {
      cx.ports.engine.rewrite(lines, text);
    }
    return 1;
  },
  // SEC ACT-addinput: OFFSET is `-` (end of file) or a byte offset.
  addinput: (a, cx) => {
    const file = cx.expand(a, a.file);
    const position = cx.expand(a, a.position);
    const context = cx.expand(a, a.context);
    cx.log(LOG.debug, `Adding dynamic input file '${file}' with context '${context}' to the list of inputs`);
    const offset = parseInputOffset(position);
    if (offset === null) {
      cx.log(LOG.warn, `Invalid file offset '${position}' specified for input file '${file}'`);
    } else {
      cx.ports.engine.addinput(file, offset, context);
    }
    return 1;
  },
  dropinput: (a, cx) => {
    const file = cx.expand(a, a.file);
    cx.log(LOG.debug, `Dropping dynamic input file '${file}' from the list of inputs`);
    cx.ports.engine.dropinput(file);
    return 1;
  },
  // SEC ACT-sigemul: case-insensitive; the flag is handled at the end of the loop iteration.
  sigemul: (a, cx) => {
    const signal = cx.expand(a, a.signal).toUpperCase();
    cx.log(LOG.debug, `Emulating the arrival of '${signal}' signal`);
    if (SIGNALS.has(signal)) cx.ports.engine.sigemul(signal);
    else cx.log(LOG.warn, `The arrival of '${signal}' signal can't be emulated`);
    return 1;
  },
} as const satisfies HandlerTable<'rewrite' | 'addinput' | 'dropinput' | 'sigemul'>;
