import type { ChildProcess } from 'node:child_process';
import type { Command, Logger, ProcessPort } from '../actions/ports.js';
import type { Reaped } from '../engine/loop.js';
import { type ChildTelemetry, NO_TELEMETRY } from '../metrics/telemetry.js';
import { errorCode, errorText } from './errors.js';
import { type StdoutWriter, writeStdoutSync } from './files.js';
import { commandText, type LaunchMode, launch } from './launch.js';
import { SpawnLines } from './spawn-lines.js';

/** Unreleased spawn output above which the child's pipe is paused (it then blocks, as in SEC). */
const PAUSE_BYTES = 64 * 1024;

/** spawn() errors that mean the process could not be created at all (SEC: "Could not fork"). */
const FORK_ERRORS = new Set(['EAGAIN', 'ENOMEM']);

interface Child {
  readonly proc: ChildProcess | null;
  readonly cmd: string;
  /** Spawn family only: the buffered stdout and the internal context of its events. */
  readonly output: SpawnLines | null;
  readonly context: string;
  /** SingleWithScript only (RT-swscript-exit). */
  readonly done: ((exitCode: number) => void) | null;
  /** `$? >> 8`: null while running; a signal gives 0, an exec failure 1. */
  exitCode: number | null;
  forkFailed: boolean;
  /** Exited and every stdio pipe closed: all output has been read. */
  finished: boolean;
}

/** What reap() answers while no child runs: every loop iteration, so it is not built anew. */
const NOTHING_REAPED: Reaped = Object.freeze({
  lines: Object.freeze([]),
  completions: Object.freeze([]),
  producedOutput: false,
});

export interface ProcessesDeps {
  readonly logger: Logger;
  /** Standard output for pipe/report without a command; defaults to synchronous writes to fd 1. */
  readonly stdoutWrite?: StdoutWriter;
  /** Children started and ended (issue 6); NO_TELEMETRY by default. */
  readonly telemetry?: ChildTelemetry;
}

/**
 * SEC's child processes (sec-features 8). Children run asynchronously and never stall the
 * engine; what they produce (spawn lines, SingleWithScript results, exit logs) is handed over
 * only in reap(), which the main loop calls every iteration (CH-reap).
 */
export class Processes implements ProcessPort {
  readonly #logger: Logger;
  readonly #stdout: StdoutWriter;
  readonly #telemetry: ChildTelemetry;
  /** Tracked until reaped, in start order (SEC %children). */
  readonly #children = new Set<Child>();
  #idleWaiters: (() => void)[] = [];

  constructor(deps: ProcessesDeps) {
    this.#logger = deps.logger;
    this.#stdout = deps.stdoutWrite ?? writeStdoutSync;
    this.#telemetry = deps.telemetry ?? NO_TELEMETRY;
  }

  /** SEC ACT-shellcmd / ACT-cmdexec (CH-fire-forget). */
  run(command: Command): void {
    this.#start(command, { captureStdout: false, feedStdin: false }, null, '', null);
  }

  /** SEC ACT-spawn family: stdout lines become events with internal context `context`. */
  spawn(command: Command, context: string): void {
    this.#start(command, { captureStdout: true, feedStdin: false }, null, context, null);
  }

  /** SEC ACT-pipe / ACT-report family (CH-helper); no command (or an empty one) means stdout. */
  pipe(command: Command | null, data: string): void {
    if (command === null || ('argv' in command ? command.argv.length === 0 : command.shell === '')) {
      try {
        this.#stdout(data);
      } catch (error) {
        this.#logger.log(6, `Error when writing to standard output (${errorText(error)})`);
      }
      return;
    }
    this.#start(command, { captureStdout: false, feedStdin: true }, data, '', null);
  }

  /** SingleWithScript: runs the script with the context names on stdin; `done(exitCode)` is queued for the engine (CH-reap). */
  script(command: Command, stdin: string, done: (exitCode: number) => void): void {
    this.#start(command, { captureStdout: false, feedStdin: true }, stdin, '', done);
  }

  /** CH-reap: completions (script callbacks) and spawn lines ready now. `synthQueueEmpty` implements the flow control. */
  reap(synthQueueEmpty: boolean): Reaped {
    if (this.#children.size === 0) return NOTHING_REAPED;
    const lines: { text: string; context: string }[] = [];
    const completions: (() => void)[] = [];
    let producedOutput = false;
    for (const child of this.#children) {
      // IN-order: output is read only while the synthetic queue is empty, except that an exited
      // child's remaining output is taken unconditionally.
      if (child.output !== null && (synthQueueEmpty || child.exitCode !== null)) {
        const taken = child.output.take();
        if (taken.received) producedOutput = true;
        for (const text of taken.lines) lines.push({ text, context: child.context });
        if (child.proc?.stdout?.isPaused() === true) child.proc.stdout.resume();
      }
      if (child.finished) {
        this.#children.delete(child);
        this.#reaped(child, completions);
      }
    }
    return { lines, completions, producedOutput };
  }

  /** Children started and not yet reaped. */
  get running(): number {
    return this.#children.size;
  }

  /** CH-childterm: SIGTERM to every child still running (--childterm, on exit and HUP). */
  terminateAll(): void {
    for (const child of this.#children) {
      const pid = child.proc?.pid;
      if (child.exitCode !== null || pid === undefined) continue;
      this.#logger.log(4, `Sending SIGTERM to process ${pid}`);
      child.proc?.kill('SIGTERM');
    }
  }

  /** Resolves when every child has exited and all its output was read (for --notail tests). */
  idle(): Promise<void> {
    if (this.#allFinished()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #reaped(child: Child, completions: (() => void)[]): void {
    if (child.forkFailed) return;
    const code = child.exitCode ?? 0;
    const pid = child.proc?.pid ?? '(none)';
    const { done } = child;
    if (done !== null) {
      this.#logger.log(6, `Child ${pid} terminated with exitcode ${code}`);
      completions.push(() => done(code));
    } else if (code !== 0) {
      this.#logger.log(3, `Child ${pid} terminated with non-zero exitcode ${code} (${child.cmd})`);
    }
  }

  #start(
    command: Command,
    mode: LaunchMode,
    stdin: string | null,
    context: string,
    done: Child['done'],
  ): void {
    const cmd = commandText(command);
    let proc: ChildProcess | null = null;
    try {
      const launched = launch(command, mode);
      if (launched.kind === 'started') proc = launched.proc;
      if (launched.kind === 'started' && !launched.exactBytes) {
        this.#logger.log(3, `Command '${cmd}' has bytes that are not UTF-8; they were passed as U+FFFD`);
      }
    } catch (error) {
      this.#logger.log(6, `Can't exec command '${cmd}' (${errorText(error)})`);
    }
    const output = mode.captureStdout ? new SpawnLines() : null;
    const child: Child = {
      proc,
      cmd,
      output,
      context,
      done,
      exitCode: null,
      forkFailed: false,
      finished: false,
    };
    this.#children.add(child);
    this.#telemetry.childStarted();
    if (proc === null) {
      // Nothing was exec'd: SEC's forked child calls exit(1).
      child.exitCode = 1;
      output?.close();
      this.#finish(child);
      return;
    }
    this.#watch(child, proc);
    if (proc.pid !== undefined) this.#logger.log(6, `Child ${proc.pid} created for command '${cmd}'`);
    if (stdin !== null && proc.stdin !== null) {
      // Written asynchronously and then closed; a command that does not read it is not an error.
      proc.stdin.on('error', () => undefined);
      proc.stdin.end(stdin, 'latin1');
    }
  }

  #watch(child: Child, proc: ChildProcess): void {
    const { output } = child;
    if (output !== null && proc.stdout !== null) {
      const stdout = proc.stdout;
      stdout.setEncoding('latin1');
      stdout.on('data', (chunk: string) => {
        output.push(chunk);
        if (child.exitCode === null && output.bufferedBytes > PAUSE_BYTES) stdout.pause();
      });
      stdout.on('end', () => output.close());
      stdout.on('error', () => undefined);
    }
    proc.on('exit', (code) => {
      // `$? >> 8`: a child killed by a signal has exit code 0 (RT-swscript-exit).
      child.exitCode = code ?? 0;
      if (proc.stdout?.isPaused() === true) proc.stdout.resume();
    });
    proc.on('error', (error) => {
      if (proc.pid !== undefined) return; // a failed kill(); the child itself is fine
      if (FORK_ERRORS.has(errorCode(error) ?? '')) {
        child.forkFailed = true;
        this.#logger.log(2, `Could not fork command '${child.cmd}' (${errorText(error)})`);
      } else {
        this.#logger.log(6, `Can't exec command '${child.cmd}' (${errorText(error)})`);
      }
      child.exitCode = 1;
    });
    proc.on('close', () => {
      child.exitCode ??= 0;
      output?.close();
      this.#finish(child);
    });
  }

  #finish(child: Child): void {
    child.finished = true;
    // Failed: not started, or a non-zero exit, or killed by a signal (its exitCode reads 0).
    const proc = child.proc;
    this.#telemetry.childExited(proc === null || child.exitCode !== 0 || proc.signalCode !== null);
    if (!this.#allFinished()) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  #allFinished(): boolean {
    for (const child of this.#children) if (!child.finished) return false;
    return true;
  }
}
