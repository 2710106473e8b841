import { setTimeout as sleep, setImmediate as yieldToIo } from 'node:timers/promises';
import type { Logger } from './actions/ports.js';
import { expandGlob, type SecOptions } from './cli/index.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config/load.js';
import { dumpState } from './dump.js';
import { renderDump, writeDump } from './engine/dump/index.js';
import { Engine } from './engine/engine.js';
import { MainLoop } from './engine/loop.js';
import { processZone } from './engine/variables/index.js';
import { InputSet } from './inputs/index.js';
import { fileInputs, lineSource } from './inputs/line-source.js';
import { planListeners } from './inputs/listener-plan.js';
import type { NetworkInput } from './inputs/network-input.js';
import { networkInput } from './inputs/network-setup.js';
import { metricsEndpoint } from './metrics/endpoint.js';
import { NO_TELEMETRY } from './metrics/telemetry.js';
import { Outputs, Processes } from './outputs/index.js';
import { createMail, mailSettings } from './outputs/mail/index.js';
import { ConfigReloader } from './reload.js';

/**
 * Signals handled as SEC does (SIG-*); handlers only set flags. SIGINT is left to Node's default
 * when stdin is a terminal, as SEC installs its handler only when not in the foreground.
 */
function handledSignals(): NodeJS.Signals[] {
  const always: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGABRT', 'SIGUSR1', 'SIGUSR2'];
  return process.stdin.isTTY ? always : [...always, 'SIGINT'];
}

/**
 * SEC's sleep when no input had data (OPT-poll-timeout), cut short when a syslog message arrives:
 * a network event should not wait up to --poll-timeout (0.1 s by default) for the loop.
 */
function idleWait(ms: number, listeners: NetworkInput | null): Promise<void> {
  if (listeners === null) return sleep(ms);
  return new Promise((resolve) => {
    let cancel = (): void => {};
    const done = (): void => {
      clearTimeout(timer);
      cancel();
      resolve();
    };
    const timer = setTimeout(done, ms);
    cancel = listeners.onNextMessage(done);
  });
}

/** How many events run back to back before the loop lets Node's I/O (stdin, pipes) progress. */
const BATCH = 256;

/** How long pending mails may take to go out at exit. */
const MAIL_FLUSH_MS = 5000;

export interface AppDeps {
  readonly clock?: Clock;
  readonly logger: Logger;
  readonly cwd: string;
  readonly setDebug?: (level: number) => void;
  /** Reopens the --log file (SEC open_logfile on SIGHUP, SIGABRT and SIGUSR2). */
  readonly reopenLog?: () => void;
  /** The command line and SECRC status as SEC shows them in dumps. */
  readonly commandLine?: string;
  readonly rcFile?: string;
  /** Parses the command line and SECRC again (SIG-HUP, SIG-ABRT). */
  readonly reparse?: () => SecOptions;
}

/**
 * The composition root (GUIDE): builds inputs, engine and outputs from the options, owns the real
 * clock and the real sleeps, and runs SEC's main loop until --notail input ends (IN-notail-exit).
 */
export async function runApp(options: SecOptions, config: Config, deps: AppDeps): Promise<number> {
  const clock = deps.clock ?? systemClock;
  const { logger } = deps;
  let debug = options.debug;
  const zone = processZone();
  const startTime = clock.now();
  let configLoadTime = startTime;
  // Issue 6: the emitters exist first so every component is built with them; the endpoint binds
  // once the listeners are up. On by default with listeners (appliance), off for runs over files.
  const hasListeners = options.input.some((i) => i.kind !== 'file');
  // prom-client (~40 ms of start-up) is loaded only when metrics will be served.
  const endpoint = metricsEndpoint(options.metrics, hasListeners);
  const metrics =
    endpoint === null
      ? null
      : (await import('./metrics/index.js')).Metrics.at(endpoint, { logger, now: () => clock.now() });
  metrics?.telemetry.configLoaded(config.ok);
  const telemetry = metrics?.telemetry ?? NO_TELEMETRY;
  // syscorr-mail: SMTP from --smtp / SYSCORR_SMTP_URL[_FILE], else mail goes to the log.
  const mailDeps = { logger, telemetry, env: process.env };
  const mail = await createMail(mailSettings(options, mailDeps), mailDeps);
  const reloader = new ConfigReloader(config, {
    patterns: options.conf,
    bufsize: options.bufsize,
    cwd: deps.cwd,
    logger,
    telemetry,
  });
  const outputs = new Outputs({ logger, socketTimeout: options.socketTimeout });
  const processes = new Processes({ logger, telemetry });
  const inputs = new InputSet(fileInputs(options), {
    tail: options.tail,
    fromstart: options.fromstart,
    reopenTimeout: options.reopenTimeout,
    checkTimeout: options.checkTimeout,
    rwfifo: options.rwfifo,
    blocksize: options.blocksize,
    inputTimeout: options.inputTimeout,
    timeoutScript: options.timeoutScript,
    cwd: deps.cwd,
    expand: (pattern) => expandGlob(pattern, { cwd: deps.cwd }),
    logger,
    // OPT-input-timeout: the script runs without a shell (SEC 2.9.0+).
    runTimeoutScript: (argv) => processes.run({ argv }),
  });
  const engine = new Engine(
    config,
    {
      bufsize: reloader.resolveBufsize(),
      jointbuf: options.jointbuf,
      intcontexts: options.intcontexts,
      quoting: options.quoting,
      evstoresize: options.evstoresize,
      zone,
      ...(options.ruleperf
        ? {
            cpuTime: () => {
              const u = process.cpuUsage();
              return (u.user + u.system) / 1e6;
            },
          }
        : {}),
    },
    {
      outputs,
      processes,
      logger,
      addinput: (file, position, context, now) => inputs.addinput(file, position, context, now),
      dropinput: (file) => inputs.dropinput(file),
      signal: (name) => loop.raise(name),
      telemetry,
      mail: mail.port,
    },
  );
  inputs.open(clock.now());
  const plan = planListeners(options.input, zone);
  if (plan.errors.length > 0) {
    for (const e of plan.errors) logger.log(1, e);
    inputs.close();
    return 1;
  }
  let listeners: NetworkInput | null = null;
  if (plan.specs.length > 0) {
    listeners = networkInput(options, plan, { logger, telemetry });
    try {
      await listeners.start();
    } catch (err) {
      // Issue 5: a bind error is a clear start-up error naming the address.
      logger.log(1, err instanceof Error ? err.message : String(err));
      inputs.close();
      return 1;
    }
    for (const a of listeners.addresses()) {
      // Issue 5: the receive buffer the kernel granted (Linux doubles the request, caps it at rmem_max).
      const buffer = a.recvBuffer === undefined ? '' : `, receive buffer ${a.recvBuffer} bytes`;
      logger.log(4, `Listening on ${a.spec.url} (${a.address} port ${a.port}${buffer})`);
    }
  }
  const failed =
    (await metrics?.start({ engine, children: processes, listeners, mail: mail.mailer })) ?? null;
  if (failed !== null) {
    // Issue 6: an explicit --metrics address that cannot be bound is a start-up error.
    logger.log(1, failed);
    inputs.close();
    await listeners?.close();
    return 1;
  }
  const source = lineSource(inputs, listeners);
  const loop = new MainLoop(engine, source, processes, clock, {
    // Issue 6: events by kind and, for network messages, receipt → rules done.
    processed:
      metrics === null
        ? undefined
        : (kind) => {
            const at = kind === 'input' ? source.receivedAt : null;
            telemetry.eventProcessed(kind, at === null ? null : (performance.now() - at) / 1000);
          },
    tail: options.tail,
    cleantime: options.cleantime,
    intevents: options.intevents,
    closeOutputs: () => {
      // SIG-USR2: log rotation; the log file is reopened too.
      outputs.closeAll();
      deps.reopenLog?.();
    },
    restart: (mode) => {
      // SIG-HUP / SIG-ABRT: close outputs, (HUP) stop children, re-read rules, reopen inputs at EOF.
      outputs.closeAll();
      deps.reopenLog?.();
      if (mode === 'full' && options.childterm) processes.terminateAll();
      // SEC re-reads its options and SECRC file too; the --conf and --input patterns may change.
      const fresh = deps.reparse?.() ?? options;
      reloader.setPatterns(fresh.conf);
      const { config: next, changed } = reloader.reload(mode);
      const now = clock.now();
      engine.restart(next, reloader.resolveBufsize(), mode, changed, now);
      configLoadTime = now;
      const specs = fileInputs(fresh);
      inputs.reopenAll(
        now,
        mode === 'soft' && options.keepopen,
        mode === 'full' ? { forgetDynamic: true, specs } : { specs },
      );
    },
    dump: () => {
      // SIG-USR1: the dump goes to --dump, never over an existing file (OPT-dump).
      const now = clock.now();
      const state = dumpState(
        {
          engine,
          inputs,
          options,
          commandLine: deps.commandLine ?? '',
          rcFile: deps.rcFile ?? 'none',
          zone,
          startTime,
          configLoadTime,
        },
        now,
      );
      const r = writeDump(options.dump, renderDump(state, options.dumpfjson ? 'json' : 'text'), now, {
        dumpfts: options.dumpfts,
      });
      if (r.error !== null) logger.log(r.level ?? 3, r.error);
      else logger.log(4, `Dumping data to ${r.file}`);
    },
    cycleDebug: () => {
      // SIG-INT: 6 wraps to 1.
      debug = debug >= 6 ? 1 : debug + 1;
      deps.setDebug?.(debug);
      // SEC logs this line with no level, so it is always written: level 1 passes every filter.
      logger.log(1, `Setting debug level to ${debug}`);
    },
    logger,
  });
  const onSignal = (sig: NodeJS.Signals): void => loop.raise(sig);
  const signals = handledSignals();
  for (const sig of signals) process.on(sig, onSignal);
  loop.start();
  if (metrics !== null) metrics.ready = true;
  for (;;) {
    const result = loop.burst(BATCH);
    if (result === 'exit') break;
    if (result === 'idle') await idleWait(options.pollTimeout * 1000, listeners);
    else await yieldToIo();
  }
  for (const sig of signals) process.off(sig, onSignal);
  if (metrics !== null) metrics.ready = false;
  if (options.childterm) processes.terminateAll();
  inputs.close();
  await listeners?.close();
  // Issue 6: what is still queued will not be processed (stage shutdown).
  if (listeners !== null && metrics !== null)
    for (let l = listeners.discard(); l !== null; l = listeners.discard())
      metrics.telemetry.droppedAtShutdown(l);
  // syscorr-mail: pending mails get a bounded time to go out; the rest are dropped and counted.
  await mail.mailer.close(MAIL_FLUSH_MS);
  await metrics?.close();
  outputs.closeAll();
  return 0;
}
