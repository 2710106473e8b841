import type { Command, Logger, OutputPort, ProcessPort } from '../../src/actions/ports.js';
import { type Config, loadRuleText } from '../../src/config/load.js';
import { automaticBufsize, Engine, type EngineOptions } from '../../src/engine/engine.js';

/** Records what actions did, in order, as readable strings. */
export class Recorder implements OutputPort, ProcessPort {
  readonly calls: string[] = [];
  readonly logs: string[] = [];
  readonly scripts: { command: Command; stdin: string; done: (code: number) => void }[] = [];

  write(file: string, text: string, newline: boolean): void {
    this.calls.push(`${newline ? 'write' : 'writen'} ${file} ${text}`);
  }
  owritecl(file: string, text: string): void {
    this.calls.push(`owritecl ${file} ${text}`);
  }
  closef(file: string): void {
    this.calls.push(`closef ${file}`);
  }
  udgram(path: string, text: string): void {
    this.calls.push(`udgram ${path} ${text}`);
  }
  closeudgr(path: string): void {
    this.calls.push(`closeudgr ${path}`);
  }
  ustream(path: string, text: string): void {
    this.calls.push(`ustream ${path} ${text}`);
  }
  closeustr(path: string): void {
    this.calls.push(`closeustr ${path}`);
  }
  udpsock(peer: string, text: string): void {
    this.calls.push(`udpsock ${peer} ${text}`);
  }
  closeudp(peer: string): void {
    this.calls.push(`closeudp ${peer}`);
  }
  tcpsock(peer: string, text: string): void {
    this.calls.push(`tcpsock ${peer} ${text}`);
  }
  closetcp(peer: string): void {
    this.calls.push(`closetcp ${peer}`);
  }
  run(command: Command): void {
    this.calls.push(`run ${'shell' in command ? command.shell : command.argv.join(' ')}`);
  }
  spawn(command: Command, context: string): void {
    this.calls.push(`spawn[${context}] ${'shell' in command ? command.shell : command.argv.join(' ')}`);
  }
  pipe(command: Command | null, data: string): void {
    const cmd = command === null ? '-' : 'shell' in command ? command.shell : command.argv.join(' ');
    this.calls.push(`pipe ${cmd} ${JSON.stringify(data)}`);
  }
  script(command: Command, stdin: string, done: (code: number) => void): void {
    this.scripts.push({ command, stdin, done });
  }

  /** Just the text of `write -` calls. */
  get stdout(): string[] {
    return this.calls.filter((c) => c.startsWith('write - ')).map((c) => c.slice('write - '.length));
  }
}

export function recordingLogger(rec: Recorder): Logger {
  return { log: (level, message) => rec.logs.push(`${level} ${message}`) };
}

/**
 * The configuration of in-memory rule files (name → text), as the loader builds it: Options
 * rules make the jump sets and the main files. `strict`: rule-file errors throw.
 */
export function configFrom(files: Record<string, string>, strict = true): Config {
  const loaded = Object.entries(files).map(([name, text]) => loadRuleText(text, name, { bufsize: 0 }));
  if (strict) {
    const errors = loaded.flatMap((l) => l.diagnostics.filter((d) => d.severity === 'error'));
    if (errors.length > 0) throw new Error(`rule file errors: ${JSON.stringify(errors)}`);
  }
  const ruleFiles = loaded.map((l) => l.file);
  const sets = new Map<string, string[]>();
  for (const f of ruleFiles)
    for (const s of f.options.joincfset) sets.set(s, [...(sets.get(s) ?? []), f.file]);
  return {
    files: ruleFiles,
    sets,
    mainFiles: ruleFiles.filter((f) => f.options.procallin).map((f) => f.file),
    diagnostics: [],
    ok: true,
  };
}

/** An engine over `config` with recording outputs; `opts` over the defaults of a plain run. */
export function engineFor(
  config: Config,
  opts: Partial<EngineOptions> = {},
): { engine: Engine; rec: Recorder } {
  const given = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
  const rec = new Recorder();
  const engine = new Engine(
    config,
    {
      bufsize: automaticBufsize(config),
      jointbuf: false,
      intcontexts: false,
      quoting: false,
      evstoresize: 0,
      ...given,
    },
    { outputs: rec, processes: rec, logger: recordingLogger(rec) },
  );
  return { engine, rec };
}

/** An engine over in-memory rule files (name → text), with recording outputs. */
export function makeEngine(
  files: Record<string, string>,
  opts: Partial<EngineOptions> = {},
): { engine: Engine; rec: Recorder; config: Config } {
  const config = configFrom(files);
  return { ...engineFor(config, opts), config };
}

/** Feeds lines from one file source at time `now`, draining synthetic events after each (IN-order). */
export function feed(engine: Engine, lines: readonly string[], now: number, source = 'input.log'): void {
  for (const line of lines) {
    engine.process({ line, source, context: null }, now);
    for (let e = engine.nextSynthetic(); e !== undefined; e = engine.nextSynthetic()) engine.process(e, now);
  }
}
