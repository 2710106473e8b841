import {
  type BigIntStats,
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  type Stats,
  statSync,
} from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from '../actions/ports.js';
import { FifoHandle } from './fifo-input.js';
import { RegularFileHandle } from './file-input.js';
import { osErrorText } from './os-error.js';
import type { InputHandle } from './types.js';

/** Where to start reading: -1 = EOF, 0 = do not seek (the start), N > 0 = offset N (SEC's $fpos). */
export type StartOffset = number;

/** What opening an input needs to know. */
export interface OpenEnv {
  readonly cwd: string;
  readonly rwfifo: boolean;
  readonly reopenTimeout: number;
  readonly logger: Logger;
  /** Opens standard input (SEC dups STDIN for every open of `-`). */
  openStdin(fpos: StartOffset): InputHandle | null;
}

/** The path an input name is opened at; the name itself is kept as the event source. */
export function inputPath(name: string, cwd: string): string {
  return resolve(cwd, name);
}

/**
 * SEC open_input_file: the offset a regular file of `size` bytes starts at. An offset past EOF
 * seeks EOF with a notice (ACT-addinput).
 */
export function startPosition(name: string, fpos: StartOffset, size: number, logger: Logger): number {
  if (fpos > size) {
    logger.log(4, `Offset ${fpos} beyond EOF, seeking EOF in input file ${name}`);
    return size;
  }
  return fpos === -1 ? size : Math.max(0, fpos);
}

/** Does the name exist (SEC `-e`), for the read-from-start flag of a missing file (OPT-reopen-timeout)? */
export function inputExists(name: string, cwd: string): boolean {
  return name === '-' || existsSync(inputPath(name, cwd));
}

function statPath(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * SEC open_input_file: opens a regular file (read-only) or a named pipe (--rwfifo: read-write,
 * else read-only; both non-blocking here, see FifoHandle), logs why an input cannot be opened,
 * and returns null then. A missing file is a warning, or a debug message under --reopen-timeout.
 */
export function openInputFile(name: string, fpos: StartOffset, env: OpenEnv): InputHandle | null {
  if (name === '-') return env.openStdin(fpos);
  const path = inputPath(name, env.cwd);
  const st = statPath(path);
  if (st === null) {
    if (env.reopenTimeout > 0) env.logger.log(6, `Input file ${name} has not been created yet`);
    else env.logger.log(3, `Input file ${name} does not exist!`);
    return null;
  }
  let flags: number;
  if (st.isFile()) flags = constants.O_RDONLY;
  else if (st.isFIFO()) flags = (env.rwfifo ? constants.O_RDWR : constants.O_RDONLY) | constants.O_NONBLOCK;
  else {
    env.logger.log(2, `Input file ${name} is of unsupported type!`);
    return null;
  }
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch (error) {
    env.logger.log(2, `Can't open input file ${name} (${osErrorText(error)})`);
    return null;
  }
  return wrapDescriptor(name, fd, fpos, env.logger);
}

/** Stats the opened descriptor (its device/inode are what rotation compares) and wraps it. */
function wrapDescriptor(name: string, fd: number, fpos: StartOffset, logger: Logger): InputHandle | null {
  let st: BigIntStats;
  try {
    st = fstatSync(fd, { bigint: true });
  } catch (error) {
    logger.log(2, `Can't stat input file ${name} through filehandle (${osErrorText(error)})`);
    closeSync(fd);
    return null;
  }
  const ids = { dev: st.dev, ino: st.ino };
  if (!st.isFile()) return new FifoHandle(fd, ids);
  return new RegularFileHandle(fd, startPosition(name, fpos, Number(st.size), logger), ids, true);
}
