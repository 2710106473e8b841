import { pipeOrMail } from './mail.js';
import type { Command } from './ports.js';
import { reportText } from './report-text.js';
import { type HandlerTable, LOG, type RunContext } from './run-context.js';

/**
 * SEC ACT-shellcmd .. ACT-reportexec: child processes (sec-features 8). A string command goes to
 * the port as `{ shell }` (the port applies CH-shell: a shell only for metacharacters); the *exec
 * forms as `{ argv }` with every element expanded on its own, so a value with spaces stays one
 * argument (AL-parse-time).
 */
export const PROCESS_HANDLERS = {
  // SEC ACT-shellcmd, CH-fire-forget; OPT-quoting applies to %s.
  shellcmd: (a, cx) => {
    const command = cx.expandCommand(a, a.command);
    cx.log(LOG.info, `Executing shell command '${command}'`);
    cx.ports.processes.run({ shell: command });
    return 1;
  },
  cmdexec: (a, cx) => {
    const argv = expandArgv(a.argv, cx);
    cx.log(LOG.info, `Executing command '${argv.join(' ')}'`);
    cx.ports.processes.run({ argv });
    return 1;
  },
  // SEC ACT-spawn: stdout lines become synthetic events with internal context _INTERNAL_EVENT.
  spawn: (a, cx) => {
    const command = cx.expandCommand(a, a.command);
    cx.log(LOG.info, `Spawning shell command '${command}'`);
    cx.ports.processes.spawn({ shell: command }, SYNTHETIC_CONTEXT);
    return 1;
  },
  spawnexec: (a, cx) => {
    const argv = expandArgv(a.argv, cx);
    cx.log(LOG.info, `Spawning command '${argv.join(' ')}'`);
    cx.ports.processes.spawn({ argv }, SYNTHETIC_CONTEXT);
    return 1;
  },
  // SEC ACT-cspawn: OPT-quoting quotes %s in the context name too.
  cspawn: (a, cx) => {
    const context = cx.expandCommand(a, a.context);
    const command = cx.expandCommand(a, a.command);
    cx.log(LOG.info, `Spawning shell command '${command}' with context '${context}'`);
    cx.ports.processes.spawn({ shell: command }, context);
    return 1;
  },
  // SEC ACT-cspawnexec: no quoting (SEC passes the plain %s here).
  cspawnexec: (a, cx) => {
    const context = cx.expand(a, a.context);
    const argv = expandArgv(a.argv, cx);
    cx.log(LOG.info, `Spawning command '${argv.join(' ')}' with context '${context}'`);
    cx.ports.processes.spawn({ argv }, context);
    return 1;
  },
  // SEC ACT-pipe: text + "\n" to the command's stdin; an empty command (after expansion) means
  // standard output. OPT-quoting does not apply.
  pipe: (a, cx) => {
    const text = cx.expand(a, a.text);
    const command = cx.expand(a, a.command);
    cx.log(LOG.info, `Feeding event '${text}' to shell command '${command}'`);
    pipeOrMail(cx, command === '' ? null : { shell: command }, `${text}\n`);
    return 1;
  },
  // SEC ACT-pipeexec: an empty argv means standard output (CH-exec).
  pipeexec: (a, cx) => {
    const text = cx.expand(a, a.text);
    const argv = expandArgv(a.argv, cx);
    cx.log(LOG.info, `Feeding event '${text}' to command '${argv.join(' ')}'`);
    pipeOrMail(cx, argv.length === 0 ? null : { argv }, `${text}\n`);
    return 1;
  },
  // SEC ACT-report: the store lines, each + "\n"; nothing (not even the command) when the store is empty.
  report: (a, cx) => {
    const context = cx.expand(a, a.context);
    const command = cx.expand(a, a.command);
    cx.log(LOG.info, `Reporting the event store of context '${context}' through shell command '${command}'`);
    report(context, command === '' ? null : { shell: command }, cx);
    return 1;
  },
  reportexec: (a, cx) => {
    const context = cx.expand(a, a.context);
    const argv = expandArgv(a.argv, cx);
    cx.log(LOG.info, `Reporting the event store of context '${context}' through command '${argv.join(' ')}'`);
    report(context, argv.length === 0 ? null : { argv }, cx);
    return 1;
  },
} as const satisfies HandlerTable<
  | 'shellcmd'
  | 'cmdexec'
  | 'spawn'
  | 'spawnexec'
  | 'cspawn'
  | 'cspawnexec'
  | 'pipe'
  | 'pipeexec'
  | 'report'
  | 'reportexec'
>;

/** SEC SYNEVENT_INT_CONTEXT: the internal context of spawn output (IE-intcontext). */
const SYNTHETIC_CONTEXT = '_INTERNAL_EVENT';

/** CH-exec: each argv element is expanded separately (the argv array keys the parse cache). */
function expandArgv(argv: readonly string[], cx: RunContext): string[] {
  return argv.map((arg) => cx.expand(argv, arg));
}

function report(context: string, command: Command | null, cx: RunContext): void {
  const text = reportText(context, cx);
  if (text !== null) pipeOrMail(cx, command, text);
}
