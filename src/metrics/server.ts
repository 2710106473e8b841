import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { formatHostPort } from '../cli/index.js';

export interface MetricsServerOptions {
  /** Where a failed scrape is reported (the exposition itself then answers 500). */
  readonly onError?: (message: string) => void;
}

const TEXT = 'text/plain; charset=utf-8';

/**
 * The HTTP endpoint Prometheus scrapes (issue 6): `/metrics` (the registry, rendered when asked),
 * `/-/healthy` (200 while the process runs) and `/-/ready` (200 once the rules are loaded and the
 * listeners bound, 503 before that and while shutting down), as Prometheus itself names them.
 * Only GET and HEAD; nothing a client sends changes any state.
 */
export class MetricsServer {
  readonly #registry: Registry;
  readonly #opts: MetricsServerOptions;
  readonly #server: Server;
  #ready = false;

  constructor(registry: Registry, opts: MetricsServerOptions = {}) {
    this.#registry = registry;
    this.#opts = opts;
    this.#server = createServer((req, res) => this.#handle(req, res));
    // A scraper that stalls must not hold a socket for the default five minutes.
    this.#server.headersTimeout = 10_000;
    this.#server.requestTimeout = 10_000;
  }

  get ready(): boolean {
    return this.#ready;
  }

  set ready(on: boolean) {
    this.#ready = on;
  }

  /** Binds; rejects with an Error naming the address (EADDRINUSE, EACCES, EADDRNOTAVAIL, …). */
  listen(host: string, port: number): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        reject(
          new Error(`cannot serve metrics on ${formatHostPort(host, port)}: ${error.code ?? error.message}`),
        );
      };
      this.#server.once('error', onError);
      this.#server.listen({ host, port, exclusive: true }, () => {
        this.#server.off('error', onError);
        this.#server.on('error', (e) => this.#opts.onError?.(`metrics server: ${e.message}`));
        resolve(this.#server.address() as AddressInfo);
      });
    });
  }

  /** Where it is bound, or null before listen(). */
  address(): AddressInfo | null {
    const a = this.#server.address();
    return a !== null && typeof a === 'object' ? a : null;
  }

  /** Stops listening and drops open (keep-alive) connections. */
  close(): Promise<void> {
    this.#ready = false;
    if (!this.#server.listening) return Promise.resolve();
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      reply(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    switch (path) {
      case '/metrics':
        this.#metrics(res);
        return;
      case '/-/healthy':
        reply(res, 200, 'syscorr is Healthy.\n');
        return;
      case '/-/ready':
        if (this.#ready) reply(res, 200, 'syscorr is Ready.\n');
        else reply(res, 503, 'syscorr is not ready.\n');
        return;
      case '/':
        reply(res, 200, 'syscorr: /metrics, /-/healthy, /-/ready\n');
        return;
      default:
        reply(res, 404, 'Not Found\n');
    }
  }

  #metrics(res: ServerResponse): void {
    this.#registry.metrics().then(
      (text) => reply(res, 200, text, { 'Content-Type': this.#registry.contentType }),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.#opts.onError?.(`metrics: collecting failed (${message})`);
        reply(res, 500, `collecting metrics failed: ${message}\n`);
      },
    );
  }
}

function reply(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'Content-Type': TEXT, 'Content-Length': Buffer.byteLength(body), ...headers });
  // HEAD: headers only (Node drops the body itself, but no need to render it twice).
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
