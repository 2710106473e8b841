import { type Node, type ParsedRegex, seq } from './ast.js';
import { ByteSet } from './byte-set.js';
import { parseBracketClass } from './char-class.js';
import { NOT_NEWLINE } from './char-sets.js';
import { parseAtomEscape } from './escape.js';
import { type GroupOpen, parseGroupOpen } from './group.js';
import { charNode } from './literal.js';
import { quantifierAhead, readQuantifier } from './quantifier.js';
import { ParseState } from './state.js';
import { MAX_LOOKBEHIND, maxWidth } from './width.js';

/**
 * The pattern as Perl reads it: under /d, \p, \N{..} or a code point above 0xFF anywhere switch
 * the whole pattern to Unicode rules (perlre), which changes \w \s \b, POSIX classes and /i on
 * Latin-1 bytes, so such a pattern is read a second time under them. The compiler and the rule
 * prefilter both read patterns through here: the prefilter must see the tree that is matched.
 * Throws RegexProblem as parseRegex does.
 */
export function parsePerlRegex(src: string): ParsedRegex {
  const parsed = parseRegex(src, false);
  return parsed.unicodeTrigger ? parseRegex(src, true) : parsed;
}

/**
 * Parses a Perl pattern as Perl 5.36 compiles `qr/$pat/` (SEC PT-regexp). Throws RegexProblem on
 * a pattern Perl rejects or one that cannot be translated. `unicodeRules`: treat /d as /u (set on
 * the second pass when the first one found \p, \N{..} or a code point above 0xFF).
 */
function parseRegex(src: string, unicodeRules: boolean): ParsedRegex {
  const st = new ParseState(src, unicodeRules);
  const root = parseAlternation(st);
  if (!st.eof) st.fail('SYS0501', "unmatched ')'", st.pos);
  for (const { ref, offset } of st.refs) {
    if (typeof ref === 'number' && ref > st.groupCount) {
      st.fail('SYS0503', `reference to nonexistent group ${ref}`, offset);
    }
    if (typeof ref === 'string' && !st.names.has(ref)) {
      st.fail('SYS0503', `reference to nonexistent named group '${ref}'`, offset);
    }
  }
  return {
    root,
    groupCount: st.groupCount,
    names: st.names,
    unicodeTrigger: st.unicodeTrigger,
    warnings: st.warnings,
  };
}

function parseAlternation(st: ParseState): Node {
  const branches = [parseSequence(st)];
  while (st.eat('|')) branches.push(parseSequence(st));
  return branches.length === 1 ? (branches[0] as Node) : { kind: 'alt', branches };
}

function parseSequence(st: ParseState): Node {
  const items: Node[] = [];
  for (;;) {
    st.skipIgnorable();
    const c = st.peek();
    if (c === '' || c === '|' || c === ')') break;
    const start = st.pos;
    const atom = parseAtom(st);
    if (atom === null) {
      // After (?i) a `{` starts a literal, like at the start of a pattern; `*+?` are errors.
      st.skipIgnorable();
      if ('*+?'.includes(st.peek()) && !st.eof) st.fail('SYS0502', 'quantifier follows nothing', st.pos);
      continue;
    }
    items.push(parseQuantified(st, atom, start));
  }
  return seq(items);
}

function parseAtom(st: ParseState): Node | null {
  const c = st.peek();
  switch (c) {
    case '(':
      return parseGroup(st);
    case '[':
      return parseBracketClass(st);
    case '.':
      st.pos++;
      // SEC HP-re-dot: Perl's . excludes only \n (JS's also excludes \r, which CRLF lines end in).
      return { kind: 'set', set: st.flags.s ? ByteSet.full() : NOT_NEWLINE, ci: false };
    case '^':
      st.pos++;
      return { kind: 'assert', what: st.flags.m ? 'lineStart' : 'start', word: null };
    case '$':
      st.pos++;
      return { kind: 'assert', what: st.flags.m ? 'lineEnd' : 'endNl', word: null };
    case '\\':
      return parseAtomEscape(st);
    case '*':
    case '+':
    case '?':
      return st.fail('SYS0502', 'quantifier follows nothing', st.pos);
    default:
      st.pos++;
      return charNode(st, c.charCodeAt(0));
  }
}

function parseGroup(st: ParseState): Node | null {
  const open = st.pos;
  const opened = parseGroupOpen(st);
  if (opened.kind === 'done') {
    if (opened.flags !== undefined) st.flags = opened.flags; // (?i): to the end of the enclosing group
    return opened.node;
  }
  const index = opened.kind === 'capture' ? ++st.groupCount : null;
  if (opened.kind === 'capture' && opened.name !== null && index !== null) {
    const list = st.names.get(opened.name);
    if (list === undefined) st.names.set(opened.name, [index]);
    else list.push(index);
  }
  const saved = st.flags;
  if (opened.kind === 'plain' && opened.flags !== null) st.flags = opened.flags;
  if (opened.kind === 'look') st.lookDepth++;
  const body = parseAlternation(st);
  if (!st.eat(')')) st.fail('SYS0501', "unmatched '('", open);
  st.flags = saved;
  if (opened.kind === 'look') st.lookDepth--;
  return groupNode(st, opened, index, body, open);
}

function groupNode(st: ParseState, opened: GroupOpen, index: number | null, body: Node, open: number): Node {
  switch (opened.kind) {
    case 'capture':
      return { kind: 'group', index, body };
    case 'atomic':
      return { kind: 'atomic', body };
    case 'look':
      if (opened.behind && maxWidth(body) > MAX_LOOKBEHIND) {
        st.fail('SYS0507', `lookbehind longer than ${MAX_LOOKBEHIND} characters (or unbounded)`, open);
      }
      return { kind: 'look', behind: opened.behind, negate: opened.negate, body };
    default:
      return { kind: 'group', index: null, body };
  }
}

/** Applies the quantifiers that follow an atom; `start` is the atom's offset. */
function parseQuantified(st: ParseState, atom: Node, start: number): Node {
  st.skipIgnorable();
  const q = readQuantifier(st);
  if (q === null) {
    // Perl 5.30+: a literal { right after a one-letter escape such as \d is an error.
    if (st.peek() === '{' && st.pos === start + 2 && /^\\[A-Za-z]$/.test(st.src.slice(start, start + 2))) {
      st.fail('SYS0506', "unescaped left brace in regex is illegal here; write '\\{'", st.pos);
    }
    return atom;
  }
  st.skipIgnorable();
  const lazy = st.eat('?');
  const possessive = !lazy && st.eat('+');
  st.skipIgnorable();
  if (quantifierAhead(st)) st.fail('SYS0502', 'nested quantifiers', st.pos);
  return { kind: 'quant', body: atom, min: q.min, max: q.max, lazy, possessive };
}
