import type { Action } from './ast.js';
import { perlRegex } from './perl-text.js';
import { type ActionSpec, rest, word } from './spec.js';

/**
 * The two argument shapes many actions share. TARGET is one `\S+` token (AL-tokens) that must not
 * be empty after AL-paren-strip; STRING is the rest of the action and defaults to `%s`
 * (AL-default-s).
 */

/** `KEYWORD TARGET [STRING]`, SEC's `^KEYWORD\s+(\S+)(?:\s+(.*\S))?$`. */
export function targetWithText(
  keyword: string,
  target: string,
  what: string,
  build: (offset: number, target: string, text: string) => Action,
): ActionSpec {
  const re = perlRegex(`^${keyword}\\s+(\\S+)(?:\\s+(.*\\S))?$`);
  return {
    keyword,
    args: [word(target), rest('STRING', true)],
    parse: (r) => {
      const m = r.match(re);
      if (m === null) return r.mismatch();
      const value = r.required(m[0], what);
      return r.done(build(r.offset, value, r.orDefault(m[1], '%s')));
    },
  };
}

/** `KEYWORD TARGET`, SEC's `^KEYWORD\s+(\S+)$`. */
export function targetOnly(
  keyword: string,
  target: string,
  what: string,
  build: (offset: number, target: string) => Action,
): ActionSpec {
  const re = perlRegex(`^${keyword}\\s+(\\S+)$`);
  return {
    keyword,
    args: [word(target)],
    parse: (r) => {
      const m = r.match(re);
      if (m === null) return r.mismatch();
      return r.done(build(r.offset, r.required(m[0], what)));
    },
  };
}
