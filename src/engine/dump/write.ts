import { writeFileSync } from 'node:fs';

export interface DumpWriteOptions {
  /** OPT-dumpfts: the file name gets `.<epoch>` appended. */
  readonly dumpfts: boolean;
}

/** What happened: `error` is null on success; `level` is the log level of the error (3 warn, 2 err). */
export interface DumpWriteResult {
  readonly file: string;
  readonly error: string | null;
  readonly level: 2 | 3 | null;
}

/**
 * SIG-USR1 / OPT-dump: write a rendered dump. An existing file is never overwritten (SEC warns
 * and skips the dump); the exclusive create makes the check and the open one step. Never throws.
 */
export function writeDump(
  path: string,
  content: string,
  now: number,
  opts: DumpWriteOptions,
): DumpWriteResult {
  const file = opts.dumpfts ? `${path}.${Math.floor(now)}` : path;
  try {
    writeFileSync(file, content, { encoding: 'utf8', flag: 'wx' });
    return { file, error: null, level: null };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EEXIST') return { file, error: `Can't write to dumpfile: ${file} exists`, level: 3 };
    return { file, error: `Can't open dumpfile ${file} (${e.message})`, level: 2 };
  }
}
