import { closeSync, constants, openSync, type Stats, statSync, writeSync } from 'node:fs';
import type { Logger } from '../actions/ports.js';
import { errorText, hasWideChar } from './errors.js';

/** Writes a string to standard output; throws like fs.writeSync on failure. */
export type StdoutWriter = (text: string) => void;

/** How long a write to a full, non-blocking standard output is retried before it fails. */
const STDOUT_PATIENCE_MS = 10_000;

/**
 * The default stdout writer: a synchronous, unbuffered write of latin1 bytes to fd 1, whole.
 * SEC's print blocks until a slow reader (docker logs, a pager) takes the line; fd 1 may have
 * been made non-blocking by whoever shares the pipe, so a partial write is continued and EAGAIN
 * waits a millisecond and retries, for up to 10 s, instead of losing the alert line.
 */
export function writeStdoutSync(text: string): void {
  const bytes = Buffer.from(text, 'latin1');
  let done = 0;
  let waited = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(1, bytes, done, bytes.length - done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || waited >= STDOUT_PATIENCE_MS) throw error;
      Atomics.wait(PAUSE, 0, 0, 1);
      waited += 1;
    }
  }
}

/** A cell nobody notifies: Atomics.wait on it is a plain synchronous sleep. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** A file name as its bytes: Node would encode a string path as UTF-8. */
function bytesPath(file: string): Buffer {
  return Buffer.from(file, 'latin1');
}

/** `-` is kept as a marker: standard output is never closed by closef or closeAll. */
type Handle = number | 'stdout';

/**
 * The files of write / writen / closef / owritecl (SEC ACT-write .. ACT-owritecl). Every write
 * is a synchronous append (SEC uses syswrite, unbuffered); errors are logged at debug level, as
 * SEC does to avoid log floods, and a handle whose write failed is dropped.
 */
export class FileOutputs {
  readonly #logger: Logger;
  readonly #stdout: StdoutWriter;
  /** Open handles keyed by the expanded file name (SEC %output_files). */
  readonly #handles = new Map<string, Handle>();

  constructor(logger: Logger, stdout: StdoutWriter) {
    this.#logger = logger;
    this.#stdout = stdout;
  }

  /** SEC ACT-write / ACT-writen: `text` (+ "\n" when newline) appended to a kept-open file. */
  write(file: string, text: string, newline: boolean): void {
    this.#logger.log(6, `Writing event '${text}' to file '${file}'`);
    let handle = this.#handles.get(file);
    if (handle === undefined) {
      const opened = file === '-' ? 'stdout' : this.#open(file, text);
      if (opened === null) return;
      handle = opened;
      this.#handles.set(file, handle);
    }
    const data = newline ? `${text}\n` : text;
    if (!this.#writeAll(handle, data, text, file)) this.#drop(file, handle);
  }

  /** SEC ACT-closef: closes a write/writen handle (owritecl never keeps one). */
  closef(file: string): void {
    this.#logger.log(6, `Closing file '${file}'`);
    const handle = this.#handles.get(file);
    if (handle === undefined) {
      this.#logger.log(6, `File '${file}' is not open, can't close`);
      return;
    }
    this.#handles.delete(file);
    if (handle === 'stdout') return;
    try {
      closeSync(handle);
    } catch (error) {
      this.#logger.log(3, `Error when closing file '${file}' (${errorText(error)})`);
    }
  }

  /** SEC ACT-owritecl: open, write without a newline, close; `-` is stdout. */
  owritecl(file: string, text: string): void {
    this.#logger.log(6, `Writing event '${text}' to file '${file}'`);
    if (file === '-') {
      this.#writeAll('stdout', text, text, file);
      return;
    }
    const fd = this.#open(file, text);
    if (fd === null) return;
    this.#writeAll(fd, text, text, file);
    try {
      closeSync(fd);
    } catch (error) {
      this.#logger.log(6, `Error when closing file '${file}' (${errorText(error)})`);
    }
  }

  /** SEC close_outputs for files (HUP, ABRT, USR2). */
  closeAll(): void {
    for (const handle of this.#handles.values()) {
      if (handle === 'stdout') continue;
      try {
        closeSync(handle);
      } catch {
        // The handle is dropped either way, as when SEC clears %output_files.
      }
    }
    this.#handles.clear();
  }

  /** The names of the open handles (for the dump). */
  openFiles(): string[] {
    return [...this.#handles.keys()];
  }

  /**
   * SEC ACT-write: an existing file that is neither regular nor a FIFO is refused; a FIFO is
   * opened non-blocking (so it fails without a reader, ENXIO); anything else is created/appended.
   */
  #open(file: string, text: string): number | null {
    let stats: Stats | undefined;
    try {
      stats = statSync(bytesPath(file));
    } catch {
      stats = undefined;
    }
    if (stats !== undefined && !stats.isFile() && !stats.isFIFO()) {
      this.#logger.log(6, `Can't write event '${text}' to file '${file}' (not a regular file or pipe)`);
      return null;
    }
    const flags =
      stats?.isFIFO() === true
        ? constants.O_WRONLY | constants.O_NONBLOCK
        : constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND;
    try {
      return openSync(bytesPath(file), flags, 0o666);
    } catch (error) {
      this.#logger.log(6, `Can't open '${file}' for writing event '${text}' (${errorText(error)})`);
      return null;
    }
  }

  /** One syswrite; false when the handle must be dropped (a write error, not a short write). */
  #writeAll(handle: Handle, data: string, text: string, file: string): boolean {
    if (hasWideChar(data)) {
      this.#logger.log(6, `Error when writing event '${text}' to '${file}' (Wide character in syswrite)`);
      return true;
    }
    try {
      if (handle === 'stdout') {
        this.#stdout(data);
        return true;
      }
      const written = writeSync(handle, data, null, 'latin1');
      if (written !== data.length) this.#logger.log(6, `${written} bytes of '${text}' written to '${file}'`);
      return true;
    } catch (error) {
      this.#logger.log(6, `Error when writing event '${text}' to '${file}' (${errorText(error)})`);
      return false;
    }
  }

  #drop(file: string, handle: Handle): void {
    this.#handles.delete(file);
    if (handle === 'stdout') return;
    try {
      closeSync(handle);
    } catch {
      // Already unusable; SEC drops the handle the same way.
    }
  }
}
