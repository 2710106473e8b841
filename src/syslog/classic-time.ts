import { localTime, MONTH_NAMES, type TimeZone } from '../engine/variables/index.js';

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `Mmm dd hh:mm:ss` with the day padded by a space, as syslogd and SEC write it (`Jan  5`). */
export function classicTime(epochSeconds: number, zone: TimeZone): string {
  const t = localTime(epochSeconds, zone);
  const day = t.mday < 10 ? ` ${t.mday}` : String(t.mday);
  return `${MONTH_NAMES[t.mon]} ${day} ${two(t.hour)}:${two(t.min)}:${two(t.sec)}`;
}
