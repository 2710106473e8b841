import { OPTION_FIELDS, OPTION_TABLE, type OptionSpec, type OptionValue } from './options-table.js';
import type { OptionProblem, SecOptions } from './types.js';

/** The values as parsed, before revalidation: one entry per SecOptions field, lists as string[]. */
export type RawValues = { [K in keyof SecOptions]: OptionValue };

/** One name Getopt::Long knows: every name and alias, lower-cased, plus `no`/`no-` forms. */
interface OptionName {
  readonly field: keyof SecOptions;
  readonly spec: OptionSpec;
  /** True for `--noX` / `--no-X`. */
  readonly negated: boolean;
}

// SEC OPT-syntax: Getopt::Long's default configuration (no POSIXLY_CORRECT): prefixes `--`, `-`
// and `+` (getopt_compat), permute, auto_abbrev and ignore_case on, no bundling, no pass_through.
const PREFIX = /^(--|-|\+)([\s\S]*)$/;
// Getopt::Long's number patterns; Perl's `$` also matches before a final newline.
const INTEGER = /^[-+]?_*[0-9][0-9_]*\n?$/;
const EXTENDED_INTEGER = /^(?:[-+]?_*[1-9][0-9_]*|0x_*[0-9a-f][0-9a-f_]*|0b_*[01][01_]*|0[0-7_]*)\n?$/i;
const FLOAT = /^[-+]?(?=[0-9.])[0-9_]*(?:\.[0-9_]+)?(?:[eE][-+]?[0-9_]+)?\n?$/;

function buildNames(): ReadonlyMap<string, OptionName> {
  const names = new Map<string, OptionName>();
  for (const field of OPTION_FIELDS) {
    const spec: OptionSpec = OPTION_TABLE[field];
    const hasNo = spec.kind === 'negatable' || spec.negatable === true;
    for (const name of [spec.name, ...spec.aliases].map(asciiLower)) {
      names.set(name, { field, spec, negated: false });
      if (hasNo) {
        names.set(`no${name}`, { field, spec, negated: true });
        names.set(`no-${name}`, { field, spec, negated: true });
      }
    }
  }
  return names;
}

const NAMES = buildNames();
// Perl's sort(): plain code-unit order (all names are ASCII).
const SORTED_NAMES = [...NAMES.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Perl's lc() on a byte string: only A-Z change. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

export function defaultValues(): RawValues {
  const values = {} as Record<keyof SecOptions, OptionValue>;
  for (const field of OPTION_FIELDS) {
    const dflt = OPTION_TABLE[field].default;
    values[field] = Array.isArray(dflt) ? [...dflt] : dflt;
  }
  return values;
}

type Lookup = { name: string; entry: OptionName } | { problem: OptionProblem };

/** SEC OPT-syntax: unique abbreviations; an exact name wins; aliases of one option are no clash. */
function lookup(typed: string, starter: string): Lookup {
  if (typed === '') return { problem: { code: 'SYS0701', message: `Missing option after ${starter}` } };
  const lower = asciiLower(typed);
  let hits = SORTED_NAMES.filter((n) => n.startsWith(lower));
  if (hits.length > 1 && !hits.includes(lower)) {
    const distinct = new Set(
      hits.map((h) => {
        const e = NAMES.get(h);
        return e === undefined ? h : (e.negated ? 'no' : '') + e.spec.name;
      }),
    );
    if (distinct.size > 1) {
      const message = `Option ${lower} is ambiguous (${hits.join(', ')})`;
      return { problem: { code: 'SYS0702', message } };
    }
    hits = [...distinct];
  }
  const name = hits.length === 1 && hits[0] !== undefined ? asciiLower(hits[0]) : lower;
  const entry = NAMES.get(name);
  if (entry === undefined) return { problem: { code: 'SYS0701', message: `Unknown option: ${lower}` } };
  return { name, entry };
}

function convert(
  spec: OptionSpec,
  name: string,
  arg: string,
): { value: number | string } | { problem: OptionProblem } {
  const invalid = (what: string): { problem: OptionProblem } => ({
    problem: { code: 'SYS0706', message: `Value "${arg}" invalid for option ${name} (${what})` },
  });
  const digits = arg.replace(/_/g, '');
  switch (spec.kind) {
    case 'integer':
      return INTEGER.test(arg) ? { value: Number(digits) || 0 } : invalid('number expected');
    case 'extended-integer':
      return EXTENDED_INTEGER.test(arg) ? { value: perlOct(digits) } : invalid('extended number expected');
    case 'float':
      return FLOAT.test(arg) ? { value: Number.parseFloat(digits) || 0 } : invalid('real number expected');
    default:
      return { value: arg };
  }
}

/** Getopt::Long's `=o` value: a leading 0 means Perl's oct() (0x hex, 0b binary, else octal). */
function perlOct(digits: string): number {
  if (!digits.startsWith('0')) return Number(digits) || 0;
  const lower = digits.trim().toLowerCase();
  if (lower.startsWith('0x')) return Number.parseInt(lower.slice(2), 16);
  if (lower.startsWith('0b')) return Number.parseInt(lower.slice(2), 2);
  return Number.parseInt(lower, 8);
}

/**
 * Parses argv the way SEC's GetOptions() call does. Problems carry Getopt::Long's exact stderr
 * text; a bad option is skipped and the previous value stays (OPT-syntax: last one wins). After
 * `--` the remaining arguments are ignored silently, as SEC leaves them in @ARGV.
 */
export function getopt(argv: readonly string[]): { values: RawValues; problems: OptionProblem[] } {
  const values = defaultValues();
  const problems: OptionProblem[] = [];
  const args = [...argv];
  for (let arg = args.shift(); arg !== undefined; arg = args.shift()) {
    if (arg === '--') break;
    const m = PREFIX.exec(arg);
    if (m === null || arg === '-') {
      problems.push({ code: 'SYS0703', message: `Unknown argument: ${arg}` });
      continue;
    }
    const problem = oneOption(m[1] ?? '', m[2] ?? '', args, values);
    if (problem !== null) problems.push(problem);
  }
  return { values, problems };
}

function oneOption(starter: string, body: string, args: string[], values: RawValues): OptionProblem | null {
  // `--name=value`: the `=` counts only after the first character of the name.
  const eq = body.indexOf('=', 1);
  const typed = eq > 0 ? body.slice(0, eq) : body;
  const optarg = eq > 0 ? body.slice(eq + 1) : undefined;
  const found = lookup(typed, starter);
  if ('problem' in found) return found.problem;
  const { name, entry } = found;
  const { spec, field } = entry;
  if (spec.kind === 'flag' || spec.kind === 'negatable' || entry.negated) {
    if (optarg !== undefined) return { code: 'SYS0705', message: `Option ${name} does not take an argument` };
    const negated = spec.kind === 'negatable' ? false : (spec.negatedValue ?? spec.default);
    values[field] = entry.negated ? negated : true;
    return null;
  }
  if (optarg !== undefined ? optarg === '' : args.length === 0) {
    return { code: 'SYS0704', message: `Option ${name} requires an argument` };
  }
  // A separate value is taken whatever it looks like (`--conf --x` sets conf to `--x`).
  const converted = convert(spec, name, optarg ?? args.shift() ?? '');
  if ('problem' in converted) return converted.problem;
  const current = values[field];
  values[field] = Array.isArray(current) ? [...current, String(converted.value)] : converted.value;
  return null;
}
