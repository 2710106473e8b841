import { HANDLERS } from '../actions/handlers.js';
import type { Logger } from '../actions/ports.js';
import { formatHostPort, SYSCORR_VERSION } from '../cli/index.js';
import { TelemetryCounts } from './counts.js';
import type { MetricsEndpoint } from './endpoint.js';
import { buildRegistry } from './registry.js';
import { MetricsServer } from './server.js';
import type { MetricsSources } from './sources.js';

export interface MetricsDeps {
  readonly logger: Logger;
  /** Epoch seconds (the time of the last successful reload). */
  readonly now: () => number;
  /** prom-client's process_* and nodejs_* metrics; default true. */
  readonly defaultMetrics?: boolean;
}

/**
 * The metrics of one syscorr process, as the composition root uses them: the emitters
 * (`telemetry`) exist from the start so components can be built with them; `start()` builds the
 * registry over the finished components and binds the endpoint; `ready` drives /-/ready.
 */
export class Metrics {
  readonly telemetry: TelemetryCounts;
  readonly #endpoint: MetricsEndpoint;
  readonly #deps: MetricsDeps;
  #server: MetricsServer | null = null;

  /** Metrics served at an endpoint metricsEndpoint worked out (null there: metrics are off). */
  static at(endpoint: MetricsEndpoint, deps: MetricsDeps): Metrics {
    return new Metrics(endpoint, deps);
  }

  private constructor(endpoint: MetricsEndpoint, deps: MetricsDeps) {
    this.#endpoint = endpoint;
    this.#deps = deps;
    this.telemetry = new TelemetryCounts({ now: deps.now, actionTypes: Object.keys(HANDLERS) });
  }

  /**
   * Registers every family over `sources` and binds the endpoint. Returns an error message when
   * an explicit --metrics address cannot be bound (the caller exits 1); the default address
   * failing is logged as a warning and the process goes on without an endpoint.
   */
  async start(sources: MetricsSources): Promise<string | null> {
    const registry = buildRegistry(
      this.telemetry,
      sources,
      { version: SYSCORR_VERSION, nodeVersion: process.version },
      { defaultMetrics: this.#deps.defaultMetrics ?? true },
    );
    const { logger } = this.#deps;
    const server = new MetricsServer(registry, { onError: (m) => logger.log(3, m) });
    const { host, port, explicit } = this.#endpoint;
    try {
      const bound = await server.listen(host, port);
      logger.log(4, `Serving metrics on http://${formatHostPort(bound.address, bound.port)}/metrics`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (explicit) return message;
      logger.log(3, `${message}; going on without metrics (--metrics=HOST:PORT picks another address)`);
      return null;
    }
    this.#server = server;
    return null;
  }

  /** /-/ready: true once rules are loaded and listeners bound; false again when stopping. */
  set ready(on: boolean) {
    if (this.#server !== null) this.#server.ready = on;
  }

  /** Where the endpoint is bound (null when it is not), for logs and tests. */
  address(): { address: string; port: number } | null {
    return this.#server?.address() ?? null;
  }

  async close(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    await server?.close();
  }
}
