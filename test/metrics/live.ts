import { createSocket } from 'node:dgram';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SYSCORR_MAIN, SyscorrProcess } from '../support/syslog-process.js';

/** A syscorr started for a metrics end-to-end test, with the ports it bound. */
export interface LiveSyscorr {
  readonly proc: SyscorrProcess;
  readonly udpPort: number;
  readonly metricsPort: number;
  /** The rule file as given to --conf: its rules are labelled `<ruleFile>:<line>`. */
  readonly ruleFile: string;
}

const SERVING = /Serving metrics on http:\/\/\S+:(\d+)\/metrics/;

/** Starts `node dist/main.js` with one UDP listener and metrics, both on port 0 (read back from the log). */
export async function startSyscorr(dir: string, rules: string): Promise<LiveSyscorr> {
  if (!existsSync(SYSCORR_MAIN)) throw new Error(`${SYSCORR_MAIN} is missing: run \`npm run build\` first`);
  const ruleFile = join(dir, 'rules.sec');
  writeFileSync(ruleFile, rules);
  const proc = new SyscorrProcess(
    [`--conf=${ruleFile}`, '--input=udp://127.0.0.1:0', '--metrics=127.0.0.1:0'],
    { dir },
  );
  try {
    const [udp] = await proc.listeners(1);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const m = SERVING.exec(readLog(proc.logFile));
      if (m !== null) return { proc, udpPort: udp?.port ?? 0, metricsPort: Number(m[1]), ruleFile };
      if (!proc.alive() || Date.now() > deadline)
        throw new Error(`no metrics endpoint\n${proc.diagnostics()}`);
      await sleep(20);
    }
  } catch (error) {
    await proc.stop();
    throw error;
  }
}

function readLog(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return '';
  }
}

/** Sends each line as one datagram to 127.0.0.1:`port`. */
export async function sendUdp(port: number, lines: readonly string[]): Promise<void> {
  const socket = createSocket('udp4');
  try {
    for (const line of lines) {
      await new Promise<void>((resolve, reject) =>
        socket.send(Buffer.from(line, 'latin1'), port, '127.0.0.1', (e) => (e ? reject(e) : resolve())),
      );
    }
  } finally {
    socket.close();
  }
}

/** A TCP port free a moment ago (bound to port 0, then closed), for programs that need a number. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Polls `probe` every `everyMs` until it returns a value that is not undefined, or throws at the deadline. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last === null ? '' : ` (${String(last)})`}`);
    await sleep(everyMs);
  }
}
