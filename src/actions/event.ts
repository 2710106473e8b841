import { type HandlerTable, LOG, type RunContext } from './run-context.js';
import { parseUnsigned, splitLines } from './values.js';

/**
 * SEC ACT-event, ACT-tevent, ACT-cevent: synthetic events, one per line of the text (Perl split:
 * an empty text makes none, middle empty lines make empty events). Delay 0 joins the synthetic
 * queue now; D > 0 becomes due at now + D (the engine's queue, IN-order).
 */
export const EVENT_HANDLERS = {
  // SEC ACT-event: the delay is a load-time constant.
  event: (a, cx) => {
    emit(cx.expand(a, a.text), a.delay, null, cx);
    return 1;
  },
  // SEC ACT-tevent: the delay may hold variables and is checked at run time.
  tevent: (a, cx) => {
    const delay = cx.expand(a, a.delay);
    const text = cx.expand(a, a.text);
    const seconds = parseUnsigned(delay);
    if (seconds === null) cx.log(LOG.warn, `Invalid time specification '${delay}' for creating events`);
    else emit(text, seconds, null, cx);
    return 1;
  },
  // SEC ACT-cevent: as tevent, with internal context NAME for the events.
  cevent: (a, cx) => {
    const context = cx.expand(a, a.context);
    const delay = cx.expand(a, a.delay);
    const text = cx.expand(a, a.text);
    const seconds = parseUnsigned(delay);
    if (seconds === null) cx.log(LOG.warn, `Invalid time specification '${delay}' for creating events`);
    else emit(text, seconds, context, cx);
    return 1;
  },
} as const satisfies HandlerTable<'event' | 'tevent' | 'cevent'>;

/** `context` null = the default synthetic context (_INTERNAL_EVENT). */
function emit(text: string, delay: number, context: string | null, cx: RunContext): void {
  const suffix = context === null ? '' : ` with context '${context}'`;
  for (const line of splitLines(text)) {
    if (delay > 0) {
      cx.log(LOG.debug, `Scheduling the creation of event '${line}'${suffix} after ${delay} seconds`);
    } else {
      cx.log(LOG.debug, `Creating event '${line}'${suffix}`);
    }
    cx.ports.engine.event(line, delay, context, cx.env.now);
  }
}
