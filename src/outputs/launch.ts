import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process';
import type { Command } from '../actions/ports.js';
import { toNativeString } from './errors.js';
import { planExec } from './shell.js';

/** What the child's stdin and stdout are connected to (CH-env: otherwise SEC's own stdio). */
export interface LaunchMode {
  /** stdout is a pipe read by SEC (spawn family). */
  readonly captureStdout: boolean;
  /** stdin is a pipe that SEC writes and closes (pipe, report, SingleWithScript: CH-helper). */
  readonly feedStdin: boolean;
}

/** A started child, or `none` when there is nothing to exec (Perl's child then exits 1). */
export type Launched =
  | { readonly kind: 'started'; readonly proc: ChildProcess; readonly exactBytes: boolean }
  | { readonly kind: 'none' };

/** The command line as SEC logs it: the string, or the argv joined with spaces. */
export function commandText(command: Command): string {
  return 'shell' in command ? command.shell : command.argv.join(' ');
}

interface Target {
  readonly file: string;
  readonly args: readonly string[];
  readonly argv0?: string;
  readonly stderrToStdout: boolean;
}

/** CH-shell / CH-exec: which program to exec for a command. */
function target(command: Command, mode: LaunchMode): Target | null {
  if ('argv' in command) {
    const [file, ...args] = command.argv;
    return file === undefined ? null : { file, args, stderrToStdout: false };
  }
  const plan = planExec(command.shell);
  if (plan.kind === 'none') return null;
  if (plan.kind === 'shell')
    return { file: '/bin/sh', args: ['-c', plan.script], argv0: 'sh', stderrToStdout: false };
  // Perl runs `cmd 2>&1` without a shell by dup2(1, 2). With stdout captured by a pipe, Node
  // cannot point the child's stderr at that same pipe, so sh does the dup and then execs the
  // very same argv (no word is re-interpreted, and the pid is still the command's).
  if (plan.stderrToStdout && mode.captureStdout) {
    return {
      file: '/bin/sh',
      args: ['-c', 'exec "$@" 2>&1', 'sh', ...plan.argv],
      argv0: 'sh',
      stderrToStdout: false,
    };
  }
  const [file, ...args] = plan.argv;
  return file === undefined ? null : { file, args, stderrToStdout: plan.stderrToStdout };
}

/**
 * Starts a command with child_process.spawn (never a shell string unless Perl's exec would use
 * one). Children inherit the environment, the working directory and the stdio not redirected.
 * Throws only if spawn() itself rejects its arguments (e.g. a NUL byte in an argument).
 */
export function launch(command: Command, mode: LaunchMode): Launched {
  const t = target(command, mode);
  if (t === null) return { kind: 'none' };
  const stdio: StdioOptions = [
    mode.feedStdin ? 'pipe' : 'inherit',
    mode.captureStdout ? 'pipe' : 'inherit',
    t.stderrToStdout ? 1 : 'inherit',
  ];
  // Node passes argv as UTF-8; see toNativeString for bytes that are not valid UTF-8.
  const words = [t.file, ...t.args].map(toNativeString);
  const [file, ...args] = words.map((w) => w.value);
  const options = t.argv0 === undefined ? { stdio } : { stdio, argv0: t.argv0 };
  const proc = spawn(file ?? t.file, args, options);
  return { kind: 'started', proc, exactBytes: words.every((w) => w.exact) };
}
