import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Logger } from '../../actions/ports.js';
import type { MailTelemetry } from '../../metrics/telemetry.js';
import { type MailOptions, type MailSettings, resolveMailSettings } from './config.js';
import type { MailLimits } from './limits.js';
import { LogTransport } from './log-transport.js';
import { MailOutput } from './mail-output.js';
import { Mailer } from './mailer.js';
import { programExists } from './program-lookup.js';
import { type MailTimers, type MailTransport, SYSTEM_TIMERS } from './types.js';

export interface MailSetupDeps {
  readonly logger: Logger;
  readonly telemetry: MailTelemetry;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly timers?: MailTimers;
  readonly now?: () => number;
  /** Replaces the transport the settings call for (tests). */
  readonly transport?: MailTransport;
  readonly limits?: Partial<MailLimits>;
  readonly programExists?: (program: string) => boolean;
}

export interface MailSetup {
  /** The MailPort the action runner uses. */
  readonly port: MailOutput;
  /** The queue: `queued` for the metrics gauge, `close(ms)` at exit. */
  readonly mailer: Mailer;
  readonly settings: MailSettings;
}

/** The settings from options and environment, with problems logged as errors (level 2). */
export function mailSettings(options: MailOptions, deps: MailSetupDeps): MailSettings {
  const { settings, problems } = resolveMailSettings(options, {
    env: deps.env,
    readFile: (path) => readFileSync(path, 'utf8'),
    hostname,
  });
  for (const p of problems) deps.logger.log(2, `Mail: ${p}`);
  return settings;
}

/**
 * Builds the mail output (docs/mail.md): SMTP when a server is configured, else the log
 * transport; the Mailer in front of it; the MailPort in front of that.
 */
export async function createMail(settings: MailSettings, deps: MailSetupDeps): Promise<MailSetup> {
  // nodemailer is loaded only when SMTP is configured: runs without it (SEC-style runs over files,
  // --help) do not pay for loading it.
  const transport =
    deps.transport ??
    (settings.smtp === null
      ? new LogTransport(deps.logger)
      : new (await import('./smtp-transport.js')).SmtpTransport(settings.smtp));
  const mailer = new Mailer({
    transport,
    logger: deps.logger,
    telemetry: deps.telemetry,
    timers: deps.timers ?? SYSTEM_TIMERS,
    now: deps.now ?? Date.now,
    ...(deps.limits === undefined ? {} : { limits: deps.limits }),
  });
  const searchPath = deps.env.PATH;
  const port = new MailOutput({
    mailer,
    logger: deps.logger,
    from: settings.from,
    to: settings.to,
    toExplicit: settings.toExplicit,
    smtp: settings.smtp !== null,
    programExists: deps.programExists ?? ((program) => programExists(program, searchPath)),
  });
  deps.logger.log(
    4,
    `Mail goes to ${transport.address} from ${settings.from}, default recipient ${settings.to.join(', ')}`,
  );
  return { port, mailer, settings };
}
