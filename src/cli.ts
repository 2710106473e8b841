import { expandPatterns, type OptionProblem, parseCommandLine, usageText, versionText } from './cli/index.js';
import { type Diagnostic, formatDiagnostic } from './config/diagnostics.js';
import { loadConfig, type ReadText, readLatin1 } from './config/load.js';
import { embeddedDefaultArgs } from './defaults.js';

/** What the command line needs from the process; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly readFile?: ReadText;
}

function formatProblem(p: OptionProblem): string {
  return `command line: error ${p.code}: ${p.message}`;
}

function summary(diags: readonly Diagnostic[]): string {
  const errors = diags.filter((d) => d.severity === 'error').length;
  return `${errors} error(s), ${diags.length - errors} warning(s)`;
}

/**
 * argv → exit status. Accepts SEC's whole command line (OPT-*). `--testonly` loads the rule files
 * and exits 0 when all are valid, else 1 (OPT-testonly); bad options are reported and replaced by
 * their defaults, as SEC does (OPT-revalidate).
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  let parsed = parseCommandLine(argv, { SECRC: io.env.SECRC });
  const o = parsed.options;
  if (o.conf.length === 0 && o.input.length === 0 && !o.testonly && !parsed.help && !parsed.version) {
    // Started with no rules and no inputs at all: run the embedded default instead of idling.
    parsed = parseCommandLine([...argv, ...embeddedDefaultArgs()], { SECRC: io.env.SECRC });
  }
  for (const p of parsed.problems) io.stderr(`${formatProblem(p)}\n`);
  if (parsed.help) {
    io.stdout(usageText());
    return 0;
  }
  if (parsed.version) {
    io.stdout(versionText());
    return 0;
  }
  const { options } = parsed;
  const files = expandPatterns(options.conf, { cwd: io.cwd });
  const config = loadConfig(files, { bufsize: options.bufsize }, io.readFile ?? readLatin1);
  for (const d of config.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
  const rules = config.files.reduce((n, f) => n + f.rules.length, 0);
  if (options.testonly) {
    io.stderr(
      `${rules} rule(s) loaded from ${config.files.length} file(s); ${summary(config.diagnostics)}\n`,
    );
    return config.ok ? 0 : 1;
  }
  io.stderr(
    `syscorr: ${rules} rule(s) loaded from ${config.files.length} file(s); ${summary(config.diagnostics)}\n` +
      'syscorr: event processing is not available in this build yet (the correlation engine is being built);\n' +
      'syscorr: use --testonly to check rule files.\n',
  );
  return 0;
}
