import type { Readable } from 'node:stream';
import type { Logger } from '../actions/ports.js';

/** One line of file or stdin input, as the main loop receives it (IN-loop step 2). */
export interface InputLine {
  /** The line without its `\n`; bytes decoded as latin1, one char per byte (IN-lines). */
  readonly line: string;
  /** The file name as given or expanded; `-` for standard input. */
  readonly source: string;
  /**
   * The `--input=PAT=CTX` name, the addinput NAME, or null when none was given. SEC then uses
   * `_FILE_EVENT_` + source as the internal context (OPT-input); that mapping is the engine's.
   */
  readonly context: string | null;
}

/** One `--input` file pattern (OPT-input); listener URLs never reach the InputSet. */
export interface InputSetSpec {
  readonly pattern: string;
  readonly context: string | null;
}

/** The options of SEC that shape the input side (sec-features 5). */
export interface InputSetOptions {
  /** OPT-tail: true = --tail (the default), false = --notail. */
  readonly tail: boolean;
  /** OPT-fromstart. */
  readonly fromstart: boolean;
  /** OPT-reopen-timeout, seconds; 0 = never. */
  readonly reopenTimeout: number;
  /** OPT-check-timeout, seconds; 0 = poll every time. */
  readonly checkTimeout: number;
  /** OPT-rwfifo. */
  readonly rwfifo: boolean;
  /** OPT-blocksize, bytes per read. */
  readonly blocksize: number;
  /** OPT-input-timeout, seconds; forced to 0 when timeoutScript is null. */
  readonly inputTimeout: number;
  /** OPT-timeout-script. */
  readonly timeoutScript: string | null;
  /** Relative input names are opened relative to this directory (the name itself is kept). */
  readonly cwd: string;
  /** The glob of OPT-input (csh-style, as cli/glob.ts's expandGlob). */
  readonly expand: (pattern: string) => string[];
  readonly logger: Logger;
  /** Runs the timeout script without a shell (OPT-input-timeout); default: a detached spawn. */
  readonly runTimeoutScript?: (argv: string[]) => void;
  /**
   * Standard input: a stream (tests inject a child's stdout), or a file descriptor (default 0).
   * A descriptor on a regular file is read like a file (SEC dups STDIN and checks `-f`); any other
   * descriptor is read as a stream.
   */
  readonly stdin?: Readable | { readonly fd: number };
}

/** What the dump shows for one input (SEC's "Input sources" section of the dump file). */
export interface InputSnapshot {
  readonly name: string;
  readonly open: boolean;
  /** null when the input is closed. */
  readonly type: 'regular' | 'pipe' | null;
  /** Read offset of an open regular file, else null. */
  readonly offset: number | null;
  /** Size of an open regular file (through its handle), else null. */
  readonly size: number | null;
  /** Device and inode of the open handle as decimal strings; `-` for stdin; null when closed. */
  readonly dev: string | null;
  readonly inode: string | null;
  /** Lines of this input the engine has taken with next() since the input was (re)opened. */
  readonly lines: number;
  readonly context: string | null;
  /** Added by addinput (ACT-addinput). */
  readonly dynamic: boolean;
}

/** The outcome of one read() on an open input (one sysread in SEC). */
export type ReadOutcome =
  | { readonly kind: 'data'; readonly text: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'eof' }
  | { readonly kind: 'error'; readonly message: string };

/** An open input: a regular file, a FIFO or a stream. */
export interface InputHandle {
  readonly type: 'regular' | 'pipe';
  /** Device and inode from fstat at open time; null for standard input (never rotation-checked). */
  readonly dev: bigint | null;
  readonly ino: bigint | null;
  /** Reads at most `max` bytes without ever waiting. */
  read(max: number): ReadOutcome;
  /** The read offset of a regular file, else null. */
  position(): number | null;
  /** The size through the handle (fstat) of a regular file, else null. */
  size(): number | null;
  /** Regular files: reads everything between the offset and the handle's size (IN-rotation). */
  readRest(): string;
  close(): void;
}
