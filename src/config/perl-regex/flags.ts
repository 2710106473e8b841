import { type Charset, DEFAULT_FLAGS, type Flags, type ParseState } from './state.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Inline modifiers `(?^imnsx-imnsx)` / `(?imnsx-imnsx:` (SEC HP-re-inline). `st.pos` is after
 * `(?`; on return it is on the closing `)` or `:`. The charset modifiers d, u, a and aa are
 * supported; l (locale) is rejected because its meaning depends on the locale of the host.
 */
export function parseFlagGroup(st: ParseState, open: number): Flags {
  const caret = st.eat('^');
  const f: Mutable<Flags> = { ...(caret ? DEFAULT_FLAGS : st.flags) };
  let negative = false;
  let charset: Charset | null = null;
  let xCount = 0;
  for (;;) {
    const c = st.peek();
    if (c === ')' || c === ':') break;
    if (c === '') st.fail('SYS0501', `sequence '${st.src.slice(open)}' is not terminated`, open);
    if (c === '-') {
      if (caret || negative)
        st.fail('SYS0504', `sequence '${st.src.slice(open, st.pos + 1)}...' is not recognized`);
      negative = true;
      st.pos++;
      continue;
    }
    if ('dual'.includes(c)) {
      if (negative) st.fail('SYS0504', `regex modifier '${c}' may not appear after the '-'`);
      charset = nextCharset(st, charset, c);
    } else if (c === 'x') {
      xCount = negative ? 0 : xCount + 1;
      f.x = negative ? 0 : xCount >= 2 ? 2 : 1;
    } else if (c === 'i' || c === 'm' || c === 's' || c === 'n') {
      f[c] = !negative;
    } else if (!'pcgo'.includes(c)) {
      // p is a no-op since Perl 5.20; c, g and o only draw a "useless" warning.
      st.fail('SYS0504', `sequence '(?${st.src.slice(open + 2, st.pos + 1)}...)' is not recognized`);
    }
    st.pos++;
  }
  if (charset !== null) f.charset = charset;
  else if (caret) f.charset = 'd';
  return f;
}

function nextCharset(st: ParseState, current: Charset | null, c: string): Charset {
  if (c === 'l') {
    st.fail(
      'SYS0517',
      "the locale modifier '(?l)' is not supported (its meaning depends on the host locale)",
    );
  }
  if (c === 'a' && (current === 'a' || current === null)) return current === 'a' ? 'aa' : 'a';
  if (current !== null) {
    st.fail('SYS0504', `regex modifiers '${current}' and '${c}' are mutually exclusive`);
  }
  return c === 'd' ? 'd' : c === 'u' ? 'u' : 'a';
}
