/**
 * A small Dockerfile reader for the deploy tests: instructions with their line numbers, line
 * continuations, comments, parser directives, and the pieces the tests look into (stages, flags,
 * exec-form arrays, KEY=VALUE lists). Heredocs (`<<EOF`) are not supported and are reported,
 * so a Dockerfile that starts using them fails the tests instead of being misread.
 */

export interface Instruction {
  /** Upper-cased keyword: FROM, RUN, COPY ... */
  readonly keyword: string;
  /** Everything after the keyword, continuation lines joined with one space. */
  readonly args: string;
  /** 1-based line of the keyword. */
  readonly line: number;
}

export interface Stage {
  readonly image: string;
  readonly name: string | null;
  readonly instructions: readonly Instruction[];
}

export interface Dockerfile {
  readonly directives: ReadonlyMap<string, string>;
  /** Instructions before the first FROM (ARG only, in a valid file). */
  readonly preamble: readonly Instruction[];
  readonly stages: readonly Stage[];
}

const DIRECTIVE = /^#\s*([a-zA-Z]+)\s*=\s*(.*?)\s*$/;

/** Parser directives are `# key=value` lines at the very top, before any other line. */
function readDirectives(lines: readonly string[]): { directives: Map<string, string>; start: number } {
  const directives = new Map<string, string>();
  let i = 0;
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i] ?? '');
    if (m === null) break;
    directives.set((m[1] ?? '').toLowerCase(), m[2] ?? '');
  }
  return { directives, start: i };
}

/** Joins continuation lines; comment lines inside a continuation are dropped, as Docker does. */
function logicalLines(lines: readonly string[], start: number, escapeChar: string): Instruction[] {
  const out: Instruction[] = [];
  let parts: string[] = [];
  let first = 0;
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const trimmed = raw.trim();
    // Comment and empty lines vanish, also inside a continuation (Docker's behaviour).
    if (trimmed.startsWith('#') || trimmed === '') continue;
    if (parts.length === 0) first = i + 1;
    const continued = trimmed.endsWith(escapeChar);
    parts.push(continued ? trimmed.slice(0, -escapeChar.length).trim() : trimmed);
    if (continued) continue;
    out.push(toInstruction(parts.filter((p) => p !== '').join(' '), first));
    parts = [];
  }
  if (parts.length > 0) throw new Error(`line ${first}: the last instruction ends with a continuation`);
  return out;
}

function toInstruction(text: string, line: number): Instruction {
  const m = /^([A-Za-z]+)\s*(.*)$/.exec(text);
  if (m === null) throw new Error(`line ${line}: not an instruction: ${text}`);
  const args = m[2] ?? '';
  if (/<<-?["']?[A-Za-z_]/.test(args)) throw new Error(`line ${line}: heredocs are not supported here`);
  return { keyword: (m[1] ?? '').toUpperCase(), args, line };
}

export function parseDockerfile(text: string): Dockerfile {
  const lines = text.split(/\r?\n/);
  const { directives, start } = readDirectives(lines);
  const escapeChar = directives.get('escape') ?? '\\';
  const preamble: Instruction[] = [];
  const stages: { image: string; name: string | null; instructions: Instruction[] }[] = [];
  for (const ins of logicalLines(lines, start, escapeChar)) {
    if (ins.keyword === 'FROM') {
      const { rest } = splitFlags(ins.args);
      const m = /^(\S+)(?:\s+AS\s+(\S+))?\s*$/i.exec(rest);
      if (m === null) throw new Error(`line ${ins.line}: bad FROM: ${ins.args}`);
      stages.push({ image: m[1] ?? '', name: m[2] ?? null, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (stage === undefined) preamble.push(ins);
    else stage.instructions.push(ins);
  }
  return { directives, preamble, stages };
}

/** Leading `--flag=value` / `--flag` options of COPY, RUN, FROM, HEALTHCHECK ... */
export function splitFlags(args: string): { flags: Map<string, string>; rest: string } {
  const flags = new Map<string, string>();
  let rest = args.trimStart();
  for (;;) {
    const m = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest);
    if (m === null) break;
    flags.set(m[1] ?? '', m[2] ?? '');
    rest = rest.slice(m[0].length);
  }
  return { flags, rest };
}

/** The JSON array of an exec-form CMD/ENTRYPOINT/HEALTHCHECK CMD, or null for shell form. */
export function execForm(args: string): string[] | null {
  const text = args.trim();
  if (!text.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  } catch {
    // Docker runs a malformed array in shell form; the tests treat that as "not exec form".
  }
  return null;
}

/** Shell-like words: double and single quotes, backslash escapes. */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote !== null) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote !== null) throw new Error(`unterminated quote in: ${text}`);
  if (inWord) words.push(word);
  return words;
}

/** LABEL / ENV / ARG `key=value` pairs (ARG without a default maps to ''). */
export function keyValues(args: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of shellWords(args)) {
    const eq = word.indexOf('=');
    if (eq < 0) out.set(word, '');
    else out.set(word.slice(0, eq), word.slice(eq + 1));
  }
  return out;
}

/** The instructions of a stage with this keyword. */
export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => i.keyword === keyword);
}

/** The value a stage ends up with for a single-valued instruction (the last one wins). */
export function lastOf(stage: Stage, keyword: string): Instruction | undefined {
  return instructionsOf(stage, keyword).at(-1);
}
