import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (one level above dist/ or src/). */
export function packageRoot(): string {
  return dirname(dirname(fileURLToPath(import.meta.url)));
}

/**
 * The embedded default used when syscorr starts with neither --conf nor --input: the shipped
 * rulesets, reading the shipped example input from its start. Listeners and metrics join this default when those
 * issues land.
 */
export function embeddedDefaultArgs(root = packageRoot()): string[] {
  return [
    `--conf=${join(root, 'config', '*.sec')}`,
    `--input=${join(root, 'config', 'example', 'messages.log')}`,
    // The example is read from its start, then followed like a live log.
    '--fromstart',
  ];
}
