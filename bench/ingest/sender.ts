import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** What one sending run did. */
export interface SendResult {
  readonly sent: number;
  readonly seconds: number;
  readonly errors: number;
  /** Datagrams per second actually offered. */
  readonly rate: number;
}

/** Offers datagrams at a rate; a separate process, so it does not share the suite's event loop. */
export interface UdpSender {
  readonly kind: string;
  send(port: number, rate: number, seconds: number, messagesFile: string): Promise<SendResult>;
}

export function parseSendSummary(text: string): SendResult {
  const m = /sent (\d+) seconds ([\d.]+) errors (\d+)/.exec(text);
  if (m === null) throw new Error(`sender printed no summary: ${text.slice(0, 200)}`);
  const sent = Number(m[1]);
  const seconds = Number(m[2]);
  return { sent, seconds, errors: Number(m[3]), rate: seconds > 0 ? sent / seconds : 0 };
}

function runner(cmd: string, pre: readonly string[], cwd: string, kind: string): UdpSender {
  return {
    kind,
    send: (port, rate, seconds, file) =>
      new Promise((resolve, reject) => {
        const args = [...pre, '127.0.0.1', String(port), String(Math.round(rate)), String(seconds), file];
        execFile(cmd, args, { cwd, timeout: (seconds + 30) * 1000 }, (err, stdout, stderr) => {
          if (err !== null) reject(new Error(`${kind} sender failed: ${err.message} ${stderr}`));
          else {
            try {
              resolve(parseSendSummary(stdout));
            } catch (e) {
              reject(e);
            }
          }
        });
      }),
  };
}

/** The Node sender (bench/ingest/node-udp-sender.ts); `why` says why not the C one. */
export function nodeSender(root: string, why: string): UdpSender {
  const script = join(root, 'bench', 'ingest', 'node-udp-sender.ts');
  return runner(process.execPath, ['--import', 'tsx', script], root, `Node dgram (${why})`);
}

/**
 * The C sender (bench/ingest/udp-sender.c, built with cc into workDir) when a compiler is
 * installed, else the Node one, with the reason in `kind`.
 */
export function buildSender(root: string, workDir: string): UdpSender {
  const source = join(root, 'bench', 'ingest', 'udp-sender.c');
  const binary = join(workDir, 'udp-sender');
  const cc = spawnSync('cc', ['-O2', '-o', binary, source], { encoding: 'utf8' });
  if (cc.error === undefined && cc.status === 0) return runner(binary, [], root, 'C (sendmmsg)');
  return nodeSender(
    root,
    cc.error !== undefined ? 'no C compiler' : `cc failed: ${cc.stderr.split('\n')[0] ?? ''}`,
  );
}
