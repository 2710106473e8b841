import type { Logger } from '../actions/ports.js';
import { closeInput, cutLine, type InputState } from './input-state.js';
import type { StartOffset } from './open-input.js';
import { checkShuffled } from './rotation.js';
import type { InputHandle } from './types.js';

/** What one poll of one input needs (the options of sec-features 5 and the openers). */
export interface PollEnv {
  readonly tail: boolean;
  readonly blocksize: number;
  readonly checkTimeout: number;
  readonly inputTimeout: number;
  readonly timeoutScript: string | null;
  readonly reopenTimeout: number;
  readonly cwd: string;
  readonly logger: Logger;
  open(name: string, fpos: StartOffset): InputHandle | null;
  runTimeoutScript(argv: string[]): void;
}

/** The result of polling one input once: at most one line, and whether any new bytes came. */
export interface PollResult {
  readonly line: string | null;
  readonly newBytes: boolean;
}

const SKIPPED: PollResult = { line: null, newBytes: false };

/**
 * SEC read_line_from_file: a buffered line first; else one read of --blocksize bytes and the
 * first line it completes. A partial line waits for its newline, except at the EOF that closes
 * the input (notail, or a pipe without writers), which delivers it (IN-lines, OPT-tail).
 */
export function readLineFrom(
  state: InputState,
  handle: InputHandle,
  env: PollEnv,
  now: number,
): string | null {
  const buffered = cutLine(state);
  if (buffered !== null) return buffered;
  const outcome = handle.read(env.blocksize);
  if (outcome.kind === 'data') state.buffer += outcome.text;
  else if (outcome.kind === 'error') {
    const what = handle.type === 'regular' ? 'file' : 'pipe';
    env.logger.log(2, `Input ${what} ${state.name} IO error (${outcome.message}), closing the ${what}`);
    closeInput(state);
    return null;
  } else if (outcome.kind === 'eof') return atEof(state, handle, env, now);
  return cutLine(state);
}

/** EOF: a regular file waits under --tail; a pipe is closed and, a FIFO under --tail, re-opened (IN-fifo). */
function atEof(state: InputState, handle: InputHandle, env: PollEnv, now: number): string | null {
  if (handle.type === 'regular') {
    if (env.tail) return null;
    closeInput(state);
  } else {
    env.logger.log(6, `No writers on input pipe ${state.name}, closing the pipe`);
    closeInput(state);
    if (env.tail && state.name !== '-') {
      env.logger.log(6, `Reopening input pipe ${state.name}`);
      state.handle = env.open(state.name, -1);
      if (env.reopenTimeout > 0) state.lastopen = now;
    }
  }
  const rest = state.buffer;
  state.buffer = '';
  return rest.length > 0 ? rest : null;
}

/**
 * SEC read_line, the body of its loop over the inputs: poll one input once. A closed input counts
 * as an open one without new data. After a poll without new bytes: the check timer
 * (OPT-check-timeout), the input timeout (OPT-input-timeout), and under --tail the rotation check
 * (IN-rotation) and the re-open of a closed input (OPT-reopen-timeout).
 */
export function pollInput(state: InputState, env: PollEnv, now: number): PollResult {
  if (env.checkTimeout > 0 && now < state.checktime) return SKIPPED;
  const before = state.buffer.length;
  const line = state.handle === null ? null : readLineFrom(state, state.handle, env, now);
  if (line !== null) {
    if (env.inputTimeout > 0) state.lastread = now;
    if (state.scriptexec) runScript(state, env, '0');
    return { line, newBytes: true };
  }
  if (state.buffer.length > before) return { line: null, newBytes: true };
  if (env.checkTimeout > 0) state.checktime = now + env.checkTimeout;
  if (env.inputTimeout > 0 && !state.scriptexec && now - state.lastread >= env.inputTimeout) {
    runScript(state, env, '1');
  }
  if (!env.tail) return SKIPPED;
  if (state.handle !== null) reopenIfShuffled(state, state.handle, env, now);
  if (env.reopenTimeout > 0 && state.handle === null && now - state.lastopen >= env.reopenTimeout) {
    reopenClosed(state, env, now);
  }
  return SKIPPED;
}

// SEC OPT-input-timeout: the script runs without a shell, `1 FILE` when input stops, `0 FILE` when it resumes.
function runScript(state: InputState, env: PollEnv, flag: '0' | '1'): void {
  const script = env.timeoutScript;
  if (script === null) return;
  const why = flag === '1' ? 'No input' : 'Input received';
  env.logger.log(5, `${why}, executing script ${script} ${flag} ${state.name}`);
  env.runTimeoutScript([script, flag, state.name]);
  state.scriptexec = flag === '1';
}

// SEC IN-rotation: a recreated or truncated file is re-opened from the start.
function reopenIfShuffled(state: InputState, handle: InputHandle, env: PollEnv, now: number): void {
  const { shuffle, rest } = checkShuffled(state.name, handle, env.cwd, env.logger);
  if (shuffle === 'intact') return;
  state.buffer += rest;
  env.logger.log(4, `Reopening ${state.name} and processing from the start`);
  closeInput(state);
  state.handle = env.open(state.name, 0);
  if (env.reopenTimeout > 0) state.lastopen = now;
}

// SEC OPT-reopen-timeout: a file missing at start-up is read from its start once it appears;
// any other closed input is re-opened at EOF.
function reopenClosed(state: InputState, env: PollEnv, now: number): void {
  env.logger.log(6, `Attempting to (re)open ${state.name}`);
  if (state.readFromStart) {
    state.handle = env.open(state.name, 0);
    if (state.handle !== null) state.readFromStart = false;
  } else {
    state.handle = env.open(state.name, -1);
  }
  state.lastopen = now;
}
