import type { Config } from '../../../src/config/load.js';
import type { Engine, EngineOptions } from '../../../src/engine/engine.js';
import { configFrom, engineFor, type Recorder } from '../../support/engine-harness.js';

/** A configuration from in-memory rule files (name → text); random rulesets may hold errors. */
export function loadConfig(files: Record<string, string>): Config {
  return configFrom(files, false);
}

/** An engine over `config` with recording outputs and the prefilter forced on or off. */
export function engineWith(
  config: Config,
  prefilter: boolean,
  extra: Partial<EngineOptions> = {},
): { engine: Engine; rec: Recorder } {
  return engineFor(config, { prefilter, ...extra });
}

/** One line at `now`, then the synthetic events it caused (at most `limit`: a rule may feed itself). */
export function step(engine: Engine, line: string, now: number, limit = 20): void {
  engine.process({ line, source: 'in.log', context: null }, now);
  for (let k = 0, e = engine.nextSynthetic(); k < limit && e !== undefined; k++, e = engine.nextSynthetic())
    engine.process(e, now);
}
