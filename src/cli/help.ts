import { OPTION_FIELDS, OPTION_TABLE, type OptionSpec } from './options-table.js';

/** The syscorr release these texts name (keep in step with package.json). */
export const SYSCORR_VERSION = '0.1.0';

/** The SEC release line whose rule language and command line syscorr follows. */
export const SEC_COMPATIBILITY = '2.9.x';

function synopsis(spec: OptionSpec): string {
  const names = [spec.name, ...spec.aliases.filter((a) => a.length > 1 && !a.includes('_'))];
  const short = spec.aliases.filter((a) => a.length === 1).map((a) => `-${a}`);
  const main = names.map((n) => {
    if (spec.kind === 'negatable') return `--[no]${n}`;
    if (spec.kind === 'flag') return `--${n}`;
    return `--${n}=${spec.arg ?? 'VALUE'}`;
  });
  return [...main, ...short].join(', ');
}

function defaultNote(spec: OptionSpec): string {
  if (spec.kind === 'negatable') return spec.default === true ? ' [on]' : ' [off]';
  if (typeof spec.default === 'number' || (typeof spec.default === 'string' && spec.default !== '')) {
    return ` [${String(spec.default)}]`;
  }
  return '';
}

/** SEC OPT-help: the text `--help` and `-?` print to stdout (syscorr's wording, built from the table). */
export function usageText(): string {
  const rows = OPTION_FIELDS.map((field) => {
    const spec: OptionSpec = OPTION_TABLE[field];
    const pending = spec.status === 'accepted' ? ' (pending)' : '';
    return { left: synopsis(spec), right: `${spec.summary}${defaultNote(spec)}${pending}` };
  });
  const anyPending = OPTION_FIELDS.some((f) => OPTION_TABLE[f].status === 'accepted');
  const width = Math.max(...rows.map((r) => r.left.length)) + 2;
  const lines = rows.map((r) => `  ${r.left.padEnd(width)}${r.right}`);
  return [
    'Usage: syscorr [OPTION]...',
    '',
    `Correlates events from log files and syslog listeners with SEC ${SEC_COMPATIBILITY} rule files.`,
    'An option may start with - or --, be shortened while it stays unique, and take its',
    'value after = or as the next argument. Options marked [no] also have a --no form.',
    '',
    ...lines,
    '',
    'The file named by the SECRC environment variable holds more options, one per line.',
    ...(anyPending
      ? [
          'Options marked (pending) are accepted and checked; they take effect once the part of',
          'syscorr they belong to is built.',
        ]
      : []),
    '',
  ].join('\n');
}

/** SEC OPT-version: the text `--version` prints to stdout. */
export function versionText(): string {
  return [
    `syscorr ${SYSCORR_VERSION} (command line and rule language compatible with SEC ${SEC_COMPATIBILITY})`,
    'syscorr is free software under the GNU General Public License, version 2 or later.',
    'It comes with no warranty, to the extent permitted by law.',
    '',
  ].join('\n');
}
