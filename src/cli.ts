import { runApp } from './app.js';
import { expandPatterns, type OptionProblem, parseCommandLine, usageText, versionText } from './cli/index.js';
import { type Diagnostic, formatDiagnostic } from './config/diagnostics.js';
import { loadConfig, type ReadText, readLatin1 } from './config/load.js';
import { embeddedDefaultArgs } from './defaults.js';
import { createLogger } from './log.js';
import { applyIdentity, writePidFile } from './process-setup.js';
import { syslogSink } from './syslog-sink.js';

/** What the command line needs from the process; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly readFile?: ReadText;
  readonly stderrIsTty?: boolean;
  /** Starts the same program in the background with these arguments (OPT-detach). */
  readonly detach?: (args: readonly string[]) => void;
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
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: readonly string[] = argv;
  let parsed = parseCommandLine(args, { SECRC: io.env.SECRC });
  const o = parsed.options;
  if (o.conf.length === 0 && o.input.length === 0 && !o.testonly && !parsed.help && !parsed.version) {
    // Started with no rules and no inputs at all: run the embedded default instead of idling.
    args = [...argv, ...embeddedDefaultArgs()];
    parsed = parseCommandLine(args, { SECRC: io.env.SECRC });
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
  if (options.detach && !options.testonly && io.env.SYSCORR_DETACHED === undefined) {
    // OPT-detach: run in the background with stdio on /dev/null and cwd '/', so relative
    // --conf/--input paths break exactly as with SEC; '-' as an input is refused.
    if (options.input.some((i) => i.pattern === '-')) {
      io.stderr("syscorr: can't detach while standard input ('-') is an input\n");
      return 1;
    }
    if (io.detach === undefined) return 1;
    io.detach(args);
    return 0;
  }
  const identity = applyIdentity(options);
  if (identity !== null) {
    io.stderr(`syscorr: ${identity}\n`);
    return 1;
  }
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
  // OPT-log: SEC logs to stderr only on a tty; an appliance without --log must still say what is
  // wrong, so syscorr then prints notices, warnings and errors (levels 1-4) to stderr.
  const syslog = options.syslog === null ? null : syslogSink(options.syslog);
  if (options.syslog !== null && syslog === null)
    io.stderr(`syscorr: unknown syslog facility '${options.syslog}'\n`);
  const toStderr = io.stderrIsTty === true || (options.log === null && syslog === null);
  const logger = createLogger({
    debug: options.debug,
    stderrLevel: io.stderrIsTty === true ? options.debug : Math.min(options.debug, 4),
    file: options.log,
    syslog,
    stderr: toStderr ? io.stderr : null,
    now: () => Math.floor(Date.now() / 1000),
  });
  logger.log(
    4,
    `syscorr: ${rules} rule(s) loaded from ${config.files.length} file(s); ${summary(config.diagnostics)}`,
  );
  if (options.pid !== null) {
    const failed = writePidFile(options.pid);
    if (failed !== null) {
      logger.log(1, failed);
      return 1;
    }
  }
  return runApp(options, config, {
    logger,
    cwd: io.cwd,
    setDebug: (level) => logger.setDebug(level),
    reopenLog: () => logger.reopen(),
    commandLine: parsed.commandLine,
    reparse: () => parseCommandLine(args, { SECRC: io.env.SECRC }).options,
    rcFile: parsed.rcFile,
  });
}
