import type { TimeZone } from '../variables/index.js';

/**
 * Everything a dump shows (SIG-USR1, DUMP-text, DUMP-json), as plain data. The composition root
 * fills it from the engine, the inputs and the process; renderDump only formats it, so it needs
 * no clock and no I/O. Times are integer epoch seconds; the zone renders them like Perl's
 * `scalar(localtime(t))`.
 */
export interface DumpState {
  readonly zone: TimeZone;
  readonly program: DumpProgram;
  /** The process environment (printed sorted by name). */
  readonly env: Readonly<Record<string, string>>;
  readonly perf: DumpPerf;
  /** OPT-ruleperf: adds CPU time and event counts to the rule statistics. */
  readonly ruleperf: boolean;
  /** OPT-intcontexts: input and pending-event contexts are shown only with it. */
  readonly intcontexts: boolean;
  readonly rulestats: readonly DumpRuleFile[];
  readonly inputs: readonly DumpInput[];
  readonly buffer: DumpBuffer;
  readonly pending: readonly DumpPendingEvent[];
  readonly cache: readonly DumpCacheEntry[];
  readonly operations: readonly DumpOperation[];
  readonly contexts: readonly DumpContext[];
  readonly children: readonly DumpChild[];
  /** Action-list variables; null = undef (shown sorted by name). */
  readonly variables: readonly DumpVariable[];
}

export interface DumpProgram {
  readonly version: string;
  readonly startTime: number;
  readonly configLoadTime: number;
  readonly dumpTime: number;
  /** SEC's "Program resource file": the SECRC path, "none", or the path plus the open error. */
  readonly rcfile: string;
  /** The command-line options joined with spaces. */
  readonly options: string;
  readonly euid: number;
  readonly egid: number;
  readonly sgids: readonly number[];
}

export interface DumpPerf {
  readonly user: number;
  readonly system: number;
  readonly childUser: number;
  readonly childSystem: number;
  /** Processed input lines and events. */
  readonly lines: number;
}

export interface DumpRuleFile {
  readonly file: string;
  readonly loadTime: number;
  readonly rules: readonly DumpRuleStat[];
}

export interface DumpRuleStat {
  /** SEC's rule start line. */
  readonly line: number;
  readonly matches: number;
  readonly desc: string;
  /** Only with ruleperf. */
  readonly cpu?: number;
  readonly events?: number;
}

export interface DumpInput {
  readonly name: string;
  readonly open: boolean;
  readonly type: 'regular' | 'pipe' | null;
  readonly offset: number | null;
  readonly size: number | null;
  readonly dev: string | null;
  readonly inode: string | null;
  readonly lines: number;
  readonly context: string | null;
}

export type DumpBuffer =
  | {
      readonly joint: true;
      readonly size: number;
      readonly lines: readonly string[];
      /** Input name per line; null = synthetic event. */
      readonly sources: readonly (string | null)[];
    }
  | {
      readonly joint: false;
      readonly size: number;
      readonly perSource: readonly { readonly source: string; readonly lines: readonly string[] }[];
      readonly synthetic: readonly string[];
    };

export interface DumpPendingEvent {
  readonly event: string;
  readonly time: number;
  readonly context: string | null;
}

export interface DumpCacheEntry {
  readonly name: string;
  /** Variable name to value; null = undef. */
  readonly values: Readonly<Record<string, string | null>>;
}

/** The generic part of an operation (RT-opkey) plus what its rule type wants to show. */
export interface DumpOperation {
  readonly key: string;
  readonly file: string;
  /** 0-based rule number (CF-numbering); the text dump prints it + 1. */
  readonly rule: number;
  readonly type: string;
  readonly desc: string;
  /** When the operation started; the window start unless the rule type knows better. */
  readonly startTime: number;
  readonly windowStart: number;
  /** 0 = infinite. */
  readonly window: number;
  /** Per-type fields, shown in insertion order ("Name: value" in text, as-is in JSON). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface DumpContext {
  readonly names: readonly string[];
  readonly initTime: number;
  readonly ctime: number;
  /** 0 = infinite. */
  readonly lifetime: number;
  /** The expiry action list rendered as SEC's actionlist2str does, or null. */
  readonly action: string | null;
  readonly desc: string;
  readonly lines: readonly string[];
  readonly lineTimes: readonly number[];
}

export interface DumpChild {
  readonly pid: number;
  readonly cmdline: string;
  /** Its output feeds the input (cspawn, spawn). */
  readonly pipeInput: boolean;
  readonly context: string | null;
}

export interface DumpVariable {
  readonly name: string;
  readonly value: string | null;
}
