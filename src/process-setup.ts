import { readFileSync, writeFileSync } from 'node:fs';
import type { SecOptions } from './cli/index.js';

/**
 * OPT-user-group and OPT-umask, applied before the configuration is read (OPT-startup-order).
 * Returns an error message when a requested identity cannot be taken, else null.
 */
export function applyIdentity(options: SecOptions, proc: NodeJS.Process = process): string | null {
  if (options.umask !== null) proc.umask(options.umask);
  if (options.user === null) return null;
  if (proc.getuid?.() !== 0 || proc.setuid === undefined || proc.setgid === undefined) {
    return `can't switch to user '${options.user}': not started as root`;
  }
  try {
    const [primary, ...supplementary] = options.group;
    if (primary !== undefined) proc.setgid(primary);
    // Without --group, the user's own groups (initgroups), as SEC does.
    if (supplementary.length > 0) proc.setgroups?.([primary ?? '', ...supplementary]);
    else if (primary === undefined) {
      // The user's primary group and memberships (initgroups(3)); Node has it on POSIX systems.
      const init = (proc as { initgroups?: (user: string, extra: number) => void }).initgroups;
      const gid = primaryGid(options.user);
      if (gid !== null) {
        proc.setgid(gid);
        init?.(options.user, gid);
      }
    }
    proc.setuid(options.user);
    return null;
  } catch (err) {
    return `can't switch to user '${options.user}': ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** The primary group id of a user from /etc/passwd, or null. */
function primaryGid(user: string): number | null {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const f = line.split(':');
      if (f[0] === user && f[3] !== undefined) return Number(f[3]);
    }
  } catch {
    // no passwd file: keep the current group
  }
  return null;
}

/** OPT-pid: writes the process id; a failure is fatal as in SEC (exit 1). */
export function writePidFile(path: string, pid: number = process.pid): string | null {
  try {
    writeFileSync(path, `${pid}\n`);
    return null;
  } catch (err) {
    return `Can't open pidfile ${path} (${err instanceof Error ? err.message : String(err)})`;
  }
}
