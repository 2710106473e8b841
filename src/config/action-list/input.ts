import { perlRegex } from './perl-text.js';
import { targetOnly, targetWithText } from './shapes.js';
import { type ActionSpec, word } from './spec.js';

/**
 * Input actions: rewrite (the input buffer), addinput/dropinput (dynamic inputs) and sigemul
 * (signal emulation). Counts, offsets and signal names are checked at run time (AL-run-time).
 */

/** SEC's prefix of a dynamic input's default internal context (ACT-addinput). */
export const FILE_EVENT_CONTEXT_PREFIX = '_FILE_EVENT_';

// SEC ACT-rewrite: `rewrite K [str]`, str defaults to %s.
const rewrite = targetWithText('rewrite', 'COUNT', 'line count', (offset, count, text) => ({
  kind: 'rewrite',
  offset,
  count,
  text,
}));

const ADDINPUT = perlRegex('^addinput\\s+(\\S+)(?:\\s+(\\S+)(?:\\s+(\\S+))?)?$');

// SEC ACT-addinput: `addinput FILE [OFFSET [NAME]]`; OFFSET defaults to `-` (end of file), NAME to
// `_FILE_EVENT_` + FILE, built at load from the raw file argument (AL-parse-time).
const addinput: ActionSpec = {
  keyword: 'addinput',
  args: [word('FILE'), word('OFFSET', true), word('NAME', true)],
  parse: (r) => {
    const m = r.match(ADDINPUT);
    if (m === null) return r.mismatch();
    const file = r.required(m[0], 'file name');
    const position = r.orDefault(m[1], '-');
    const context = r.orDefault(m[2], FILE_EVENT_CONTEXT_PREFIX + file);
    return r.done({ kind: 'addinput', offset: r.offset, file, position, context });
  },
};

// SEC ACT-dropinput: `dropinput FILE`
const dropinput = targetOnly('dropinput', 'FILE', 'file name', (offset, file) => ({
  kind: 'dropinput',
  offset,
  file,
}));

// SEC ACT-sigemul: `sigemul SIG`; the name is checked at run time (a warning, not a load error).
const sigemul = targetOnly('sigemul', 'SIGNAL', 'signal name', (offset, signal) => ({
  kind: 'sigemul',
  offset,
  signal,
}));

export const INPUT_ACTIONS: readonly ActionSpec[] = [rewrite, addinput, dropinput, sigemul];
