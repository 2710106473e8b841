/**
 * A real syscorr process for the deploy end-to-end tests: started from a dist/ tree, its output
 * collected, its listener ports learned from its log, its HTTP endpoints fetched, and stopped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { request } from 'node:http';
import { createServer } from 'node:net';

export interface Running {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** SIGTERM, then the exit code (null when it had to be killed). */
  readonly stop: () => Promise<number | null>;
}

export interface StartOptions {
  readonly argv: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

export function startProcess(opts: StartOptions): Running {
  const [program, ...args] = opts.argv;
  if (program === undefined) throw new Error('empty argv');
  const child = spawn(program, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: opts.env ?? process.env,
    cwd: opts.cwd,
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString('latin1');
  });
  child.stderr?.on('data', (b: Buffer) => {
    err += b.toString('latin1');
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
  });
  const stop = async (): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  return { child, stdout: () => out, stderr: () => err, stop };
}

/** A TCP port that was free a moment ago on 127.0.0.1 (for listeners that need a fixed port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The port a `udp://` or `tcp://` listener bound, from the "Listening on" log line, or 0. */
export function listeningPort(log: string, transport: 'udp' | 'tcp'): number {
  const m = new RegExp(`Listening on ${transport}://\\S+ \\(\\S+ port (\\d+)[,)]`).exec(log);
  return m === null ? 0 : Number(m[1]);
}

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/** GET over plain HTTP; a refused connection or a timeout answers status 0. */
export function httpGet(url: string, timeoutMs = 3000): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.setTimeout(timeoutMs, () => req.destroy());
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end();
  });
}

export function sendUdp(port: number, text: string): Promise<void> {
  const socket = createSocket('udp4');
  return new Promise((resolve, reject) => {
    socket.send(Buffer.from(text, 'latin1'), port, '127.0.0.1', (err) => {
      socket.close();
      if (err) reject(err);
      else resolve();
    });
  });
}

/**
 * The series names a Prometheus text exposition offers: sample names, and for every `# TYPE`
 * line the names its family can have (a labelled counter shows no sample before its first
 * increment; a histogram's samples are its _bucket/_sum/_count series).
 */
export function exposedNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const line of exposition.split('\n')) {
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\w+)/.exec(line);
    if (type !== null) {
      const name = type[1] ?? '';
      const suffixes =
        type[2] === 'histogram'
          ? ['_bucket', '_sum', '_count']
          : type[2] === 'summary'
            ? ['', '_sum', '_count']
            : [''];
      for (const suffix of suffixes) names.add(name + suffix);
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)/.exec(line);
    if (m?.[1] !== undefined) names.add(m[1]);
  }
  return names;
}

/** Polls `probe` until it returns a truthy value (for hooks, where expect.poll is not allowed). */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  what: () => string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The label names each sample name carries in an exposition (le included for buckets). */
export function exposedLabels(exposition: string): Map<string, Set<string>> {
  const labels = new Map<string, Set<string>>();
  for (const line of exposition.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s/.exec(line);
    if (m === null) continue;
    const set = labels.get(m[1] ?? '') ?? new Set<string>();
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="(?:[^"\\]|\\.)*"/g)) set.add(l[1] ?? '');
    labels.set(m[1] ?? '', set);
  }
  return labels;
}
