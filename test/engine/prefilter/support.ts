import { type Config, loadRuleText } from '../../../src/config/load.js';
import { automaticBufsize, Engine, type EngineOptions } from '../../../src/engine/engine.js';
import { Recorder, recordingLogger } from '../../support/engine-harness.js';

/** A configuration from in-memory rule files (name → text); Options rules build the jump sets. */
export function loadConfig(files: Record<string, string>): Config {
  const loaded = Object.entries(files).map(([name, text]) => loadRuleText(text, name, { bufsize: 0 }).file);
  const sets = new Map<string, string[]>();
  for (const f of loaded) for (const s of f.options.joincfset) sets.set(s, [...(sets.get(s) ?? []), f.file]);
  const mainFiles = loaded.filter((f) => f.options.procallin).map((f) => f.file);
  return { files: loaded, sets, mainFiles, diagnostics: [], ok: true };
}

/** An engine over `config` with recording outputs and the prefilter forced on or off. */
export function engineWith(
  config: Config,
  prefilter: boolean,
  extra: Partial<EngineOptions> = {},
): { engine: Engine; rec: Recorder } {
  const rec = new Recorder();
  const opts: EngineOptions = {
    bufsize: automaticBufsize(config),
    jointbuf: false,
    intcontexts: false,
    quoting: false,
    evstoresize: 0,
    prefilter,
    ...extra,
  };
  const engine = new Engine(config, opts, { outputs: rec, processes: rec, logger: recordingLogger(rec) });
  return { engine, rec };
}

/** One line at `now`, then the synthetic events it caused (at most `limit`: a rule may feed itself). */
export function step(engine: Engine, line: string, now: number, limit = 20): void {
  engine.process({ line, source: 'in.log', context: null }, now);
  for (let k = 0, e = engine.nextSynthetic(); k < limit && e !== undefined; k++, e = engine.nextSynthetic())
    engine.process(e, now);
}
