import { readFileSync } from 'node:fs';
import type { OptionProblem } from './types.js';

export type ReadTextFile = (path: string) => string;

export interface ResourceFile {
  /** The lines to append to argv, each one argument. */
  readonly args: string[];
  /** SEC's "Program resource file" status: `none`, the path, or `PATH - open failed (REASON)`. */
  readonly status: string;
  readonly problem: OptionProblem | null;
}

/** strerror() texts for the errors an open() of a resource file can give. */
const STRERROR: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EMFILE: 'Too many open files',
  EPERM: 'Operation not permitted',
  EIO: 'Input/output error',
};

/** Reads a file as UTF-8; a directory reads as empty, as Perl's open() of a directory succeeds. */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'EISDIR') return '';
    throw err;
  }
}

function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
}

function reason(err: unknown): string {
  const code = errorCode(err);
  const known = STRERROR[code];
  if (known !== undefined) return known;
  return err instanceof Error ? err.message : String(err);
}

/**
 * SEC opens $SECRC with Perl's two-argument open(), which ignores white space around the name and
 * takes a leading `<` as the read mode. (Other modes, `>` and pipes, are not honoured here: the
 * name is then used as it is and the open normally fails.)
 */
export function resourceFilePath(value: string): string {
  const trimmed = value.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '');
  return trimmed.startsWith('<') ? trimmed.slice(1).replace(/^[ \t\n\r\f\v]+/, '') : trimmed;
}

/**
 * SEC OPT-secrc: each line, with the white space around it removed, is ONE argument; empty lines
 * and lines whose first non-space character is `#` are skipped. Nothing else is parsed: no
 * quoting, no trailing comments, no splitting at spaces.
 */
export function resourceFileLines(text: string): string[] {
  const args: string[] = [];
  for (const line of text.split('\n')) {
    // Perl: /^\s*(.*\S)/ per line read with $/ = "\n".
    const m = /^[ \t\n\r\f\v]*([^\n]*[^ \t\n\r\f\v])/.exec(line);
    const option = m?.[1];
    if (option === undefined || option.startsWith('#')) continue;
    args.push(option);
  }
  return args;
}

/** Reads $SECRC when it is set (even to an empty string, which fails like SEC's open("")). */
export function readResourceFile(
  secrc: string | undefined,
  readFile: ReadTextFile = readTextFile,
): ResourceFile {
  if (secrc === undefined) return { args: [], status: 'none', problem: null };
  try {
    const path = resourceFilePath(secrc);
    if (path === '') throw Object.assign(new Error('empty path'), { code: 'ENOENT' });
    return { args: resourceFileLines(readFile(path)), status: secrc, problem: null };
  } catch (err) {
    const why = reason(err);
    return {
      args: [],
      status: `${secrc} - open failed (${why})`,
      problem: { code: 'SYS0710', message: `Can't open resource file ${secrc} (${why})` },
    };
  }
}
