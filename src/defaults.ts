import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (one level above dist/ or src/). */
export function packageRoot(): string {
  return dirname(dirname(fileURLToPath(import.meta.url)));
}

/**
 * The embedded default used when syscorr starts with neither --conf nor --input (`npm start`):
 * the appliance on unprivileged ports. The shipped rulesets, syslog over UDP and TCP on 5514
 * (all IPv4 addresses), and, because listeners are configured, metrics on 8514 (a taken metrics
 * port is a warning, not a failure). With no SMTP configured, mail goes to the log.
 */
export function embeddedDefaultArgs(root = packageRoot()): string[] {
  return [
    `--conf=${join(root, 'config', '*.sec')}`,
    '--input=udp://0.0.0.0:5514',
    '--input=tcp://0.0.0.0:5514',
  ];
}
