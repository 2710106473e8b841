import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSCORR_MAIN, SyscorrProcess } from '../support/syslog-process.js';

/** A syscorr started for a metrics end-to-end test, with the ports it bound. */
export interface LiveSyscorr {
  readonly proc: SyscorrProcess;
  readonly udpPort: number;
  readonly metricsPort: number;
  /** The rule file as given to --conf: its rules are labelled `<ruleFile>:<line>`. */
  readonly ruleFile: string;
}

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
    const url = await proc.metricsUrl();
    return { proc, udpPort: udp?.port ?? 0, metricsPort: Number(new URL(url).port), ruleFile };
  } catch (error) {
    await proc.stop();
    throw error;
  }
}
