import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';

/** Whether `path` is a file this process may execute. */
export type IsExecutable = (path: string) => boolean;

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** execvp's search path when PATH is unset. */
const DEFAULT_PATH = '/usr/bin:/bin';

/**
 * Whether running `program` would find a program, as execvp and /bin/sh look: a name with a `/`
 * is used as it is, a bare name is searched in PATH (an empty entry is the current directory).
 * This decides whether a mail command without --smtp is intercepted (docs/mail.md).
 */
export function programExists(
  program: string,
  searchPath: string | undefined,
  isExecutable: IsExecutable = isExecutableFile,
): boolean {
  if (program.includes('/')) return isExecutable(program);
  for (const dir of (searchPath ?? DEFAULT_PATH).split(':')) {
    if (isExecutable(join(dir === '' ? '.' : dir, program))) return true;
  }
  return false;
}
