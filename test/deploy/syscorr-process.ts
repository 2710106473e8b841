/**
 * A real syscorr process for the deploy end-to-end tests: started from a dist/ tree, its output
 * collected, its listener ports learned from its log, its HTTP endpoints fetched, and stopped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';

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
