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
    rulestats: collectRuleStats(engine.config.files, engine.matchCounts, src.configLoadTime),
    inputs: collectInputs(src.inputs.snapshot()),
    buffer: view.buffer,
    pending: view.pending,
    cache: collectCache(view.cache),
    operations: collectOperations(engine.operations.values()),
    contexts: collectContexts(engine.contexts.snapshot()),
    children: [],
    variables: collectVariables(engine.variables.snapshot(now)),
  };
}
