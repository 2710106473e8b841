/** Perl's isSPACE() on a C char: the ASCII white space. */
function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}

function trimSpace(text: string): string {
  return text.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '');
}

/** Scans a quoted run starting at the quote at `open`; returns the text and the closing index, or null. */
function quoted(text: string, open: number): { part: string; close: number } | null {
  const quote = text[open];
  let part = '';
  let from = open + 1;
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      // A backslash before the quote character is dropped; any other one is kept for the glob.
      if (i < text.length && text[i] === quote) {
        part += text.slice(from, i - 1);
        from = i;
      }
    } else if (text[i] === quote) {
      return { part: part + text.slice(from, i), close: i };
    }
  }
  return null;
}

/**
 * SEC OPT-glob: Perl's glob() (File::Glob::csh_glob) first cuts its argument into words at
 * unquoted white space, so `--conf="a.rules b.rules"` names two patterns. `'…'` and `"…"` keep
 * white space inside one word and are removed (wildcards inside them still work); a backslash
 * before a quote makes it literal; other backslashes are left for the glob itself. With an
 * unmatched quote the whole argument, trimmed, becomes one more pattern after the words so far.
 */
export function splitGlobWords(pattern: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let piece: number | null = null;
  let i = 0;
  for (; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '"' || c === "'") {
      const q = quoted(pattern, i);
      if (q === null) return [...words, trimSpace(pattern)];
      word = (word ?? '') + (piece === null ? '' : pattern.slice(piece, i)) + q.part;
      piece = null;
      i = q.close;
    } else if (c === '\\') {
      piece ??= i;
      i++;
      if (i < pattern.length && (pattern[i] === '"' || pattern[i] === "'")) {
        word = (word ?? '') + pattern.slice(piece, i - 1);
        piece = i;
      }
    } else if (isSpace(c)) {
      if (piece !== null) word = (word ?? '') + pattern.slice(piece, i);
      if (word !== null) words.push(word);
      word = null;
      piece = null;
    } else {
      piece ??= i;
    }
  }
  if (piece !== null || word !== null)
    words.push((word ?? '') + (piece === null ? '' : pattern.slice(piece)));
  return words;
}
