import { isIPv4, isIPv6 } from 'node:net';

/**
 * Per-listener allow/deny lists of CIDRs (issue 5), checked on the peer address before anything
 * else is done with a connection or datagram.
 *
 * Every address is held as 128 bits; an IPv4 address or block is stored as its IPv4-mapped IPv6
 * form (::ffff:a.b.c.d, prefix + 96), so `10.0.0.0/8` matches a peer a dual-stack socket reports
 * as `::ffff:10.1.2.3`, and `::ffff:0:0/96` matches every IPv4 peer.
 *
 * Decision: a peer matching any deny entry is denied; otherwise, when the allow list is not empty,
 * a peer must match one of its entries; an empty allow list allows everyone.
 */

export interface Cidr {
  /** The entry as written. */
  readonly text: string;
  readonly network: bigint;
  /** Prefix length over 128 bits. */
  readonly prefix: number;
}

const ALL = (1n << 128n) - 1n;
const MAPPED = 0xffffn << 32n;

function ipv4Bits(text: string): bigint {
  let v = 0n;
  for (const part of text.split('.')) v = (v << 8n) | BigInt(Number(part));
  return v;
}

/** 128-bit value of an IPv6 address (zone id ignored, embedded IPv4 accepted); null if invalid. */
function ipv6Bits(text: string): bigint | null {
  const addr = text.replace(/%.*$/, '');
  if (!isIPv6(addr)) return null;
  const halves = addr.split('::');
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const expand = (parts: string[]): bigint[] =>
    parts.flatMap((p) => {
      if (!p.includes('.')) return [BigInt(Number.parseInt(p, 16))];
      const v4 = ipv4Bits(p);
      return [v4 >> 16n, v4 & 0xffffn];
    });
  const head = expand(groups(halves[0] ?? ''));
  const tail = expand(groups(halves[1] ?? ''));
  const all = [...head, ...new Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** The 128-bit form of a peer address (IPv4 as IPv4-mapped IPv6), or null if it is not an IP. */
export function addressBits(address: string): bigint | null {
  if (isIPv4(address)) return MAPPED | ipv4Bits(address);
  return ipv6Bits(address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address);
}

function mask(prefix: number): bigint {
  return prefix === 0 ? 0n : (ALL << BigInt(128 - prefix)) & ALL;
}

/** Parses `a.b.c.d[/n]` or `ipv6[/n]`; a string is the error. Host bits set in the network are cleared. */
export function parseCidr(text: string): Cidr | string {
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const v4 = isIPv4(addr);
  const bits = addressBits(addr);
  if (bits === null) return `'${text}' is not an IPv4 or IPv6 address or CIDR block`;
  const width = v4 ? 32 : 128;
  let len = width;
  if (slash >= 0) {
    const p = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p) || Number(p) > width) return `'${text}' has an invalid prefix length`;
    len = Number(p);
  }
  const prefix = v4 ? len + 96 : len;
  return { text, network: bits & mask(prefix), prefix };
}

export function cidrContains(cidr: Cidr, bits: bigint): boolean {
  return (bits & mask(cidr.prefix)) === cidr.network;
}

/** Peers whose answer an Acl keeps. */
const MEMO_SIZE = 4096;

export class Acl {
  readonly #allow: readonly Cidr[];
  readonly #deny: readonly Cidr[];
  readonly #memo = new Map<string, boolean>();

  constructor(allow: readonly Cidr[], deny: readonly Cidr[]) {
    this.#allow = allow;
    this.#deny = deny;
  }

  /** True when no list is configured (every peer allowed without parsing its address). */
  get open(): boolean {
    return this.#allow.length === 0 && this.#deny.length === 0;
  }

  allows(address: string): boolean {
    if (this.open) return true;
    // Every UDP datagram is checked, and reading an address into bits costs about 1 µs: the
    // answers for recent peers are kept (a flood from random sources only empties the memo).
    const known = this.#memo.get(address);
    if (known !== undefined) return known;
    const allowed = this.#decide(address);
    if (this.#memo.size >= MEMO_SIZE) this.#memo.clear();
    this.#memo.set(address, allowed);
    return allowed;
  }

  #decide(address: string): boolean {
    const bits = addressBits(address);
    if (bits === null) return false;
    if (this.#deny.some((c) => cidrContains(c, bits))) return false;
    return this.#allow.length === 0 || this.#allow.some((c) => cidrContains(c, bits));
  }
}

/** Builds an Acl; every invalid entry is reported (and left out). */
export function compileAcl(
  allow: readonly string[],
  deny: readonly string[],
): { acl: Acl; errors: string[] } {
  const errors: string[] = [];
  const parse = (list: readonly string[], what: string): Cidr[] =>
    list.flatMap((text) => {
      const r = parseCidr(text.trim());
      if (typeof r === 'string') {
        errors.push(`${what} list: ${r}`);
        return [];
      }
      return [r];
    });
  return { acl: new Acl(parse(allow, 'allow'), parse(deny, 'deny')), errors };
}
