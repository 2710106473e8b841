import { readFileSync } from 'node:fs';

/**
 * Datagrams the kernel dropped for a UDP port (issue 5: kernel drops), read from the `drops`
 * column of /proc/net/udp and /proc/net/udp6 (Linux). These are losses before syscorr ever saw
 * the datagram (receive buffer full), as opposed to the listener's own `queueFull` count.
 */

/**
 * Sums the drops of every socket bound to local `port` in one /proc/net/udp{,6} text; null when
 * the text has no `drops` column or no socket on that port.
 */
export function parseUdpDrops(text: string, port: number): number | null {
  const lines = text.split('\n');
  const header = (lines[0] ?? '').trim().split(/\s+/);
  // Header words and row columns do not line up (`tx_queue rx_queue` is one row column), but
  // `drops` is the last of both: read it from the end of each row.
  if (!header.includes('drops')) return null;
  const wanted = port.toString(16).toUpperCase().padStart(4, '0');
  let total: number | null = null;
  for (const line of lines.slice(1)) {
    const cols = line.trim().split(/\s+/);
    const local = cols[1];
    if (local === undefined || local.slice(local.lastIndexOf(':') + 1).toUpperCase() !== wanted) continue;
    const drops = Number(cols[cols.length - 1]);
    if (Number.isFinite(drops)) total = (total ?? 0) + drops;
  }
  return total;
}

/** Kernel drops for local UDP `port` over IPv4 and IPv6; null if unavailable (not Linux, no socket). */
export function kernelUdpDrops(port: number): number | null {
  let total: number | null = null;
  for (const file of ['/proc/net/udp', '/proc/net/udp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'latin1');
    } catch {
      continue;
    }
    const n = parseUdpDrops(text, port);
    if (n !== null) total = (total ?? 0) + n;
  }
  return total;
}
