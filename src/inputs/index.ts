export { FifoHandle } from './fifo-input.js';
export { RegularFileHandle } from './file-input.js';
export { byteOrder, parseAddinputOffset, wantedInputs } from './input-list.js';
export { InputSet, type ReopenOptions } from './input-set.js';
export { type OpenEnv, openInputFile, type StartOffset, startPosition } from './open-input.js';
export { type PollEnv, type PollResult, pollInput, readLineFrom } from './poll.js';
export { checkShuffled, type Shuffle, type ShuffleFacts, shuffleOf } from './rotation.js';
export { StdinSource } from './stdin.js';
export { ByteQueue, StreamHandle } from './stream-input.js';
export type {
  InputHandle,
  InputLine,
  InputSetOptions,
  InputSetSpec,
  InputSnapshot,
  ReadOutcome,
} from './types.js';
