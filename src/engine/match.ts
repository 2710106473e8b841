import type { Pattern, VarMapItem } from '../config/rules/types.js';
import type { MatchValues } from '../config/template/index.js';
import type { InputBuffers } from './buffers.js';
import type { EngineEvent } from './event.js';

/** Per-event match cache (MC-life): cleared before every event, shared by every rule and file. */
export type MatchCache = Map<string, MatchValues>;

export interface MatchInput {
  readonly buffers: InputBuffers;
  readonly cache: MatchCache;
  /** `$+{_intcontext}`: the current internal context name, or undefined (VAR-intcontext). */
  readonly intContext: string | undefined;
  /**
   * VAR-cache-ref: `$:{entry:var}` reads the match cache; every value set produced here carries
   * this one lookup, so substitution anywhere sees the cache without extra wrapping.
   */
  readonly lookup?: (entry: string, name: string) => string | undefined;
  /**
   * The current event, for its syslog fields, added to the named match variables; read only on a
   * match (a network event may take them out of its batch only then).
   */
  readonly event?: EngineEvent | undefined;
}

/** No match. */
export const NO_MATCH = false;
/** A match that produced no variables (SubStr, NSubStr, TValue, NCached): blocks `$` substitution (RT-desc-no-subst). */
export const NO_VARIABLES = null;

export type MatchOutcome = MatchValues | typeof NO_VARIABLES | typeof NO_MATCH;

function regexpValues(
  p: Extract<Pattern, { kind: 'RegExp' }>,
  text: string,
  input: MatchInput,
  varmap: readonly VarMapItem[],
): MatchOutcome {
  const regex = p.regex;
  if (regex === null) return NO_MATCH;
  const m = regex.exec(text);
  if (m === null) return NO_MATCH;
  // PT-regexp-nogroup: Perl's list-context match returns (1) when the regex has no groups.
  let numbered: (string | undefined)[];
  if (regex.groupCount === 0) numbered = [text, '1'];
  else {
    numbered = m.groups;
    numbered[0] = text; // exec's groups are fresh per call: $0 becomes the whole text in place
  }
  const fields = input.event?.fields;
  const named: Record<string, string | undefined> =
    fields === undefined ? { ...m.named } : { ...fields, ...m.named };
  named._inputsrc = input.buffers.inputsrc(p.lines);
  named._intcontext = input.intContext;
  const values: MatchValues = { numbered, named, cache: input.lookup };
  if (varmap.length > 0) applyVarmap(numbered, named, varmap, input.cache);
  return values;
}

/** VM-named and VM-cache: `name=N` copies $N (undef past the last group), bare names store cache entries. */
function applyVarmap(
  numbered: readonly (string | undefined)[],
  named: Record<string, string | undefined>,
  varmap: readonly VarMapItem[],
  cache: MatchCache,
): void {
  const groups = numbered.length - 1;
  const entries: string[] = [];
  for (const item of varmap) {
    if (item.index === null) entries.push(item.name);
    else named[item.name] = item.index <= groups ? numbered[item.index] : undefined;
  }
  for (const entry of entries) cache.set(entry, { numbered: [...numbered], named: { ...named } });
}

/**
 * SEC match_* functions: does the pattern match the current event (with its N-line text), and
 * which match variables does it set? The pattern is tried even when the rule's context will fail,
 * so varmap cache entries are made first (RT-match, VM-cache).
 */
export function matchPattern(p: Pattern, varmap: readonly VarMapItem[], input: MatchInput): MatchOutcome {
  switch (p.kind) {
    case 'TValue':
      return p.value ? NO_VARIABLES : NO_MATCH;
    case 'Cached': {
      const entry = input.cache.get(p.name);
      if (p.negate) return entry === undefined ? NO_VARIABLES : NO_MATCH;
      return entry === undefined
        ? NO_MATCH
        : { numbered: [...entry.numbered], named: { ...entry.named }, cache: input.lookup };
    }
    case 'SubStr': {
      const found = input.buffers.text(p.lines).includes(p.text);
      return found !== p.negate ? NO_VARIABLES : NO_MATCH;
    }
    case 'RegExp': {
      const text = input.buffers.text(p.lines);
      if (!p.negate) return regexpValues(p, text, input, varmap);
      if (p.regex === null || p.regex.test(text)) return NO_MATCH;
      return nregexpValues(p.lines, text, input);
    }
    case 'PerlFunc':
      // Rejected at load (SYS0801); never reaches the engine.
      return NO_MATCH;
  }
}

/** PT-nregexp: a matching NRegExp sets only $0, _inputsrc and _intcontext (and a syslog event's fields). */
function nregexpValues(lines: number, text: string, input: MatchInput): MatchValues {
  return {
    numbered: [text],
    named: {
      ...input.event?.fields,
      _inputsrc: input.buffers.inputsrc(lines),
      _intcontext: input.intContext,
    },
    cache: input.lookup,
  };
}

/**
 * The outcome of a negated pattern (NSubStr, NRegExp) already known to match, because the text it
 * must find is absent (the rule prefilter): what matchPattern would return, without the search.
 */
export function negatedMatch(p: Pattern, varmap: readonly VarMapItem[], input: MatchInput): MatchOutcome {
  if (p.kind === 'RegExp' && p.negate && p.regex !== null)
    return nregexpValues(p.lines, input.buffers.text(p.lines), input);
  if (p.kind === 'SubStr' && p.negate) return NO_VARIABLES;
  return matchPattern(p, varmap, input); // not a negated text pattern: no shortcut
}

/** The `$:{entry:var}` reader of a match cache: numbers are group numbers, names named values. */
export function cacheLookup(cache: MatchCache): (entry: string, name: string) => string | undefined {
  return (entry, name) => {
    const e = cache.get(entry);
    if (e === undefined) return undefined;
    return /^[0-9]+$/.test(name) ? e.numbered[Number(name)] : e.named[name];
  };
}
