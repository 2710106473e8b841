import type { DiagCode } from '../registry.js';
import { splitWords, type Word } from './perl-text.js';
import { type ActionSpec, type ArgShape, usageOf } from './spec.js';

const RULE_OFFSET = /^[+-]?[0-9]+$/;

/**
 * SEC reports every action its pattern does not match as "Invalid action '...'". This says which
 * argument is at fault instead, from the action's argument shapes: a missing one (at the
 * keyword), an extra one (at that word), a rule offset or pipe quote that is malformed (at that
 * word), or, failing all these, the usage (at the keyword).
 */
export function diagnoseMismatch(spec: ActionSpec, raw: string, offset: number): [DiagCode, string, number] {
  const words = splitWords(raw, offset).slice(1);
  const usage = usageOf(spec);
  const missing = firstMissing(spec.args, words.length);
  if (missing !== undefined) {
    return ['SYS0304', `action '${spec.keyword}' needs ${missing.name} (usage: ${usage})`, offset];
  }
  const quoted = spec.args.findIndex((a) => a.kind === 'quoted');
  if (quoted >= 0 && !isQuoted(raw, words[quoted], offset)) {
    const at = words[quoted]?.offset ?? offset;
    return ['SYS0311', `action '${spec.keyword}' needs its string in single quotes (usage: ${usage})`, at];
  }
  const open = spec.args.some((a) => a.kind === 'rest' || a.kind === 'quoted');
  const extra = words[spec.args.length];
  if (!open && extra !== undefined) {
    return [
      'SYS0305',
      `too many arguments for action '${spec.keyword}': '${extra.text}' (usage: ${usage})`,
      extra.offset,
    ];
  }
  const bad = badOffset(spec.args, words);
  if (bad !== undefined) {
    const message = `rule offset of action '${spec.keyword}' must be 0, K, +K or -K, not '${bad.text}'`;
    return ['SYS0310', message, bad.offset];
  }
  return ['SYS0312', `malformed action '${spec.keyword}' (usage: ${usage})`, offset];
}

/** The first required argument that has no word left for it. */
function firstMissing(args: readonly ArgShape[], given: number): ArgShape | undefined {
  return args.find((a, i) => i >= given && a.optional !== true);
}

/** True when the text from `word` on starts with a complete `'...'` (a quote cannot be escaped). */
function isQuoted(raw: string, word: Word | undefined, offset: number): boolean {
  if (word === undefined) return false;
  const at = word.offset - offset;
  return raw[at] === "'" && raw.indexOf("'", at + 1) > at;
}

function badOffset(args: readonly ArgShape[], words: readonly Word[]): Word | undefined {
  for (let i = 0; i < args.length; i++) {
    const w = words[i];
    if (args[i]?.kind === 'offset' && w !== undefined && !RULE_OFFSET.test(w.text)) return w;
  }
  return undefined;
}
