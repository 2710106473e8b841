import { perlRegex } from './perl-text.js';
import { type ActionSpec, rest, word } from './spec.js';

/** Synthetic-event actions: event, tevent, cevent. The event string defaults to %s. */

const EVENT = perlRegex('^event(?:\\s+0*([0-9]+))?(?:\\s+(.*\\S))?$');

// SEC ACT-event: `event [D] [str]`. D is a load-time integer; a first word that is not all
// digits is text (`event 404x` has delay 0), and `event 5` alone is a delay with text %s.
const event: ActionSpec = {
  keyword: 'event',
  args: [word('DELAY', true), rest('STRING', true)],
  parse: (r) => {
    const m = r.match(EVENT);
    if (m === null) return r.mismatch();
    const delay = m[0] === undefined ? 0 : Number(m[0].text);
    return r.done({ kind: 'event', offset: r.offset, delay, text: r.orDefault(m[1], '%s') });
  },
};

const TEVENT = perlRegex('^tevent\\s+(\\S+)(?:\\s+(.*\\S))?$');

// SEC ACT-tevent: `tevent D [str]`; D may hold variables and is checked at run time.
const tevent: ActionSpec = {
  keyword: 'tevent',
  args: [word('DELAY'), rest('STRING', true)],
  parse: (r) => {
    const m = r.match(TEVENT);
    if (m === null) return r.mismatch();
    const delay = r.required(m[0], 'time offset');
    return r.done({ kind: 'tevent', offset: r.offset, delay, text: r.orDefault(m[1], '%s') });
  },
};

const CEVENT = perlRegex('^cevent\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*\\S))?$');

// SEC ACT-cevent: `cevent NAME D [str]`
const cevent: ActionSpec = {
  keyword: 'cevent',
  args: [word('NAME'), word('DELAY'), rest('STRING', true)],
  parse: (r) => {
    const m = r.match(CEVENT);
    if (m === null) return r.mismatch();
    const context = r.required(m[0], 'context name');
    const delay = r.required(m[1], 'time offset');
    return r.done({ kind: 'cevent', offset: r.offset, context, delay, text: r.orDefault(m[2], '%s') });
  },
};

export const EVENT_ACTIONS: readonly ActionSpec[] = [event, tevent, cevent];
