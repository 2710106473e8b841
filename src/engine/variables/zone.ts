/**
 * A time zone as C's localtime sees it: for an instant, the UTC offset, the DST flag and the
 * abbreviation (HP-localtime: %Z must be "EET", "IST", "+03", as glibc prints it; Intl's short
 * names such as "GMT+2" are not the same thing).
 */
export interface ZoneInfo {
  /** Seconds east of UTC. */
  readonly gmtoff: number;
  readonly isdst: boolean;
  /** The abbreviation strftime %Z prints ("" when the zone has none). */
  readonly abbr: string;
}

export interface TimeZone {
  /** The local time type in effect at `epoch` (integer seconds). */
  at(epoch: number): ZoneInfo;
}

/** A zone with one offset and name, e.g. `fixedZone(0, 'UTC')` (glibc's TZ="" and its fallback). */
export function fixedZone(gmtoff: number, abbr: string, isdst = false): TimeZone {
  const info: ZoneInfo = { gmtoff, isdst, abbr };
  return { at: () => info };
}

export const UTC_ZONE: TimeZone = fixedZone(0, 'UTC');

/**
 * The process zone as the JavaScript runtime sees it (Node follows the TZ variable, using its own
 * ICU zone data): a fallback for when the system zone files cannot be read. The offset is exact;
 * the abbreviation is Intl's, made to look like a tzdata name where Intl only knows "GMT+2"
 * ("+02", "+0530"), so %Z may differ from glibc for zones whose names Intl lacks in English.
 */
export function runtimeZone(): TimeZone {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' });
  return {
    at(epoch: number): ZoneInfo {
      const date = new Date(epoch * 1000);
      const gmtoff = -Math.round(date.getTimezoneOffset() * 60) || 0; // never -0
      const named = fmt.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
      return { gmtoff, isdst: isSummerOffset(epoch, gmtoff), abbr: intlAbbr(named, gmtoff) };
    },
  };
}

/** DST guess for the runtime zone: the year has two offsets and this is the larger one. */
function isSummerOffset(epoch: number, gmtoff: number): boolean {
  const year = new Date(epoch * 1000).getUTCFullYear();
  const jan = -new Date(Date.UTC(year, 0, 1)).getTimezoneOffset() * 60 || 0;
  const jul = -new Date(Date.UTC(year, 6, 1)).getTimezoneOffset() * 60 || 0;
  return jan !== jul && gmtoff === Math.max(jan, jul);
}

/** "GMT+2" → "+02", "GMT+5:30" → "+0530", "GMT"/"UTC" → "UTC" (tzdata's numeric style); names kept. */
function intlAbbr(named: string, gmtoff: number): string {
  if (!/^(GMT|UTC)([+-]\d{1,2}(:\d\d)?)?$/.test(named)) return named;
  if (gmtoff === 0) return 'UTC';
  return numericAbbr(gmtoff);
}

/** tzdata's numeric abbreviation: "+03", "-0330". */
export function numericAbbr(gmtoff: number): string {
  const sign = gmtoff < 0 ? '-' : '+';
  const abs = Math.abs(gmtoff);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = Math.floor((abs % 3600) / 60);
  return mm === 0 ? `${sign}${hh}` : `${sign}${hh}${String(mm).padStart(2, '0')}`;
}
