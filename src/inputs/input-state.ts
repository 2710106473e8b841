import type { InputHandle } from './types.js';

/**
 * The status SEC keeps for one input (%inputsrc). The line buffer belongs to the input, not to
 * the handle: it survives a re-open, so the tail of a rotated file is still delivered (IN-rotation).
 */
export interface InputState {
  readonly name: string;
  context: string | null;
  /** null = closed. */
  handle: InputHandle | null;
  /** Bytes read and not yet returned as lines, latin1 (one char per byte). */
  buffer: string;
  /** The timeout script ran with `1` and waits for data to run with `0` (OPT-input-timeout). */
  scriptexec: boolean;
  /** Not polled before this time (OPT-check-timeout). */
  checktime: number;
  /** Last open attempt (OPT-reopen-timeout). */
  lastopen: number;
  /** Last time a line came (OPT-input-timeout). */
  lastread: number;
  /** Lines the engine took from this input. */
  lines: number;
  /** The file did not exist when it was added: read it from the start once it appears. */
  readFromStart: boolean;
}

export function newInputState(
  name: string,
  context: string | null,
  handle: InputHandle | null,
  now: number,
  readFromStart: boolean,
): InputState {
  return {
    name,
    context,
    handle,
    buffer: '',
    scriptexec: false,
    checktime: 0,
    lastopen: now,
    lastread: now,
    lines: 0,
    readFromStart,
  };
}

/** Closes the input's handle, if open. The line buffer is kept. */
export function closeInput(state: InputState): void {
  state.handle?.close();
  state.handle = null;
}

/** SEC IN-lines: cuts the first complete line (split on `\n` only; a `\r` stays) off the buffer. */
export function cutLine(state: InputState): string | null {
  const pos = state.buffer.indexOf('\n');
  if (pos === -1) return null;
  const line = state.buffer.slice(0, pos);
  state.buffer = state.buffer.slice(pos + 1);
  return line;
}
