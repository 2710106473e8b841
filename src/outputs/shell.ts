/**
 * How Perl's one-argument `exec(STRING)` runs a command line (SEC CH-shell): through `/bin/sh -c`
 * when the line has shell metacharacters (or a few shell-only forms), else split on whitespace
 * and execvp'd directly. The decision matters beyond the output: it selects the process that
 * receives SIGTERM (CH-childterm) and the exit code of a missing program (127 vs 1).
 */

/** How to start a command line. `none`: nothing to run (empty line); Perl's child exits 1. */
export type ExecPlan =
  | { readonly kind: 'shell'; readonly script: string }
  | { readonly kind: 'argv'; readonly argv: readonly string[]; readonly stderrToStdout: boolean }
  | { readonly kind: 'none' };

/** Characters for which Perl hands the line to the shell (space and letters are never in it). */
const METACHARS = new Set('$&*(){}[]\'";\\|?<>~`\n');

/** Perl's isSPACE on bytes: space, \t, \n, \v, \f, \r. */
function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r';
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z0-9_]$/.test(ch);
}

/** Leading forms that always go to the shell: `. file`, `exec cmd` and `VAR=value cmd`. */
function shellPrefix(cmd: string): boolean {
  if (cmd[0] === '.' && isSpace(cmd[1])) return true;
  if (cmd.startsWith('exec') && isSpace(cmd[4])) return true;
  let i = 0;
  while (isWordChar(cmd[i])) i++;
  return cmd[i] === '=';
}

/** A trailing ` 2>&1` (only whitespace after it) at index i of '>': Perl dup2s instead of a shell. */
function trailingStderrRedirect(cmd: string, i: number): boolean {
  if (cmd[i + 1] !== '&' || cmd[i + 2] !== '1') return false;
  if (i < 2 || cmd[i - 1] !== '2' || !isSpace(cmd[i - 2])) return false;
  for (let j = i + 3; j < cmd.length; j++) if (!isSpace(cmd[j])) return false;
  return true;
}

/** Splits on runs of Perl whitespace, dropping empty words. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const ch of text) {
    if (isSpace(ch)) {
      if (word !== '') words.push(word);
      word = '';
    } else {
      word += ch;
    }
  }
  if (word !== '') words.push(word);
  return words;
}

function argvPlan(text: string, stderrToStdout: boolean): ExecPlan {
  const argv = splitWords(text);
  return argv.length === 0 ? { kind: 'none' } : { kind: 'argv', argv, stderrToStdout };
}

/**
 * SEC CH-shell: Perl's exec(STRING) decision. Leading whitespace is skipped; a single trailing
 * newline is dropped without choosing the shell; a trailing ` 2>&1` is done by the caller
 * (stderr onto stdout) without a shell, as Perl does.
 */
export function planExec(commandLine: string): ExecPlan {
  let start = 0;
  while (isSpace(commandLine[start])) start++;
  const cmd = commandLine.slice(start);
  if (shellPrefix(cmd)) return { kind: 'shell', script: cmd };
  for (let i = 0; i < cmd.length; i++) {
    const ch = cmd[i] as string;
    if (!METACHARS.has(ch)) continue;
    if (ch === '\n' && i === cmd.length - 1) return argvPlan(cmd.slice(0, i), false);
    if (ch === '>' && trailingStderrRedirect(cmd, i)) return argvPlan(cmd.slice(0, i - 2), true);
    return { kind: 'shell', script: cmd };
  }
  return argvPlan(cmd, false);
}
