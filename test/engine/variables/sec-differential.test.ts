import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseActionVarTemplate, substituteActionVars } from '../../../src/config/template/index.js';
import { ActionVariables, loadZone } from '../../../src/engine/variables/index.js';
import { describeWithProgram } from '../../support/external.js';

// ALV-time, ALV-t-u, ALV-chars, ALV-pct, ALV-unset against /usr/bin/sec: one rule writes every
// built-in; ours fill the same templates for the second SEC printed as %u.
const TIME_LINE =
  '%u|%t|%.sec|%.min|%.hour|%.hmsstr|%.mday|%.mdaystr|%.mon|%.monstr|%.year|%.wday|%.wdaystr|%.tzname|%.tzoff|%.tzoff2';
const CHR = Array.from({ length: 41 }, (_, i) => `%.chr${i}`).join('');
const CHAR_LINE = `C:${CHR}%.nl%.cr%.tab%.sp|%%|%nosuch|%{.sp}x|%.mdayT|%{.mday}T`;
const RULES = `type=Single\nptype=SubStr\npattern=go\ndesc=x\naction=write - ${TIME_LINE}; write - ${CHAR_LINE}\n`;
const ZONES = ['UTC', 'Europe/Tallinn', 'America/New_York', 'Asia/Kolkata'];

const run = promisify(execFile);

describeWithProgram('sec', 'ALV-time/ALV-chars: differential against SEC', (sec) => {
  const version = /(\d+)\.(\d+)\.(\d+)/.exec(execFileSync(sec, ['--version'], { encoding: 'utf8' }));
  // SEC ALV-chars: %.chr32 .. %.chr255 exist from 2.9.3 on.
  const numeric =
    version === null ? 0 : Number(version[1]) * 10_000 + Number(version[2]) * 100 + Number(version[3]);
  const maxChr = numeric >= 20_903 ? 255 : 31;
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-alv-'));
  const conf = join(dir, 'r.sec');
  const input = join(dir, 'in.txt');
  writeFileSync(conf, RULES);
  writeFileSync(input, 'go\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function secOutput(tz: string): Promise<string> {
    const args = ['--notail', `--conf=${conf}`, `--input=${input}`, '--log=/dev/null'];
    const { stdout } = await run(sec, args, {
      env: { ...process.env, TZ: tz, LC_ALL: 'C' },
      encoding: 'latin1',
    });
    return stdout;
  }

  function ours(tz: string, now: number): string {
    const vars = new ActionVariables({ zone: loadZone({ tz }), maxChr });
    const fill = (text: string) =>
      substituteActionVars(parseActionVarTemplate(text), (n) => vars.get(n, now));
    return `${fill(TIME_LINE)}\n${fill(CHAR_LINE)}\n`;
  }

  describe.each(ZONES)('TZ=%s', (tz) => {
    it('every built-in has SEC’s value for the same second', async () => {
      const out = await secOutput(tz);
      const now = Number(out.slice(0, out.indexOf('|')));
      expect(Number.isInteger(now) && now > 1_600_000_000).toBe(true);
      expect(ours(tz, now)).toBe(out);
    });
  });
});
