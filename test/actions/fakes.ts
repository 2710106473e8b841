import { expect } from 'vitest';
import type {
  ActionPorts,
  Command,
  ContextPort,
  EnginePort,
  LogLevel,
  OutputPort,
  ProcessPort,
  RunEnv,
  VariablePort,
} from '../../src/actions/index.js';
import { type ActionList, parseActionList } from '../../src/config/action-list/index.js';

/** Parses an action list and fails the test on any load problem. */
export function parse(text: string, ruleNumber = 0): ActionList {
  const { list, problems } = parseActionList(text, { ruleNumber });
  expect(problems).toEqual([]);
  return list;
}

export function env(overrides: Partial<RunEnv> = {}): RunEnv {
  return { now: 1000, desc: 'DESC', file: 'rules.sec', thisContext: null, quoting: false, ...overrides };
}

interface Ctx {
  names: Set<string>;
  ctime: number;
  lifetime: number;
  lines: { text: string; time: number }[];
  actions: ActionList | null;
  desc: string;
}

/** A context store that behaves as SEC's for the cases the tests use (no internal contexts). */
export class FakeContexts implements ContextPort {
  readonly byName = new Map<string, Ctx>();
  readonly calls: string[] = [];

  #splitAdd(name: string, text: string, now: number, where: 'end' | 'start'): void {
    let ctx = this.byName.get(name);
    if (ctx === undefined) {
      ctx = { names: new Set([name]), ctime: now, lifetime: 0, lines: [], actions: null, desc: '' };
      this.byName.set(name, ctx);
    }
    const pieces = text.split('\n');
    while (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
    const entries = pieces.map((t) => ({ text: t, time: now }));
    if (where === 'end') ctx.lines.push(...entries);
    else ctx.lines.unshift(...entries);
  }
  create(name: string, lifetime: number, actions: ActionList | null, desc: string, now: number): void {
    this.calls.push(`create ${name} ${lifetime} ${actions === null ? '-' : actions.actions.length} ${desc}`);
    const old = this.byName.get(name);
    if (old !== undefined) Object.assign(old, { ctime: now, lifetime, actions, desc, lines: [] });
    else this.byName.set(name, { names: new Set([name]), ctime: now, lifetime, lines: [], actions, desc });
  }
  set(name: string, lifetime: number | null, actions: ActionList | null, desc: string, now: number): void {
    this.calls.push(
      `set ${name} ${lifetime ?? '-'} ${actions === null ? '-' : actions.actions.length} ${desc}`,
    );
    const ctx = this.byName.get(name);
    if (ctx === undefined) return;
    if (lifetime !== null) Object.assign(ctx, { ctime: now, lifetime });
    if (actions !== null) Object.assign(ctx, { actions, desc });
  }
  delete(name: string): void {
    this.calls.push(`delete ${name}`);
    for (const n of this.byName.get(name)?.names ?? []) this.byName.delete(n);
  }
  obsolete(name: string, now: number): void {
    this.calls.push(`obsolete ${name} ${now}`);
    for (const n of this.byName.get(name)?.names ?? []) this.byName.delete(n);
  }
  alias(name: string, alias: string): void {
    this.calls.push(`alias ${name} ${alias}`);
    const ctx = this.byName.get(name);
    if (ctx === undefined) return;
    ctx.names.add(alias);
    this.byName.set(alias, ctx);
  }
  unalias(alias: string): void {
    this.calls.push(`unalias ${alias}`);
    this.byName.get(alias)?.names.delete(alias);
    this.byName.delete(alias);
  }
  add(name: string, text: string, now: number): void {
    this.#splitAdd(name, text, now, 'end');
  }
  prepend(name: string, text: string, now: number): void {
    this.#splitAdd(name, text, now, 'start');
  }
  fill(name: string, text: string, now: number): void {
    const ctx = this.byName.get(name);
    if (ctx !== undefined) ctx.lines = [];
    this.#splitAdd(name, text, now, 'end');
  }
  lines(name: string): readonly string[] | undefined {
    return this.byName.get(name)?.lines.map((l) => l.text);
  }
  empty(name: string): string[] | undefined {
    const ctx = this.byName.get(name);
    if (ctx === undefined) return undefined;
    const out = ctx.lines.map((l) => l.text);
    ctx.lines = [];
    return out;
  }
  pop(name: string): string | undefined {
    const ctx = this.byName.get(name);
    return ctx === undefined ? undefined : (ctx.lines.pop()?.text ?? '');
  }
  shift(name: string): string | undefined {
    const ctx = this.byName.get(name);
    return ctx === undefined ? undefined : (ctx.lines.shift()?.text ?? '');
  }
  trim(name: string, before: number): string[] | undefined {
    const ctx = this.byName.get(name);
    if (ctx === undefined) return undefined;
    this.calls.push(`trim ${name} ${before}`);
    const gone = ctx.lines.filter((l) => l.time < before).map((l) => l.text);
    ctx.lines = ctx.lines.filter((l) => l.time >= before);
    return gone;
  }
  ctime(name: string): number | undefined {
    return this.byName.get(name)?.ctime;
  }
  exists(name: string): boolean {
    return this.byName.has(name);
  }
  size(name: string): number | undefined {
    return this.byName.get(name)?.lines.length;
  }
  aliases(name: string): string[] | undefined {
    const ctx = this.byName.get(name);
    return ctx === undefined ? undefined : [...ctx.names].sort();
  }
  lifetime(name: string): number | undefined {
    return this.byName.get(name)?.lifetime;
  }
  setLifetime(name: string, lifetime: number, now: number): void {
    this.calls.push(`setLifetime ${name} ${lifetime} ${now}`);
    const ctx = this.byName.get(name);
    if (ctx !== undefined) ctx.lifetime = lifetime;
  }
  setCtime(name: string, time: number, now: number): void {
    this.calls.push(`setCtime ${name} ${time} ${now}`);
    const ctx = this.byName.get(name);
    if (ctx !== undefined) ctx.ctime = time;
  }
}

/** User variables plus the few built-ins the tests use (%.nl, %.sp, %.tab, %u). */
export class FakeVariables implements VariablePort {
  readonly values = new Map<string, string | undefined>();
  readonly gets: string[] = [];
  get(name: string, now: number): string | undefined {
    this.gets.push(name);
    if (name === '.nl') return '\n';
    if (name === '.sp') return ' ';
    if (name === '.tab') return '\t';
    if (name === 'u') return String(now);
    return this.values.get(name);
  }
  set(name: string, value: string | undefined): void {
    this.values.set(name, value);
  }
  free(name: string): void {
    this.values.delete(name);
  }
}

/** Records every call as [method, ...args]. */
class Recorder {
  readonly calls: unknown[][] = [];
  protected record(...call: unknown[]): void {
    this.calls.push(call);
  }
}

export class FakeOutputs extends Recorder implements OutputPort {
  /** What `write -`, `writen -` and `owritecl -` put on standard output. */
  stdout = '';
  write(file: string, text: string, newline: boolean): void {
    this.record('write', file, text, newline);
    if (file === '-') this.stdout += newline ? `${text}\n` : text;
  }
  owritecl(file: string, text: string): void {
    this.record('owritecl', file, text);
    if (file === '-') this.stdout += text;
  }
  closef(file: string): void {
    this.record('closef', file);
  }
  udgram(path: string, text: string): void {
    this.record('udgram', path, text);
  }
  closeudgr(path: string): void {
    this.record('closeudgr', path);
  }
  ustream(path: string, text: string, now: number): void {
    this.record('ustream', path, text, now);
  }
  closeustr(path: string): void {
    this.record('closeustr', path);
  }
  udpsock(peer: string, text: string): void {
    this.record('udpsock', peer, text);
  }
  closeudp(peer: string): void {
    this.record('closeudp', peer);
  }
  tcpsock(peer: string, text: string, now: number): void {
    this.record('tcpsock', peer, text, now);
  }
  closetcp(peer: string): void {
    this.record('closetcp', peer);
  }
}

export class FakeProcesses extends Recorder implements ProcessPort {
  run(command: Command): void {
    this.record('run', command);
  }
  spawn(command: Command, context: string): void {
    this.record('spawn', command, context);
  }
  pipe(command: Command | null, data: string): void {
    this.record('pipe', command, data);
  }
}

export class FakeEngine extends Recorder implements EnginePort {
  readonly windows = new Map<string, number>();
  readonly cache = new Set<string>();
  event(text: string, delay: number, context: string | null, now: number): void {
    this.record('event', text, delay, context, now);
  }
  reset(file: string, rule: number | null, desc: string): void {
    this.record('reset', file, rule, desc);
  }
  getwpos(file: string, rule: number, desc: string): number | undefined {
    return this.windows.get(`${file}|${rule}|${desc}`);
  }
  setwpos(file: string, rule: number, desc: string, time: number, now: number): void {
    this.record('setwpos', file, rule, desc, time, now);
  }
  rewrite(count: number, text: string): void {
    this.record('rewrite', count, text);
  }
  addinput(file: string, position: string, context: string): void {
    this.record('addinput', file, position, context);
  }
  dropinput(file: string): void {
    this.record('dropinput', file);
  }
  sigemul(signal: string): void {
    this.record('sigemul', signal);
  }
  hasCacheEntry(entry: string): boolean {
    return this.cache.has(entry);
  }
}

export class FakeLogger {
  readonly entries: { level: LogLevel; message: string }[] = [];
  log(level: LogLevel, message: string): void {
    this.entries.push({ level, message });
  }
  /** Messages at `level` or more severe (warnings = 3). */
  atMost(level: LogLevel): string[] {
    return this.entries.filter((e) => e.level <= level).map((e) => e.message);
  }
}

export interface Fakes extends ActionPorts {
  readonly contexts: FakeContexts;
  readonly variables: FakeVariables;
  readonly outputs: FakeOutputs;
  readonly processes: FakeProcesses;
  readonly engine: FakeEngine;
  readonly logger: FakeLogger;
}

export function fakes(): Fakes {
  return {
    contexts: new FakeContexts(),
    variables: new FakeVariables(),
    outputs: new FakeOutputs(),
    processes: new FakeProcesses(),
    engine: new FakeEngine(),
    logger: new FakeLogger(),
  };
}
