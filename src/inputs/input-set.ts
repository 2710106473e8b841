import { spawn } from 'node:child_process';
import type { Logger } from '../actions/ports.js';
import { byteOrder, parseAddinputOffset, wantedInputs } from './input-list.js';
import { closeInput, type InputState, newInputState } from './input-state.js';
import { inputExists, type OpenEnv, openInputFile, type StartOffset } from './open-input.js';
import { type PollEnv, pollInput } from './poll.js';
import { StdinSource } from './stdin.js';
import type { InputHandle, InputLine, InputSetOptions, InputSetSpec, InputSnapshot } from './types.js';

/** A line read ahead by a poll and not yet taken by the engine (SEC's @readbuffer). */
interface ReadAhead {
  readonly line: string;
  readonly source: string;
}

/** What a restart changes (SIGHUP, SIGABRT; sec-features 7). */
export interface ReopenOptions {
  /** SIGHUP forgets the dynamic inputs (ACT-addinput); SIGABRT keeps them. */
  readonly forgetDynamic?: boolean;
  /** The `--input` patterns re-read with the options, when they changed. */
  readonly specs?: readonly InputSetSpec[];
}

/**
 * SEC's file and stdin inputs (sec-features 6): the inputs in sorted name order, each with its
 * status, and the read-ahead buffer of one poll. A deterministic state machine: every method
 * takes `now` (integer seconds) and nothing waits; standard input arrives asynchronously into a
 * queue that polls read like a pipe.
 */
export class InputSet {
  #specs: readonly InputSetSpec[];
  #tail: boolean;
  #fromstart: boolean;
  #expand: (pattern: string) => string[];
  #logger: Logger;
  #env: PollEnv & OpenEnv;
  #stdin: StdinSource;
  #states = new Map<string, InputState>();
  #order: string[] = [];
  #dynamic = new Map<string, string>();
  #readahead: ReadAhead[] = [];
  #sawData = false;

  constructor(specs: readonly InputSetSpec[], opts: InputSetOptions) {
    this.#specs = specs;
    this.#tail = opts.tail;
    this.#fromstart = opts.fromstart;
    this.#expand = opts.expand;
    this.#logger = opts.logger;
    const blocksize = Math.max(1, Math.floor(opts.blocksize));
    this.#stdin = new StdinSource(opts.stdin ?? { fd: 0 }, blocksize, opts.logger);
    const stdin = this.#stdin;
    const runScript = opts.runTimeoutScript ?? ((argv: string[]) => spawnScript(argv, opts.logger));
    this.#env = {
      tail: opts.tail,
      blocksize,
      checkTimeout: opts.checkTimeout,
      // SEC OPT-input-timeout: without --timeout-script the timeout is reset to 0.
      inputTimeout: opts.timeoutScript === null ? 0 : opts.inputTimeout,
      timeoutScript: opts.timeoutScript,
      reopenTimeout: opts.reopenTimeout,
      cwd: opts.cwd,
      rwfifo: opts.rwfifo,
      logger: opts.logger,
      open: (name: string, fpos: StartOffset): InputHandle | null => openInputFile(name, fpos, this.#env),
      openStdin: (fpos: StartOffset): InputHandle | null => stdin.open(fpos),
      runTimeoutScript: runScript,
    };
  }

  /** OPT-startup-order: --fromstart or --notail read from offset 0, --tail from EOF. */
  open(now: number): void {
    this.#openInputs(this.#fromstart || !this.#tail ? 0 : -1, false, now);
  }

  /**
   * IN-loop step 2: the next line from the read-ahead buffer, else poll every input once (one
   * line per input, sorted name order: IN-roundrobin) and return the first; null when nothing is
   * available now.
   */
  next(now: number): InputLine | null {
    this.#sawData = false;
    if (this.#readahead.length === 0) this.#poll(now);
    const item = this.#readahead.shift();
    if (item === undefined) return null;
    const state = this.#states.get(item.source);
    if (state !== undefined) state.lines += 1;
    return { line: item.line, source: item.source, context: state?.context ?? null };
  }

  /** IN-notail-exit: under --notail, every input is closed and no read-ahead line is left. */
  get exhausted(): boolean {
    if (this.#tail || this.#readahead.length > 0) return false;
    for (const state of this.#states.values()) if (state.handle !== null) return false;
    return true;
  }

  /** Did the last next() poll read any new bytes (IN-loop step 4: no sleep when it did)? */
  get sawData(): boolean {
    return this.#sawData;
  }

  /** The input names in poll order. */
  get names(): readonly string[] {
    return this.#order;
  }

  /** ACT-addinput: position `-` (EOF) or a byte offset; the file becomes a dynamic input. */
  addinput(file: string, position: string, context: string, now: number): void {
    this.#logger.log(
      6,
      `Adding dynamic input file '${file}' with context '${context}' to the list of inputs`,
    );
    if (this.#dynamic.has(file)) {
      this.#logger.log(3, `Dynamic input file '${file}' already exists in the list of inputs, can't add`);
      return;
    }
    if (this.#states.has(file)) {
      this.#logger.log(3, `Input file '${file}' already exists in the list of inputs, can't add`);
      return;
    }
    const fpos = parseAddinputOffset(position);
    if (fpos === null) {
      this.#logger.log(3, `Invalid file offset '${position}' specified for input file '${file}'`);
      return;
    }
    const where = fpos === -1 ? 'seeking EOF' : `seeking offset '${fpos}'`;
    this.#logger.log(6, `Opening input file '${file}' and ${where}`);
    this.#states.set(file, this.#newState(file, context, fpos, now));
    this.#dynamic.set(file, context);
    this.#order = [...this.#states.keys()].sort(byteOrder);
  }

  /** ACT-dropinput: closes a dynamic input and discards its read-ahead lines. */
  dropinput(file: string): void {
    this.#logger.log(6, `Dropping dynamic input file '${file}' from the list of inputs`);
    if (!this.#dynamic.has(file)) {
      this.#logger.log(3, `Dynamic input file '${file}' not found, can't drop`);
      return;
    }
    this.#dynamic.delete(file);
    const state = this.#states.get(file);
    if (state !== undefined) closeInput(state);
    this.#states.delete(file);
    this.#order = this.#order.filter((name) => name !== file);
    this.#readahead = this.#readahead.filter((item) => item.source !== file);
  }

  /**
   * SIGHUP (`forgetDynamic`, keepOpen false) and SIGABRT (keepOpen = --keepopen): the patterns
   * are globbed again and the inputs re-opened at EOF. With keepOpen an input that is open keeps
   * its status and offset; without it every input is closed and re-opened and the read-ahead
   * lines are dropped.
   */
  reopenAll(now: number, keepOpen: boolean, options: ReopenOptions = {}): void {
    if (options.forgetDynamic === true) this.#dynamic.clear();
    if (options.specs !== undefined) this.#specs = options.specs;
    this.#openInputs(-1, keepOpen, now);
  }

  /** Every input in poll order, for the dump (SEC's "Input sources"). */
  snapshot(): readonly InputSnapshot[] {
    return this.#order.flatMap((name) => {
      const state = this.#states.get(name);
      return state === undefined ? [] : [this.#snapshotOf(state)];
    });
  }

  /** Closes every input and stops listening to standard input. */
  close(): void {
    this.#closeInputs();
    this.#stdin.close();
  }

  // Standard input's queue survives: it stands for the pipe, which a re-open does not drain.
  #closeInputs(): void {
    for (const state of this.#states.values()) closeInput(state);
    this.#states.clear();
    this.#order = [];
    this.#readahead = [];
  }

  // SEC read_line: one line per input in sorted name order into the read-ahead buffer.
  #poll(now: number): void {
    for (const name of this.#order) {
      const state = this.#states.get(name);
      if (state === undefined) continue;
      const { line, newBytes } = pollInput(state, this.#env, now);
      if (newBytes) this.#sawData = true;
      if (line !== null) this.#readahead.push({ line, source: name });
    }
  }

  // SEC open_input: the second half, after wantedInputs(); `soft` is --keepopen on SIGABRT.
  #openInputs(fpos: StartOffset, soft: boolean, now: number): void {
    if (!soft) this.#closeInputs();
    const wanted = wantedInputs(this.#specs, this.#expand, this.#dynamic, this.#logger);
    const names = [...wanted.keys()].sort(byteOrder);
    for (const name of names) {
      const context = wanted.get(name) ?? null;
      this.#logger.log(4, `Opening input file ${name}`);
      const old = this.#states.get(name);
      if (soft && old !== undefined && old.handle !== null) {
        this.#logger.log(6, `Input file ${name} already open`);
        old.context = context;
        continue;
      }
      if (old !== undefined) closeInput(old);
      this.#states.set(name, this.#newState(name, context, fpos, now));
    }
    if (soft) this.#forgetUnwanted(wanted);
    this.#order = names;
  }

  #forgetUnwanted(wanted: ReadonlyMap<string, string | null>): void {
    for (const [name, state] of this.#states) {
      if (wanted.has(name)) continue;
      closeInput(state);
      this.#states.delete(name);
    }
    this.#readahead = this.#readahead.filter((item) => wanted.has(item.source));
  }

  // A file missing when it is added is read from the start once it appears (OPT-reopen-timeout).
  #newState(name: string, context: string | null, fpos: StartOffset, now: number): InputState {
    const handle = openInputFile(name, fpos, this.#env);
    const missing = handle === null && !inputExists(name, this.#env.cwd);
    return newInputState(name, context, handle, now, missing);
  }

  #snapshotOf(state: InputState): InputSnapshot {
    const handle = state.handle;
    const base = { name: state.name, lines: state.lines, context: state.context };
    const dynamic = this.#dynamic.has(state.name);
    if (handle === null) {
      return { ...base, dynamic, open: false, type: null, offset: null, size: null, dev: null, inode: null };
    }
    return {
      ...base,
      dynamic,
      open: true,
      type: handle.type,
      offset: handle.position(),
      size: handle.size(),
      dev: handle.dev === null ? '-' : String(handle.dev),
      inode: handle.ino === null ? '-' : String(handle.ino),
    };
  }
}

/** The default OPT-timeout-script runner: no shell, output inherited, a failure logged. */
function spawnScript(argv: string[], logger: Logger): void {
  const [program, ...args] = argv;
  if (program === undefined) return;
  const child = spawn(program, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('error', (error) =>
    logger.log(2, `Could not execute command '${argv.join(' ')}' (${error.message})`),
  );
}
