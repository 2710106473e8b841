import { runActions, substituteMatchVars, substituteShadowVars } from '../actions/index.js';
import type {
  ActionPorts,
  Command,
  EnginePort,
  ExpiryTask,
  Logger,
  MailPort,
  OutputPort,
  ProcessPort,
} from '../actions/ports.js';
import type { ActionList } from '../config/action-list/index.js';
import type { Config } from '../config/load.js';
import type { Rule } from '../config/rules/types.js';
import {
  type MatchTemplate,
  type MatchValues,
  parseMatchTemplate,
  parseShadowTemplate,
  substituteMatch,
  substituteShadow,
} from '../config/template/index.js';
import type { ActionTelemetry } from '../metrics/telemetry.js';
import { InputBuffers } from './buffers.js';
import { ContextEvaluator } from './context-eval.js';
import { ContextStore } from './contexts/index.js';
import { type EngineEvent, INTERNAL_EVENT_CONTEXT, SYNTHETIC_CONTEXT } from './event.js';
import { cacheLookup, type MatchCache, type MatchInput, matchPattern } from './match.js';
import { expired, Operations, operationKey } from './operations.js';
import { RuleLoop } from './rule-loop.js';
import { handlerFor, isSupported, type RuleRuntime } from './rules/index.js';
import { withThis } from './this-context.js';
import { ActionVariables, localTime, runtimeZone, type TimeZone } from './variables/index.js';

export interface EngineOptions {
  /** Lines per input buffer, already resolved (OPT-bufsize: 0 means the largest N of the rules). */
  readonly bufsize: number;
  readonly jointbuf: boolean;
  readonly intcontexts: boolean;
  readonly quoting: boolean;
  readonly evstoresize: number;
  /** The local time zone for %t and friends; the composition root reads it (processZone()). */
  readonly zone?: TimeZone;
  /** OPT-ruleperf: a CPU-time source in seconds; rule statistics then include CPU time. */
  readonly cpuTime?: () => number;
  /** The rule prefilter (issue 7): unset = on where it pays; false = off (SEC's way); true = always on (tests). */
  readonly prefilter?: boolean;
}

/** The I/O the engine reaches through seams (GUIDE: side effects behind seams). */
export interface EngineIo {
  readonly outputs: OutputPort;
  readonly processes: ProcessPort & {
    script(command: Command, stdin: string, done: (exitCode: number) => void): void;
  };
  readonly logger: Logger;
  readonly addinput?: (file: string, position: string, context: string, now: number) => void;
  readonly dropinput?: (file: string) => void;
  readonly signal?: (name: string) => void;
  /** Every action run is counted here (issue 6); absent in tests and without metrics. */
  readonly telemetry?: ActionTelemetry;
  /** syscorr-mail: the mail output (docs/mail.md); absent in tests and replays. */
  readonly mail?: MailPort;
}

/** The bufsize SEC uses when --bufsize is 0: the largest N of all loaded patterns, at least 1. */
export function automaticBufsize(config: Config): number {
  let n = 1;
  for (const f of config.files) {
    for (const r of f.rules) {
      const patterns =
        r.type === 'EventGroup'
          ? r.members.map((m) => m.pattern)
          : r.type === 'Calendar'
            ? []
            : r.type === 'Pair' || r.type === 'PairWithWindow'
              ? [r.pattern, r.second.pattern]
              : [r.pattern];
      for (const p of patterns) n = Math.max(n, p.lines);
    }
  }
  return n;
}

/**
 * The correlation engine: a deterministic state machine driven by `process(event, now)` and
 * `cleanup(now)` (GUIDE; HP-time-model). It never reads a clock, a socket or a file itself.
 */
export class Engine implements EnginePort {
  readonly contexts: ContextStore;
  readonly variables: ActionVariables;
  readonly operations = new Operations();
  #config: Config;
  #opts: EngineOptions;
  readonly #io: EngineIo;
  #buffers: InputBuffers;
  #loop: RuleLoop;
  readonly #ports: ActionPorts;
  readonly #cache: MatchCache = new Map();
  readonly #lookup = cacheLookup(this.#cache);
  readonly #descTemplates = new Map<string, MatchTemplate>();
  readonly #shadowTemplates = new Map<string, MatchTemplate>();
  readonly #runtimes = new Map<string, RuleRuntime>();
  readonly #evaluator: ContextEvaluator;
  readonly #zone: TimeZone;
  #input: MatchInput | undefined;
  readonly #queue: EngineEvent[] = [];
  #pending: { due: number; event: EngineEvent }[] = [];
  #intContext: string | undefined;
  #processed = 0;

  constructor(config: Config, opts: EngineOptions, io: EngineIo) {
    this.#config = config;
    this.#opts = opts;
    this.#io = io;
    this.contexts = new ContextStore({
      evstoresize: opts.evstoresize,
      logger: io.logger,
      runExpiry: (task, now) => this.#runExpiry(task, now),
    });
    this.variables = new ActionVariables(opts.zone === undefined ? {} : { zone: opts.zone });
    this.#buffers = new InputBuffers(opts.bufsize, opts.jointbuf);
    this.#zone = opts.zone ?? runtimeZone();
    this.#evaluator = new ContextEvaluator(this.contexts);
    this.#loop = this.#makeLoop(config);
    this.#reportUnsupported(config);
    this.#ports = {
      contexts: this.contexts,
      variables: this.variables,
      outputs: io.outputs,
      processes: io.processes,
      engine: this,
      logger: io.logger,
      telemetry: io.telemetry,
      mail: io.mail,
    };
  }

  #makeLoop(config: Config): RuleLoop {
    const loop = new RuleLoop(
      config,
      this.#evaluator,
      this.#io.logger,
      {
        matched: (rule, values) => handlerFor(rule)?.matched?.(rule, values, this.#runtime(rule.file)),
        unmatched: (rule) => handlerFor(rule)?.unmatched?.(rule, this.#runtime(rule.file)) ?? false,
        member: (rule, index, values) =>
          handlerFor(rule)?.member?.(rule, index, values, this.#runtime(rule.file)),
      },
      this.#opts.prefilter,
    );
    if (this.#opts.cpuTime !== undefined) loop.measureWith(this.#opts.cpuTime);
    return loop;
  }

  #reportUnsupported(config: Config): void {
    for (const f of config.files) {
      for (const r of f.rules) {
        if (!isSupported(r)) {
          this.#io.logger.log(
            3,
            `${r.file} rule ${r.number + 1}: rule type ${r.type} is not run by this version yet`,
          );
        }
      }
    }
  }

  /**
   * SIG-HUP (full) and SIG-ABRT (soft) with the re-read configuration. Full: every operation,
   * context (no expiry lists), user variable and delayed event is dropped (the synthetic queue
   * stays). Soft: only the operations of `changedFiles` go (rule files new, changed or removed);
   * contexts, variables and delayed events survive. The input buffers are rebuilt for `bufsize`.
   */
  restart(
    config: Config,
    bufsize: number,
    mode: 'full' | 'soft',
    changedFiles: ReadonlySet<string>,
    now: number,
  ): void {
    if (mode === 'full') {
      this.operations.clear();
      this.contexts.clear();
      this.variables.clearUser(now);
      this.#pending = [];
    } else {
      for (const file of changedFiles) this.operations.dropFile(file);
    }
    this.#config = config;
    this.#opts = { ...this.#opts, bufsize };
    this.#buffers = new InputBuffers(bufsize, this.#opts.jointbuf);
    this.#loop = this.#makeLoop(config);
    this.#reportUnsupported(config);
  }

  /** Lines and events processed so far (dumps, metrics). */
  get processed(): number {
    return this.#processed;
  }

  /** --ruleperf statistics per rule (empty without it). */
  get rulePerf(): ReadonlyMap<Rule, { readonly cpu: number; readonly events: number }> {
    return this.#loop.perf;
  }

  /** Full matches per rule (dumps, metrics). */
  get matchCounts(): ReadonlyMap<Rule, number> {
    return this.#loop.matches;
  }

  /** Live user contexts (metrics). */
  get contextsLive(): number {
    return this.contexts.count;
  }

  /** Contexts expired since start, by staleness or `obsolete` (metrics). */
  get contextsExpired(): number {
    return this.contexts.expired;
  }

  /** Live operations per rule type (metrics): one pass over the operations, when asked. */
  operationsByType(): Map<Rule['type'], number> {
    const byType = new Map<Rule['type'], number>();
    for (const op of this.operations.values()) byType.set(op.kind, (byType.get(op.kind) ?? 0) + 1);
    return byType;
  }

  /** IN-order: the next synthetic event, which always comes before input lines. */
  nextSynthetic(): EngineEvent | undefined {
    return this.#queue.shift();
  }

  get syntheticQueued(): number {
    return this.#queue.length;
  }

  /** IN-loop step 3: one event through every main file (CF-multifile), stopping at EndMatch. */
  process(event: EngineEvent, now: number): void {
    let intName: string | undefined;
    if (this.#opts.intcontexts) {
      intName = event.context ?? (event.source === null ? SYNTHETIC_CONTEXT : `_FILE_EVENT_${event.source}`);
    }
    this.#run(event.line, event.source, intName, now, event);
  }

  /** IE-events: SEC_STARTUP etc. are matched at once with context SEC_INTERNAL_EVENT, not queued. */
  internalEvent(text: string, now: number): void {
    const log = this.#io.logger;
    log.log(5, `Creating SEC internal context '${INTERNAL_EVENT_CONTEXT}'`);
    log.log(5, `Creating SEC internal event '${text}'`);
    this.#run(text, null, INTERNAL_EVENT_CONTEXT, now);
    log.log(5, `Deleting SEC internal context '${INTERNAL_EVENT_CONTEXT}'`);
  }

  #run(
    line: string,
    source: string | null,
    intName: string | undefined,
    now: number,
    event?: EngineEvent,
  ): void {
    this.#intContext = intName;
    if (intName !== undefined) this.contexts.setInternal(intName);
    this.#buffers.push(line, source);
    // Map#clear allocates a new table even when empty: most lines leave the cache empty.
    if (this.#cache.size > 0) this.#cache.clear();
    const input: MatchInput = {
      buffers: this.#buffers,
      cache: this.#cache,
      lookup: this.#lookup,
      intContext: intName,
      event,
    };
    this.#input = input;
    this.#now = now;
    for (const file of this.#config.mainFiles) {
      if (this.#loop.processFile(file, input, now)) break;
    }
    if (intName !== undefined) this.contexts.clearInternal();
    this.#intContext = undefined;
    this.#processed++;
  }

  #now = 0;

  /** What a rule handler may do for the rule of `file` at the current time. */
  #runtime(file: string): RuleRuntime {
    const cached = this.#runtimes.get(file);
    if (cached !== undefined) return cached;
    const engine = this;
    // One object per rule file, reused for every match: `now` is read when used, so a list run
    // later (a SingleWithScript result when the child is reaped) sees the time it runs at.
    const rt: RuleRuntime = {
      get now() {
        return engine.#now;
      },
      operations: this.operations,
      run: (list, desc) => this.#runList(list, desc, file, this.#now),
      freeze: (list, values) => (values === null ? list : substituteMatchVars(list, values)),
      freezeShadow: (list, values) => substituteShadowVars(list, values),
      subst: (text, values) => this.#subst(text, values),
      substShadow: (text, values) => this.#substShadow(text, values),
      log: (level, message) => this.#io.logger.log(level, message),
      countMatch: (rule) => this.#loop.count(rule),
      match: (pattern, varmap) =>
        matchPattern(
          pattern,
          varmap,
          this.#input ?? {
            buffers: this.#buffers,
            cache: this.#cache,
            lookup: this.#lookup,
            intContext: undefined,
          },
        ),
      contextTrue: (context, values) =>
        this.#evaluator.evaluate(context.expr, values, this.#cache, this.#now),
      script: (command, done) => {
        const names = this.contexts.snapshot().flatMap((c) => c.names);
        this.#io.processes.script(command, names.map((n) => `${n}\n`).join(''), done);
      },
      localTime: () => {
        const now = this.#now;
        const t = localTime(now, this.#zone);
        // RT-cal-spec: "last day of month" is "the day-of-month 86,400 s from now is 1" (DST can matter).
        const lastDayOfMonth = localTime(now + 86_400, this.#zone).mday === 1;
        return {
          minute: t.min,
          hour: t.hour,
          day: t.mday,
          month: t.mon,
          year: t.year,
          weekday: t.wday,
          lastDayOfMonth,
        };
      },
    };
    this.#runtimes.set(file, rt);
    return rt;
  }

  #substShadow(text: string, values: MatchValues): string {
    if (!text.includes('%')) return text;
    let t = this.#shadowTemplates.get(text);
    if (t === undefined) {
      t = parseShadowTemplate(text);
      this.#shadowTemplates.set(text, t);
    }
    return substituteShadow(t, values);
  }

  #subst(text: string, values: MatchValues | null): string {
    if (values === null || !text.includes('$')) return text;
    let t = this.#descTemplates.get(text);
    if (t === undefined) {
      t = parseMatchTemplate(text);
      this.#descTemplates.set(text, t);
    }
    return substituteMatch(t, values);
  }

  #runList(list: ActionList, desc: string, file: string, now: number): void {
    runActions(list, { now, desc, file, thisContext: null, quoting: this.#opts.quoting }, this.#ports);
  }

  /** CTX-expiry-action: the list runs with %s saved at create/set and `_THIS` naming the context. */
  #runExpiry(task: ExpiryTask, now: number): void {
    const ports: ActionPorts = { ...this.#ports, contexts: withThis(this.contexts, task.thisName) };
    const env = { now, desc: task.desc, file: '', thisContext: task.thisName, quoting: this.#opts.quoting };
    runActions(task.actions, env, ports);
  }

  /** TM-cleanup: contexts, due delayed events, sockets, then expired operations. */
  cleanup(now: number): void {
    this.#now = now;
    this.contexts.cleanup(now);
    if (this.#pending.length > 0) {
      const still: { due: number; event: EngineEvent }[] = [];
      for (const p of this.#pending) {
        if (now >= p.due) this.#queue.push(p.event);
        else still.push(p);
      }
      this.#pending = still;
    }
    // RT-calendar: checked only here, at every cleanup pass.
    for (const f of this.#config.files) {
      for (const rule of f.rules) {
        if (rule.type === 'Calendar') handlerFor(rule)?.tick?.(rule, this.#runtime(rule.file));
      }
    }
    // TM-cleanup step 5: every operation whose window ran out (each type decides what that means).
    for (const op of [...this.operations.values()]) {
      if (!this.operations.isLive(op)) continue;
      const handler = handlerFor(op.rule);
      if (handler?.expire !== undefined) handler.expire(op as never, this.#runtime(op.rule.file));
      else if (expired(op, now)) this.operations.delete(op.key);
    }
  }

  // ---- EnginePort: what actions ask of the engine ----

  event(text: string, delay: number, context: string | null, now: number): void {
    const event: EngineEvent = { line: text, source: null, context: context ?? SYNTHETIC_CONTEXT };
    if (delay <= 0) this.#queue.push(event);
    else this.#pending.push({ due: now + delay, event });
  }

  reset(file: string, rule: number | null, desc: string): void {
    if (rule !== null) {
      this.operations.delete(operationKey(file, rule, desc));
      return;
    }
    const count = this.#config.files.find((f) => f.file === file)?.rules.length ?? 0;
    for (let n = 0; n < count; n++) this.operations.delete(operationKey(file, n, desc));
  }

  getwpos(file: string, rule: number, desc: string): number | undefined {
    return this.operations.get(operationKey(file, rule, desc))?.start;
  }

  setwpos(file: string, rule: number, desc: string, time: number, now: number): void {
    const op = this.operations.get(operationKey(file, rule, desc));
    if (op === undefined) {
      this.#io.logger.log(
        3,
        `Operation '${operationKey(file, rule, desc)}' does not exist, can't set window position`,
      );
      return;
    }
    if (time === op.start) return; // SEC: already positioned
    if (time < op.start || time > now) {
      this.#io.logger.log(3, `Can't set window position to ${time} for operation '${op.key}'`);
      return;
    }
    const handler = handlerFor(op.rule);
    if (handler?.setwpos !== undefined) handler.setwpos(op, time, this.#runtime(op.rule.file));
    else op.start = time;
  }

  rewrite(count: number, text: string): void {
    const lines = text.split('\n');
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    this.#buffers.rewrite(count, lines);
  }

  addinput(file: string, position: string, context: string): void {
    this.#io.addinput?.(file, position, context, this.#now);
  }

  dropinput(file: string): void {
    this.#buffers.drop(file);
    this.#io.dropinput?.(file);
  }

  sigemul(signal: string): void {
    this.#io.signal?.(signal);
  }

  hasCacheEntry(entry: string): boolean {
    return this.#cache.has(entry);
  }

  /** What a dump shows of the engine's queues, cache and buffers (SIG-USR1). */
  dumpView(): {
    pending: { event: string; time: number; context: string | null }[];
    cache: MatchCache;
    buffer: ReturnType<InputBuffers['snapshot']>;
  } {
    const pending = [
      ...this.#queue.map((e) => ({ event: e.line, time: this.#now, context: e.context })),
      ...this.#pending.map((p) => ({ event: p.event.line, time: p.due, context: p.event.context })),
    ];
    return { pending, cache: this.#cache, buffer: this.#buffers.snapshot() };
  }

  /** The current configuration (dumps, reloads). */
  get config(): Config {
    return this.#config;
  }

  /** The internal context of the event being processed (dumps). */
  get currentInternalContext(): string | undefined {
    return this.#intContext;
  }
}
