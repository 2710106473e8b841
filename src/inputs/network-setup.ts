import type { Logger } from '../actions/ports.js';
import type { SecOptions } from '../cli/index.js';
import type { SyslogTelemetry } from '../metrics/telemetry.js';
import { ThreadedNetworkInput } from './ingest/threaded-input.js';
import type { ListenerPlan } from './listener-plan.js';
import { InlineNetworkInput, type NetworkInput } from './network-input.js';
import { SyslogListeners } from './syslog/index.js';

/**
 * The syslog listeners of the --input values: on the network thread (issue 7, the default), or on
 * the engine's own thread with --nonetwork-thread.
 */
export function networkInput(
  options: SecOptions,
  plan: ListenerPlan,
  deps: { readonly logger: Logger; readonly telemetry: SyslogTelemetry },
): NetworkInput {
  if (options.networkThread) return new ThreadedNetworkInput(options.input, plan.specs, deps);
  const listeners = new SyslogListeners(plan.specs, {}, { logger: deps.logger });
  return new InlineNetworkInput(listeners, plan.render, deps.telemetry);
}
