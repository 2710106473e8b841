/**
 * A small POSIX shell word splitter for recognising SEC's mail idioms (docs/mail.md). It returns
 * the words `/bin/sh -c` would pass to the program, but only for a *simple* command: anything
 * the shell would expand or interpret (pipelines, lists, redirections, `$…`, backquotes, globs,
 * `~`, comments, a newline inside the line) makes it return null, so such a command is never
 * intercepted and runs exactly as SEC would run it (CH-shell).
 */

/** Unquoted characters that make the line more than a simple command. */
const SPECIAL = new Set('|&;<>()$`*?[]{}\n');

/** Inside double quotes, a backslash only escapes these (POSIX 2.2.3). */
const DQ_ESCAPABLE = new Set('$`"\\\n');

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

/** Reads a single-quoted string from `i` (the opening quote); returns its text and the index past it. */
function singleQuoted(line: string, i: number): [string, number] | null {
  const end = line.indexOf("'", i + 1);
  return end < 0 ? null : [line.slice(i + 1, end), end + 1];
}

/** Reads a double-quoted string from `i`; null when it expands something or is not closed. */
function doubleQuoted(line: string, i: number): [string, number] | null {
  let text = '';
  for (let j = i + 1; j < line.length; j++) {
    const ch = line[j] as string;
    if (ch === '"') return [text, j + 1];
    if (ch === '$' || ch === '`') return null;
    if (ch === '\\') {
      const next = line[j + 1];
      if (next === undefined) return null;
      if (next === '\n') {
        j++;
      } else if (DQ_ESCAPABLE.has(next)) {
        text += next;
        j++;
      } else {
        text += ch;
      }
      continue;
    }
    text += ch;
  }
  return null;
}

/**
 * The words of a simple command line, quotes removed; null when the shell would do more than
 * split words (see above). One trailing newline is ignored, as Perl's exec ignores it.
 */
export function splitShellWords(commandLine: string): string[] | null {
  const line = commandLine.endsWith('\n') ? commandLine.slice(0, -1) : commandLine;
  const words: string[] = [];
  let word: string | null = null;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (isBlank(ch)) {
      if (word !== null) words.push(word);
      word = null;
      i++;
      continue;
    }
    // `#` starts a comment and `~` a tilde expansion only at the start of a word.
    if (word === null && (ch === '#' || ch === '~')) return null;
    if (SPECIAL.has(ch)) return null;
    if (ch === '\\') {
      const next = line[i + 1];
      if (next === undefined) return null;
      // A backslash-newline is a line continuation: both go.
      if (next !== '\n') word = (word ?? '') + next;
      i += 2;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const quoted = ch === "'" ? singleQuoted(line, i) : doubleQuoted(line, i);
      if (quoted === null) return null;
      word = (word ?? '') + quoted[0];
      i = quoted[1];
      continue;
    }
    word = (word ?? '') + ch;
    i++;
  }
  if (word !== null) words.push(word);
  return words;
}
