import { CODES } from './registry.js';

const FAMILIES: Readonly<Record<string, string>> = {
  '01': 'Rule files and lines',
  '02': 'Rule structure',
  '03': 'Action lists',
  '04': 'Context expressions',
  '05': 'Regular expressions (Perl → JavaScript)',
  '06': 'Patterns and variable maps',
  '07': 'Command line',
  '08': 'Perl code',
  '09': 'Mail actions',
};

/** docs/diagnostics.md, generated from the registry so the two cannot drift apart. */
export function renderDiagnosticsDoc(): string {
  const lines = [
    '# Diagnostic codes',
    '',
    'Every problem syscorr reports while loading rule files or reading its command line carries one',
    'of these codes, printed as `file:line:col: severity CODE: message`. An error makes the rule (or',
    'the line) invalid, so it is skipped, the rest of the file still loads, and `--testonly` exits 1;',
    'a warning only informs. This file is generated from `src/config/registry.ts` by',
    '`npm run docs:codes`; a test fails when the two differ.',
  ];
  const codes = Object.keys(CODES).sort() as (keyof typeof CODES)[];
  let family = '';
  for (const code of codes) {
    const f = code.slice(3, 5);
    if (f !== family) {
      family = f;
      lines.push(
        '',
        `## SYS${f}xx: ${FAMILIES[f] ?? 'Other'}`,
        '',
        '| code | severity | meaning |',
        '|---|---|---|',
      );
    }
    const info = CODES[code];
    lines.push(`| ${code} | ${info.severity} | ${info.summary.replaceAll('|', '\\|')} |`);
  }
  return `${lines.join('\n')}\n`;
}
