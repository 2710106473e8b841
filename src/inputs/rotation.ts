import { type BigIntStats, statSync } from 'node:fs';
import type { Logger } from '../actions/ports.js';
import { inputPath } from './open-input.js';
import type { InputHandle } from './types.js';

/** What became of an input file since it was opened (IN-rotation). */
export type Shuffle = 'intact' | 'recreated' | 'truncated';

/** The facts the rotation check compares: the open handle against a stat of the name. */
export interface ShuffleFacts {
  readonly handle: { readonly type: 'regular' | 'pipe'; readonly dev: bigint; readonly ino: bigint };
  /** The handle's read offset (regular files only). */
  readonly offset: number | null;
  /** stat() of the file name now; null when it fails (removed and not recreated yet). */
  readonly path: { readonly dev: bigint; readonly ino: bigint; readonly size: bigint } | null;
}

/**
 * SEC input_shuffled as a pure decision. A removed file is intact (its old handle is kept until
 * the name comes back); another device or inode at the name is a recreated file; a regular file
 * smaller than the read offset was truncated.
 */
export function shuffleOf(facts: ShuffleFacts): Shuffle {
  const { handle, offset, path } = facts;
  if (path === null) return 'intact';
  if (handle.dev !== path.dev || handle.ino !== path.ino) return 'recreated';
  if (handle.type === 'regular' && offset !== null && BigInt(offset) > path.size) return 'truncated';
  return 'intact';
}

function statName(path: string): BigIntStats | null {
  try {
    return statSync(path, { bigint: true });
  } catch {
    return null;
  }
}

/**
 * SEC input_shuffled on a live input, called only after a poll that found no new bytes in tail
 * mode. Standard input is never checked. For a recreated regular file the rest of the old file is
 * returned, to be appended to the input's line buffer before it is re-opened from the start.
 */
export function checkShuffled(
  name: string,
  handle: InputHandle,
  cwd: string,
  logger: Logger,
): { shuffle: Shuffle; rest: string } {
  if (name === '-' || handle.dev === null || handle.ino === null) return { shuffle: 'intact', rest: '' };
  const st = statName(inputPath(name, cwd));
  const shuffle = shuffleOf({
    handle: { type: handle.type, dev: handle.dev, ino: handle.ino },
    offset: handle.position(),
    path: st === null ? null : { dev: st.dev, ino: st.ino, size: st.size },
  });
  if (shuffle === 'recreated') {
    const rest = handle.readRest();
    logger.log(4, `Input file ${name} has been recreated`);
    return { shuffle, rest };
  }
  if (shuffle === 'truncated') logger.log(4, `Input file ${name} has been truncated`);
  return { shuffle, rest: '' };
}
