import type { Action, ActionList } from '../config/action-list/index.js';
import { expandVars, type VarLookup } from './expand.js';
import { HANDLERS } from './handlers.js';
import type { ActionPorts, RunEnv } from './ports.js';
import { LOG, type Outcome, type RunContext } from './run-context.js';
import { shellQuote } from './values.js';

/**
 * SEC execute_actionlist (AL-control): runs `list` in order and returns 1 (done), 0 (`continue`
 * was hit) or -1 (`break`). Never throws: an action that fails is logged and the rest of the list
 * still runs (AL-run-time).
 */
export function runActions(list: ActionList, env: RunEnv, ports: ActionPorts): Outcome {
  return runList(list, createRunContext(env, ports));
}

function createRunContext(env: RunEnv, ports: ActionPorts): RunContext {
  // SEC ALV-s: %s is the desc, reset before every substitution, so `assign %s x` cannot last.
  // The built-ins and user variables come from the variable port (which recomputes %t, %u, ...).
  const value: VarLookup = (name) => (name === 's' ? env.desc : ports.variables.get(name, env.now));
  // SEC OPT-quoting: shellcmd, spawn and cspawn see only %s single-quoted.
  const quotedDesc = env.quoting ? shellQuote(env.desc) : env.desc;
  const commandValue: VarLookup = env.quoting
    ? (name) => (name === 's' ? quotedDesc : ports.variables.get(name, env.now))
    : value;
  const cx: RunContext = {
    env,
    ports,
    value,
    expand: (node, text) => expandVars(node, text, value),
    expandCommand: (node, text) => expandVars(node, text, commandValue),
    runList: (nested) => runList(nested, cx),
    log: (level, message) => {
      // A logger that throws must not stop an action, nor the list.
      try {
        ports.logger.log(level, message);
      } catch {}
    },
  };
  return cx;
}

function runList(list: ActionList, cx: RunContext): Outcome {
  for (const action of list.actions) {
    const outcome = runAction(action, cx);
    if (outcome !== 1) return outcome;
  }
  return 1;
}

function runAction(action: Action, cx: RunContext): Outcome {
  // The map is keyed by kind, so the handler's parameter type is this action's type; TypeScript
  // cannot correlate the two through an indexed access, hence the widening.
  const handler = HANDLERS[action.kind] as (a: Action, cx: RunContext) => Outcome;
  try {
    const outcome = handler(action, cx);
    cx.ports.telemetry?.actionRun(action.kind, true);
    return outcome;
  } catch (error) {
    cx.ports.telemetry?.actionRun(action.kind, false);
    reportFailure(action, error, cx);
    return 1;
  }
}

function reportFailure(action: Action, error: unknown, cx: RunContext): void {
  const reason = error instanceof Error ? error.message : String(error);
  cx.log(LOG.err, `Action '${action.kind}' failed (${reason}), going on with the rest of the list`);
}
