/** Builds TZif files for tests (RFC 8536 layout), so the parser is checked on bytes we control. */
export interface TzifSpec {
  readonly version: 1 | 2;
  readonly transitions: ReadonlyArray<readonly [time: number, type: number]>;
  readonly types: ReadonlyArray<readonly [gmtoff: number, isdst: boolean, abbr: string]>;
  readonly footer?: string;
}

function header(version: number, timecnt: number, typecnt: number, charcnt: number): number[] {
  const out = [...'TZif'].map((c) => c.charCodeAt(0));
  out.push(version === 1 ? 0 : 0x30 + version, ...new Array<number>(15).fill(0));
  for (const n of [0, 0, 0, timecnt, typecnt, charcnt])
    out.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
  return out;
}

function int(n: number, bytes: 4 | 8): number[] {
  const v = new DataView(new ArrayBuffer(bytes));
  if (bytes === 8) v.setBigInt64(0, BigInt(n));
  else v.setInt32(0, n);
  return [...new Uint8Array(v.buffer)];
}

function block(spec: TzifSpec, size: 4 | 8): number[] {
  const chars: number[] = [];
  const idx: number[] = [];
  for (const [, , abbr] of spec.types) {
    idx.push(chars.length);
    chars.push(...[...abbr].map((c) => c.charCodeAt(0)), 0);
  }
  const out = header(spec.version, spec.transitions.length, spec.types.length, chars.length);
  for (const [time] of spec.transitions) out.push(...int(time, size));
  for (const [, type] of spec.transitions) out.push(type);
  spec.types.forEach(([off, dst], i) => {
    out.push(...int(off, 4), dst ? 1 : 0, idx[i] ?? 0);
  });
  out.push(...chars);
  return out;
}

export function buildTzif(spec: TzifSpec): Uint8Array {
  if (spec.version === 1) return Uint8Array.from(block(spec, 4));
  const footer = [...`\n${spec.footer ?? ''}\n`].map((c) => c.charCodeAt(0));
  return Uint8Array.from([...block(spec, 4), ...block(spec, 8), ...footer]);
}
