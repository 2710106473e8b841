import { parseHostPort } from '../cli/index.js';

/** The appliance's metrics address when --metrics is not given (issue 6). */
export const DEFAULT_METRICS_HOST = '0.0.0.0';
export const DEFAULT_METRICS_PORT = 8514;

/** `--metrics=HOST:PORT` (a string), `--nometrics` (false), or neither (null). */
export type MetricsSetting = string | false | null;

export interface MetricsEndpoint {
  readonly host: string;
  readonly port: number;
  /**
   * Given with --metrics: failing to bind it is a start-up error. The default address is only a
   * convenience: failing to bind it is a warning and the process runs without metrics.
   */
  readonly explicit: boolean;
}

/**
 * Where to serve metrics, or null for none. Without --metrics they are on in appliance mode (at
 * least one syslog listener) and off for SEC-style runs over files; --nometrics turns them off.
 */
export function metricsEndpoint(
  setting: MetricsSetting,
  hasListeners: boolean,
  fallback: { readonly host: string; readonly port: number } = {
    host: DEFAULT_METRICS_HOST,
    port: DEFAULT_METRICS_PORT,
  },
): MetricsEndpoint | null {
  if (setting === false) return null;
  if (setting === null) return hasListeners ? { ...fallback, explicit: false } : null;
  // The command line was revalidated already (SYS0712 resets a malformed value), so null here
  // would be a caller's bug: serve nothing rather than guess.
  const address = parseHostPort(setting);
  return address === null ? null : { host: address.host, port: address.port, explicit: true };
}
