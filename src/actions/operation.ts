import { type HandlerTable, LOG } from './run-context.js';
import { parseUnsigned } from './values.js';

/**
 * SEC ACT-reset, ACT-getwpos, ACT-setwpos: operations of this rule file (env.file). Rule numbers
 * were resolved at load; the desc text is expanded here. The operation's state checks
 * (initializing, terminating, backwards, into the future) belong to the engine.
 */
export const OPERATION_HANDLERS = {
  // SEC ACT-reset: nothing runs (no action2, no timeout action, no EventGroup end).
  reset: (a, cx) => {
    const desc = cx.expand(a, a.text);
    if (a.rule === null) {
      cx.log(
        LOG.debug,
        `Terminating all event correlation operations started from ${cx.env.file} with operation description string '${desc}'`,
      );
    } else {
      cx.log(LOG.debug, `Terminating event correlation operation of rule ${a.rule} with desc '${desc}'`);
    }
    cx.ports.engine.reset(cx.env.file, a.rule, desc);
    return 1;
  },
  // SEC ACT-getwpos: a missing operation leaves %v unchanged (warning).
  getwpos: (a, cx) => {
    const desc = cx.expand(a, a.text);
    const time = cx.ports.engine.getwpos(cx.env.file, a.rule, desc);
    if (time === undefined) {
      cx.log(
        LOG.warn,
        `Operation of rule ${a.rule} with desc '${desc}' does not exist, can't get window position`,
      );
    } else {
      cx.ports.variables.set(a.variable, String(time));
      cx.log(LOG.debug, `Variable '%${a.variable}' set to '${time}'`);
    }
    return 1;
  },
  // SEC ACT-setwpos: TIME is validated here; where the window may move is the engine's decision.
  setwpos: (a, cx) => {
    const time = cx.expand(a, a.time);
    const desc = cx.expand(a, a.text);
    const epoch = parseUnsigned(time);
    if (epoch === null) {
      cx.log(
        LOG.warn,
        `Invalid timestamp '${time}' for moving the window of operation of rule ${a.rule} with desc '${desc}'`,
      );
    } else {
      cx.ports.engine.setwpos(cx.env.file, a.rule, desc, epoch, cx.env.now);
    }
    return 1;
  },
} as const satisfies HandlerTable<'reset' | 'getwpos' | 'setwpos'>;
