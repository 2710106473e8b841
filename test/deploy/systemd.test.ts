import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/index.js';
import { describeWithProgram } from '../support/external.js';
import { readRepoFile } from './files.js';
import { execArgv, parseUnitFile, value, values } from './unit-file.js';

const UNIT = 'deploy/systemd/syscorr.service';

describe('the unit-file reader', () => {
  it('reads sections, repeated keys, comments and continuation lines', () => {
    const unit = parseUnitFile('# c\n[A]\nX=1\n; c\nX=2\nY=a \\\n  # inner comment\n  b\n[B]\nZ = "q r" s\n');
    expect(values(unit, 'A', 'X')).toEqual(['1', '2']);
    expect(value(unit, 'A', 'Y')).toBe('a b');
    expect(execArgv(value(unit, 'B', 'Z') ?? '')).toEqual(['q r', 's']);
    expect(execArgv('-/bin/x y')).toEqual(['/bin/x', 'y']);
    expect(() => parseUnitFile('X=1\n')).toThrow(/line 1/);
  });
});

describe('deploy/systemd/syscorr.service', () => {
  const unit = parseUnitFile(readRepoFile(UNIT));
  const service = (key: string) => value(unit, 'Service', key);
  const start = execArgv(service('ExecStart') ?? '');
  const confOf = (argv: readonly string[]) => argv.filter((a) => a.startsWith('--conf='));

  it('runs as an unprivileged user with CAP_NET_BIND_SERVICE only', () => {
    expect(service('User')).toBe('syscorr');
    expect(service('Group')).toBe('syscorr');
    expect(service('AmbientCapabilities')).toBe('CAP_NET_BIND_SERVICE');
    expect(service('CapabilityBoundingSet')).toBe('CAP_NET_BIND_SERVICE');
    expect(service('NoNewPrivileges')).toBe('yes');
  });

  it('checks the rules with --testonly before starting and before every reload', () => {
    const pre = values(unit, 'Service', 'ExecStartPre').map(execArgv);
    expect(pre).toHaveLength(1);
    expect(pre[0]).toContain('--testonly');
    expect(confOf(pre[0] ?? [])).toEqual(confOf(start));
    expect(confOf(start)).toEqual(['--conf=/etc/syscorr/*.sec']);
    const reload = values(unit, 'Service', 'ExecReload');
    expect(reload.map(execArgv)[0]).toEqual(pre[0]);
    expect(reload.at(-1)).toBe('/bin/kill -HUP $MAINPID');
  });

  it('starts the same listeners and metrics as the image, and syscorr accepts its command line', () => {
    expect(start.slice(0, 2)).toEqual(['/usr/bin/node', '/opt/syscorr/dist/main.js']);
    expect(start).toContain('--input=udp://0.0.0.0:514');
    expect(start).toContain('--input=tcp://0.0.0.0:514');
    expect(start).toContain('--metrics=0.0.0.0:8514');
    expect(parseCommandLine(start.slice(2)).problems).toEqual([]);
    expect(values(unit, 'Service', 'Environment')).toContain('SECRC=/etc/syscorr/syscorr.rc');
  });

  it('keeps its state in its own StateDirectory, which the dump file uses', () => {
    expect(service('StateDirectory')).toBe('syscorr');
    const dump = start.find((a) => a.startsWith('--dump='));
    expect(dump).toBe('--dump=/var/lib/syscorr/syscorr.dump');
  });

  it('is hardened, without what would break node', () => {
    expect(service('ProtectSystem')).toBe('strict');
    expect(service('ProtectHome')).toBe('yes');
    expect(service('PrivateTmp')).toBe('yes');
    expect(service('RestrictAddressFamilies')?.split(/\s+/).sort()).toEqual([
      'AF_INET',
      'AF_INET6',
      'AF_UNIX',
    ]);
    expect(service('SystemCallFilter')).toBe('@system-service');
    // V8's JIT maps writable executable memory.
    expect(service('MemoryDenyWriteExecute')).toBeUndefined();
    expect(service('KillMode')).toBe('mixed');
    expect(value(unit, 'Install', 'WantedBy')).toBe('multi-user.target');
  });
});

describeWithProgram('systemd-analyze', 'systemd-analyze verify accepts the unit', (analyze) => {
  it('reports no unknown key and no error', () => {
    // The unit names /usr/bin/node; verify checks that it is executable, so point it at this node.
    const dir = mkdtempSync(join(tmpdir(), 'syscorr-unit-'));
    const path = join(dir, 'syscorr.service');
    writeFileSync(path, readRepoFile(UNIT).replaceAll('/usr/bin/node', process.execPath));
    const run = spawnSync(analyze, ['verify', path], { encoding: 'utf8', timeout: 30_000, cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('would notice a misspelt key (the check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscorr-unit-'));
    const path = join(dir, 'syscorr.service');
    writeFileSync(
      path,
      readRepoFile(UNIT).replaceAll('/usr/bin/node', process.execPath).replace('UMask=', 'UMsk='),
    );
    const run = spawnSync(analyze, ['verify', path], { encoding: 'utf8', timeout: 30_000, cwd: dir });
    expect(run.stderr).toMatch(/Unknown key 'UMsk'/);
  });
});
