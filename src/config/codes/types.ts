/** One entry of the diagnostics registry: every code has a fixed severity and a one-line summary. */
export interface CodeInfo {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
}

/** Codes are `SYS` + four digits; the first two digits name the family (see docs/diagnostics.md). */
export type CodeTable = Readonly<Record<`SYS${number}`, CodeInfo>>;
