import { readFileSync } from 'node:fs';
import { parsePosixTz } from './posix-tz.js';
import { parseTzif } from './tzif.js';
import { fixedZone, type TimeZone, UTC_ZONE } from './zone.js';

/**
 * The local zone chosen the way glibc's tzset() chooses it, so %t, %.tzname and friends agree
 * with Perl's localtime under the same TZ (HP-localtime):
 *   TZ unset          → /etc/localtime, else UTC
 *   TZ=""             → UTC
 *   TZ=:name, TZ=name → the zone file name (absolute, or under $TZDIR or /usr/share/zoneinfo),
 *                       else name read as a POSIX TZ string, else UTC with an empty abbreviation
 */

/** Reads a whole file, or undefined if it cannot. Injected so tests need no zone files. */
export type ReadZoneFile = (path: string) => Uint8Array | undefined;

export const readZoneFileSync: ReadZoneFile = (path) => {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
};

export interface LoadZoneOptions {
  /** The TZ environment variable (undefined = unset). */
  readonly tz: string | undefined;
  /** $TZDIR, default /usr/share/zoneinfo. */
  readonly tzdir?: string | undefined;
  readonly read?: ReadZoneFile;
}

function fromFile(path: string, read: ReadZoneFile): TimeZone | null {
  const bytes = read(path);
  return bytes === undefined ? null : parseTzif(bytes);
}

/** The zone glibc would use for this TZ. */
export function loadZone(options: LoadZoneOptions): TimeZone {
  const read = options.read ?? readZoneFileSync;
  const { tz } = options;
  if (tz === undefined) return fromFile('/etc/localtime', read) ?? UTC_ZONE;
  if (tz === '') return UTC_ZONE;
  const name = tz.startsWith(':') ? tz.slice(1) : tz;
  const dir = options.tzdir !== undefined && options.tzdir !== '' ? options.tzdir : '/usr/share/zoneinfo';
  const path = name.startsWith('/') ? name : `${dir}/${name}`;
  const file = name === '' ? null : fromFile(path, read);
  if (file !== null) return file;
  return parsePosixTz(name) ?? fixedZone(0, '');
}

/** The zone of this process: loadZone with the process's TZ and TZDIR. */
export function processZone(read: ReadZoneFile = readZoneFileSync): TimeZone {
  return loadZone({ tz: process.env.TZ, tzdir: process.env.TZDIR, read });
}

/**
 * A zone named by the operator (a listener's `tz=`): a zoneinfo name or path, or a POSIX TZ
 * string; null when it names nothing (unlike loadZone, which falls back to UTC as glibc does).
 */
export function findZone(
  name: string,
  read: ReadZoneFile = readZoneFileSync,
  tzdir = '/usr/share/zoneinfo',
): TimeZone | null {
  if (name === '' || name.includes('..')) return null;
  const path = name.startsWith('/') ? name : `${tzdir}/${name}`;
  const file = fromFile(path, read);
  if (file !== null) return file;
  // A POSIX TZ string always carries an offset (`CET-1CEST`, `<+0530>-5:30`); a bare or
  // slashed word without one is a zone name that was not found.
  return /\d/.test(name) && (name.includes(',') || !name.includes('/')) ? parsePosixTz(name) : null;
}
