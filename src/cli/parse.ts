import { defaultValues, getopt, type RawValues } from './getopt.js';
import { parseInputSpec } from './input-spec.js';
import { OPTION_FIELDS } from './options-table.js';
import { type ReadTextFile, readResourceFile, readTextFile } from './secrc.js';
import type { ParsedCommandLine, SecOptions } from './types.js';
import { revalidate } from './validate.js';

/** Turns the raw values into the typed options; `--input` values become InputSpecs. */
function toOptions(values: RawValues): SecOptions {
  const out: Record<string, unknown> = {};
  for (const field of OPTION_FIELDS) {
    const value = values[field];
    out[field] = Array.isArray(value) ? [...value] : value;
  }
  const inputs = values.input;
  out.input = Array.isArray(inputs) ? inputs.map(parseInputSpec) : [];
  // The table is keyed by the SecOptions fields (checked with `satisfies`) and each default has
  // the field's type, so the object is complete and well typed.
  return out as unknown as SecOptions;
}

function frozen(options: SecOptions): SecOptions {
  for (const value of Object.values(options)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(options);
}

/** Every option at its default, as SEC sets them before parsing (frozen: copy it to change it). */
export const DEFAULT_OPTIONS: SecOptions = frozen(toOptions(defaultValues()));

/**
 * SEC's read_options(): the $SECRC lines are appended to argv (OPT-secrc), the whole list goes
 * through Getopt::Long's rules (OPT-syntax), then the values are revalidated (OPT-revalidate).
 * Nothing here is fatal: like SEC, every problem is reported and the rest of the line is used.
 * `argv` excludes the program name.
 */
export function parseCommandLine(
  argv: readonly string[],
  env: { SECRC?: string } = {},
  readFile: ReadTextFile = readTextFile,
): ParsedCommandLine {
  const rc = readResourceFile(env.SECRC, readFile);
  const all = [...argv, ...rc.args];
  const { values, problems } = getopt(all);
  problems.push(...revalidate(values));
  if (rc.problem !== null) problems.unshift(rc.problem);
  const options = toOptions(values);
  return {
    options,
    problems,
    help: options.help,
    version: options.version,
    commandLine: all.join(' '),
    rcFile: rc.status,
  };
}
