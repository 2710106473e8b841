import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { createServer, Socket } from 'node:net';

/** A receiver started by the suite; stop() ends exactly that process. */
export class Daemon {
  readonly name: string;
  readonly #child: ChildProcess;
  #stderr = '';
  #exit: Promise<number | null>;
  #exited = false;

  constructor(name: string, cmd: string, args: readonly string[], cwd: string) {
    this.name = name;
    this.#child = spawn(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    this.#child.stderr?.setEncoding('utf8');
    this.#child.stderr?.on('data', (d: string) => {
      this.#stderr = (this.#stderr + d).slice(-4000);
    });
    this.#exit = new Promise((resolve) => {
      this.#child.on('error', (err) => {
        this.#stderr += String(err);
        this.#exited = true;
        resolve(null);
      });
      this.#child.on('exit', (code) => {
        this.#exited = true;
        resolve(code);
      });
    });
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  get exited(): boolean {
    return this.#exited;
  }

  get stderr(): string {
    return this.#stderr;
  }

  /** SIGTERM, then SIGKILL after 5 s; resolves when the process is gone. */
  async stop(): Promise<void> {
    if (this.#exited) return;
    this.#child.kill('SIGTERM');
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 5000);
    await this.#exit;
    clearTimeout(timer);
  }
}

/** A port the kernel just handed out for `kind` on 127.0.0.1 (free again when returned). */
export function freePort(kind: 'udp' | 'tcp'): Promise<number> {
  return new Promise((resolve, reject) => {
    if (kind === 'udp') {
      const s = createSocket('udp4');
      s.on('error', reject);
      s.bind(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
      return;
    }
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until 127.0.0.1:port accepts TCP connections (or the daemon died, or 20 s passed). */
export async function waitForTcp(port: number, daemon: Daemon): Promise<boolean> {
  for (let i = 0; i < 200 && !daemon.exited; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
      s.connect(port, '127.0.0.1');
    });
    if (ok) return true;
    await sleep(100);
  }
  return false;
}

/** The receive buffer the kernel granted the UDP socket on port (`ss -m`), or null. */
export function udpReceiveBuffer(port: number): number | null {
  const r = spawnSync('ss', ['-ulmn', `sport = :${port}`], { encoding: 'utf8' });
  if (r.error !== undefined) return null;
  const m = /\brb(\d+)/.exec(r.stdout ?? '');
  return m === null ? null : Number(m[1]);
}
