import { statSync } from 'node:fs';
import type { Logger } from './actions/ports.js';
import { expandPatterns } from './cli/index.js';
import { formatDiagnostic } from './config/diagnostics.js';
import { type Config, loadConfig } from './config/load.js';
import { automaticBufsize } from './engine/engine.js';
import { NO_TELEMETRY, type ReloadTelemetry } from './metrics/telemetry.js';

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Re-reads the rule files on SIGHUP and SIGABRT (SIG-HUP, SIG-ABRT): the --conf patterns are
 * expanded again; a full restart reads every file, a soft one only files that are new or whose
 * mtime changed, keeping the rule objects (and so the operations) of the others.
 */
export class ConfigReloader {
  #patterns: readonly string[];
  readonly #bufsize: number;
  readonly #cwd: string;
  readonly #logger: Logger;
  readonly #telemetry: ReloadTelemetry;
  #config: Config;
  #mtimes: Map<string, number>;

  constructor(
    config: Config,
    opts: {
      patterns: readonly string[];
      bufsize: number;
      cwd: string;
      logger: Logger;
      /** Reloads by mode and result (issue 6); a reload fails when a file or rule could not be loaded. */
      telemetry?: ReloadTelemetry;
    },
  ) {
    this.#config = config;
    this.#patterns = opts.patterns;
    this.#bufsize = opts.bufsize;
    this.#cwd = opts.cwd;
    this.#logger = opts.logger;
    this.#telemetry = opts.telemetry ?? NO_TELEMETRY;
    this.#mtimes = new Map(config.files.map((f) => [f.file, mtimeOf(f.file)]));
  }

  /**
   * OPT-bufsize: the explicit value, or the largest N of the loaded patterns, which SEC logs
   * (set_bufsize_option) at start-up and after each re-read of the configuration.
   */
  resolveBufsize(): number {
    if (this.#bufsize > 0) return this.#bufsize;
    const size = automaticBufsize(this.#config);
    this.#logger.log(6, `No --bufsize command line option or --bufsize=0, setting --bufsize to ${size}`);
    return size;
  }

  /** SIG-HUP / SIG-ABRT re-read the options and SECRC (OPT-secrc): the --conf patterns may change. */
  setPatterns(patterns: readonly string[]): void {
    this.#patterns = patterns;
  }

  reload(mode: 'full' | 'soft'): { config: Config; changed: Set<string> } {
    const paths = expandPatterns(this.#patterns, { cwd: this.#cwd });
    const old = new Map(this.#config.files.map((f) => [f.file, f]));
    const mtimes = new Map(paths.map((p) => [p, mtimeOf(p)]));
    const unchanged = (p: string): boolean =>
      mode === 'soft' && old.has(p) && mtimes.get(p) === this.#mtimes.get(p);
    const config = loadConfig(paths, { bufsize: this.#bufsize }, undefined, (p) =>
      unchanged(p) ? old.get(p) : undefined,
    );
    for (const d of config.diagnostics) this.#logger.log(d.severity === 'error' ? 2 : 3, formatDiagnostic(d));
    const changed = new Set<string>();
    for (const f of old.keys()) if (!unchanged(f)) changed.add(f);
    this.#config = config;
    this.#mtimes = mtimes;
    this.#telemetry.configReloaded(mode, config.ok);
    this.#logger.log(
      4,
      `configuration reloaded (${mode}): ${config.files.length} file(s), ${changed.size} changed`,
    );
    return { config, changed };
  }
}
