import { cpuUsage } from 'node:process';
import type { SecOptions } from './cli/index.js';
import { SYSCORR_VERSION } from './cli/index.js';
import {
  collectCache,
  collectContexts,
  collectInputs,
  collectOperations,
  collectRuleStats,
  collectVariables,
  type DumpState,
} from './engine/dump/index.js';
import type { Engine } from './engine/engine.js';
import type { Operation } from './engine/operations.js';
import type { TimeZone } from './engine/variables/index.js';
import type { InputSet } from './inputs/index.js';

export interface DumpSources {
  readonly engine: Engine;
  readonly inputs: InputSet;
  readonly options: SecOptions;
  readonly commandLine: string;
  readonly rcFile: string;
  readonly zone: TimeZone;
  readonly startTime: number;
  readonly configLoadTime: number;
}

/**
 * DUMP-text per-type operation lines: the state each rule type keeps (event times of threshold
 * rules, EventGroup events and counts, Pair's second pattern and desc2), shown as recorded.
 */
function operationDetails(op: Operation): Readonly<Record<string, unknown>> | undefined {
  const details: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(op)) {
    if (['kind', 'key', 'rule', 'desc', 'start', 'window'].includes(name)) continue;
    const shown = describeValue(value);
    if (shown !== undefined) details[name] = shown;
  }
  return Object.keys(details).length > 0 ? details : undefined;
}

/** A readable form of one piece of operation state; undefined for what a dump does not show. */
function describeValue(value: unknown): unknown {
  if (value === null || value === undefined || typeof value === 'function') return undefined;
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(' ');
  if (typeof value !== 'object') return value;
  if ('actions' in value) return undefined; // action lists are the rule's, shown with the rule
  const p = value as {
    kind?: string;
    negate?: boolean;
    text?: string;
    source?: string;
    name?: string;
    value?: boolean;
  };
  if (p.kind !== undefined) {
    const what = p.text ?? p.source ?? p.name ?? String(p.value);
    return `${p.negate === true ? 'N' : ''}${p.kind}: ${what}`;
  }
  return JSON.stringify(value);
}

/** Everything SIG-USR1 writes (DUMP-text / DUMP-json), gathered from the running parts. */
export function dumpState(src: DumpSources, now: number): DumpState {
  const { engine } = src;
  const view = engine.dumpView();
  const cpu = cpuUsage();
  return {
    zone: src.zone,
    program: {
      version: `syscorr ${SYSCORR_VERSION}`,
      startTime: src.startTime,
      configLoadTime: src.configLoadTime,
      dumpTime: now,
      rcfile: src.rcFile,
      options: src.commandLine,
      euid: process.geteuid?.() ?? 0,
      egid: process.getegid?.() ?? 0,
      sgids: process.getgroups?.() ?? [],
    },
    env: Object.fromEntries(
      Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined),
    ),
    perf: {
      user: cpu.user / 1e6,
      system: cpu.system / 1e6,
      childUser: 0,
      childSystem: 0,
      lines: engine.processed,
    },
    ruleperf: src.options.ruleperf,
    intcontexts: src.options.intcontexts,
    rulestats: collectRuleStats(
      engine.config.files,
      engine.matchCounts,
      src.configLoadTime,
      src.options.ruleperf ? engine.rulePerf : undefined,
    ),
    inputs: collectInputs(src.inputs.snapshot()),
    buffer: view.buffer,
    pending: view.pending,
    cache: collectCache(view.cache),
    operations: collectOperations(engine.operations.values(), operationDetails),
    contexts: collectContexts(engine.contexts.snapshot()),
    children: [],
    variables: collectVariables(engine.variables.snapshot(now)),
  };
}
