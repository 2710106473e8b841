import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithProgram } from '../support/external.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const MAIN = `${ROOT}dist/main.js`;
const ARGS = ['--notail', `--conf=${ROOT}config/*.sec`, `--input=${ROOT}config/example/messages.log`];
const EXPECTED = readFileSync(`${ROOT}config/example/expected-sec-output.txt`, 'latin1');

describe('the shipped rulesets on the shipped example log', () => {
  it('syscorr prints exactly what SEC printed (config/example/expected-sec-output.txt)', () => {
    const r = spawnSync(process.execPath, [MAIN, ...ARGS], { encoding: 'latin1' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(EXPECTED);
    expect(EXPECTED.split('\n').length).toBeGreaterThan(10);
  });
});

describeWithProgram('sec', 'the recorded example output is still what the installed SEC prints', (sec) => {
  it('sec --notail on the shipped rules and example', () => {
    const r = spawnSync(sec, [...ARGS, '--log=/dev/null'], { encoding: 'latin1' });
    expect(r.stdout).toBe(EXPECTED);
  });
});
