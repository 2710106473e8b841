import type { Action } from './ast.js';
import type { PartReader } from './reader.js';

/**
 * How one argument of an action looks, for usage texts and for saying what is wrong when SEC's
 * pattern for the action does not match:
 * - `word`: one `\S+` token (AL-tokens);
 * - `rest`: everything up to the end of the action (a string or a command line);
 * - `offset`: a rule offset `0`, `K`, `+K` or `-K` (ACT-reset);
 * - `quoted`: the single-quoted string of pipe/pipeexec.
 */
export type ArgKind = 'word' | 'rest' | 'offset' | 'quoted';

export interface ArgShape {
  readonly name: string;
  readonly kind: ArgKind;
  readonly optional?: boolean;
}

/** One action keyword: its argument shapes and its parser. */
export interface ActionSpec {
  /** Lower-case keyword (SEC matches it case-insensitively). */
  readonly keyword: string;
  readonly args: readonly ArgShape[];
  /** Parses one action; returns null after reporting its problems through the reader. */
  readonly parse: (reader: PartReader) => Action | null;
}

export function word(name: string, optional = false): ArgShape {
  return { name, kind: 'word', optional };
}

export function rest(name: string, optional = false): ArgShape {
  return { name, kind: 'rest', optional };
}

/** `write FILE [STRING]`: the form shown in problem messages. */
export function usageOf(spec: ActionSpec): string {
  const shown = spec.args.map((a) => {
    const name = a.kind === 'quoted' ? `'${a.name}'` : a.name;
    return a.optional === true ? `[${name}]` : name;
  });
  return [spec.keyword, ...shown].join(' ');
}
