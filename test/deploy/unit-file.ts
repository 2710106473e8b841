/**
 * systemd unit files as the deploy tests need them (systemd.syntax(7)): `[Section]` headers,
 * `Key=Value` lines, `#`/`;` comments, a trailing backslash joining the next line with a space.
 * A key may repeat (ExecStartPre=, ExecReload=), so every value is kept in order.
 */

export type UnitFile = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

export function parseUnitFile(text: string): UnitFile {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | null = null;
  let pending = '';
  let pendingLine = 0;
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#') || line.startsWith(';'))) continue;
    if (pending !== '' && (line.startsWith('#') || line.startsWith(';'))) continue;
    if (pending === '') pendingLine = i + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trimEnd()} `;
      continue;
    }
    const full = pending + line;
    pending = '';
    const header = /^\[([^\]]+)\]$/.exec(full);
    if (header !== null) {
      current = new Map();
      sections.set(header[1] ?? '', current);
      continue;
    }
    const kv = /^([A-Za-z0-9-]+)\s*=\s*(.*)$/.exec(full);
    if (kv === null || current === null)
      throw new Error(`line ${pendingLine}: not a Key=Value line: ${full}`);
    const key = kv[1] ?? '';
    const values = current.get(key) ?? [];
    values.push(kv[2] ?? '');
    current.set(key, values);
  }
  if (pending !== '') throw new Error(`line ${pendingLine}: the file ends in a continuation`);
  return sections;
}

/** Every value of `key` in `section` ([] when absent). */
export function values(unit: UnitFile, section: string, key: string): readonly string[] {
  return unit.get(section)?.get(key) ?? [];
}

/** The last value of a single-valued key (systemd: the last assignment wins). */
export function value(unit: UnitFile, section: string, key: string): string | undefined {
  return values(unit, section, key).at(-1);
}

/**
 * The argv of an Exec*= line: systemd's own word splitting (double and single quotes), after
 * dropping the special-prefix characters (`-`, `@`, `+`, `!`, `:`).
 */
export function execArgv(line: string): string[] {
  const body = line.replace(/^[-@+!:]+/, '');
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of body.matchAll(re)) words.push(m[1] ?? m[2] ?? m[3] ?? '');
  return words;
}
