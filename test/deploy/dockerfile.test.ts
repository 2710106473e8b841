import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/ingest/daemon.js';
import { parseCommandLine } from '../../src/cli/index.js';
import {
  execForm,
  instructionsOf,
  keyValues,
  parseDockerfile,
  shellWords,
  splitFlags,
} from './dockerfile.js';
import { isIncluded, parseDockerignore } from './dockerignore.js';
import {
  cmd,
  dockerfile,
  entrypoint,
  healthcheck,
  imageEnv,
  ROOT,
  readRepoFile,
  runtimeStage,
} from './files.js';

describe('the Dockerfile reader', () => {
  it('joins continuation lines, drops comments inside them, and keeps the first line number', () => {
    const file = parseDockerfile(
      '# syntax=docker/dockerfile:1\n\nFROM a AS b\nRUN one \\\n  # a comment\n  two \\\n\n  three\nCMD ["x"]\n',
    );
    expect(file.directives.get('syntax')).toBe('docker/dockerfile:1');
    const stage = file.stages[0];
    expect(stage?.name).toBe('b');
    expect(stage?.instructions.map((i) => [i.keyword, i.args, i.line])).toEqual([
      ['RUN', 'one two three', 4],
      ['CMD', '["x"]', 9],
    ]);
  });

  it('splits stages, flags, exec-form arrays and key=value lists', () => {
    const file = parseDockerfile(
      'ARG V=1\nFROM --platform=x img:1 AS one\nFROM two\nCOPY --from=one --chown=a:b /x /y\n',
    );
    expect(file.preamble.map((i) => i.keyword)).toEqual(['ARG']);
    expect(file.stages.map((s) => [s.image, s.name])).toEqual([
      ['img:1', 'one'],
      ['two', null],
    ]);
    const copy = splitFlags(file.stages[1]?.instructions[0]?.args ?? '');
    expect([...copy.flags]).toEqual([
      ['from', 'one'],
      ['chown', 'a:b'],
    ]);
    expect(copy.rest).toBe('/x /y');
    expect(execForm('["a", "b c"]')).toEqual(['a', 'b c']);
    expect(execForm('node main.js')).toBeNull();
    expect(execForm('[not json]')).toBeNull();
    expect([...keyValues('a="x y" b=\'z\' c=d\\ e')]).toEqual([
      ['a', 'x y'],
      ['b', 'z'],
      ['c', 'd e'],
    ]);
    expect(shellWords('"a \\"b\\"" c')).toEqual(['a "b"', 'c']);
  });

  it('refuses what it cannot read instead of misreading it', () => {
    expect(() => parseDockerfile('FROM a\nRUN <<EOF\nx\nEOF\n')).toThrow(/heredoc/);
    expect(() => parseDockerfile('FROM a\nRUN x \\\n')).toThrow(/continuation/);
    expect(() => shellWords('"open')).toThrow(/quote/);
  });
});

describe('the .dockerignore matcher', () => {
  it('follows the last matching pattern, with directory matches covering their contents', () => {
    const rules = parseDockerignore('*\n!src/\n!deploy/docker/x.rc\nsrc/**/*.tmp\n# comment\n');
    expect(isIncluded(rules, 'README.md')).toBe(false);
    expect(isIncluded(rules, 'src/a/b.ts')).toBe(true);
    expect(isIncluded(rules, 'src/a/b.tmp')).toBe(false);
    expect(isIncluded(rules, 'deploy/docker/x.rc')).toBe(true);
    expect(isIncluded(rules, 'deploy/compose.yaml')).toBe(false);
    expect(isIncluded(parseDockerignore('node_modules\n'), 'node_modules/x/y.js')).toBe(false);
  });
});

describe('the image (Dockerfile)', () => {
  const file = dockerfile();
  const runtime = runtimeStage(file);
  const runs = (stage = runtime) => instructionsOf(stage, 'RUN').map((i) => i.args);

  it('is multi-stage: built with the dev toolchain on Node 20, run on a supported Node LTS slim image', () => {
    expect(file.stages.length).toBeGreaterThanOrEqual(2);
    const build = file.stages[0];
    expect(build?.image).toMatch(/^node:20[-.\w]*$/);
    expect(runs(build).some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(runs(build).some((r) => /\bnpm run build\b/.test(r))).toBe(true);
    // Node 20 is end-of-life: the runtime is 22 or 24, and slim.
    expect(runtime.image).toMatch(/^node:(22|24)(\.[\d.]+)?-(\w+-)?slim$/);
    const fromBuild = instructionsOf(runtime, 'COPY').filter(
      (c) => splitFlags(c.args).flags.get('from') === build?.name,
    );
    expect(fromBuild.map((c) => splitFlags(c.args).rest)).toContainEqual(expect.stringMatching(/dist\b/));
  });

  it('installs production dependencies only, from the lock file, without install scripts', () => {
    const ci = runs().find((r) => /\bnpm ci\b/.test(r));
    expect(ci).toMatch(/--omit=dev/);
    expect(ci).toMatch(/--ignore-scripts/);
    const copyLock = instructionsOf(runtime, 'COPY').find((c) => c.args.includes('package-lock.json'));
    const ciLine = instructionsOf(runtime, 'RUN').find((r) => r.args.includes('npm ci'));
    expect(copyLock?.line ?? Infinity).toBeLessThan(ciLine?.line ?? 0);
  });

  it('runs as a non-root user with a numeric id that exists in the image', () => {
    const user = instructionsOf(runtime, 'USER').at(-1)?.args.trim() ?? '';
    const [uid, gid] = user.split(':');
    expect(uid).toMatch(/^\d+$/);
    expect(Number(uid)).toBeGreaterThan(0);
    expect(gid === undefined || Number(gid) > 0).toBe(true);
    expect(runs().some((r) => new RegExp(`useradd\\b.*--uid ${uid}\\b`).test(r))).toBe(true);
  });

  it('has tini as PID 1 in front of node, installed from Debian', () => {
    const argv = entrypoint(runtime);
    expect(argv.slice(0, 4)).toEqual(['/usr/bin/tini', '--', 'node', '/app/dist/main.js']);
    expect(runs().some((r) => /apt-get install\b.*\btini\b/.test(r))).toBe(true);
  });

  it('exposes syslog on 514 (UDP and TCP), TLS on 6514 and metrics on 8514', () => {
    const exposed = instructionsOf(runtime, 'EXPOSE').flatMap((e) => e.args.split(/\s+/));
    expect(new Set(exposed)).toEqual(new Set(['514/udp', '514/tcp', '6514/tcp', '8514/tcp']));
    // The command line listens where the image says it does.
    const args = cmd(runtime);
    expect(args).toContain('--input=udp://0.0.0.0:514');
    expect(args).toContain('--input=tcp://0.0.0.0:514');
    expect(args).toContain('--metrics=0.0.0.0:8514');
  });

  it('carries the OCI labels, with the version and licence of package.json', () => {
    const labels = new Map(instructionsOf(runtime, 'LABEL').flatMap((l) => [...keyValues(l.args)]));
    for (const key of ['title', 'description', 'version', 'revision', 'created', 'source', 'licenses'])
      expect(labels.has(`org.opencontainers.image.${key}`), key).toBe(true);
    const pkg = JSON.parse(readRepoFile('package.json')) as { version: string; license: string };
    expect(labels.get('org.opencontainers.image.licenses')).toBe(pkg.license);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the Dockerfile's ARG syntax, not a template.
    expect(labels.get('org.opencontainers.image.version')).toBe('${VERSION}');
    const args = new Map(instructionsOf(runtime, 'ARG').flatMap((a) => [...keyValues(a.args)]));
    expect(args.get('VERSION')).toBe(pkg.version);
  });

  it('reads rules and options from /etc/syscorr and keeps state under /var/lib/syscorr', () => {
    expect(imageEnv(runtime).get('SECRC')).toBe('/etc/syscorr/syscorr.rc');
    const args = cmd(runtime);
    expect(args).toContain('--conf=/etc/syscorr/*.sec');
    expect(args.filter((a) => /^--(dump|pid)=/.test(a))).toEqual([
      '--dump=/var/lib/syscorr/syscorr.dump',
      '--pid=/var/lib/syscorr/syscorr.pid',
    ]);
    expect(runs().some((r) => /install -d -o syscorr -g syscorr\b.*\/var\/lib\/syscorr/.test(r))).toBe(true);
    const copies = instructionsOf(runtime, 'COPY').map((c) => shellWords(splitFlags(c.args).rest));
    expect(copies).toContainEqual(['deploy/docker/syscorr.rc', '/etc/syscorr/syscorr.rc']);
    expect(copies.some((w) => w.at(-1) === '/etc/syscorr/' && w.some((s) => s.endsWith('*.sec')))).toBe(true);
  });

  it('has a command line that syscorr accepts without a problem, with the shipped options file', () => {
    const rc = join(ROOT, 'deploy', 'docker', 'syscorr.rc');
    const parsed = parseCommandLine(cmd(runtime), { SECRC: rc });
    expect(parsed.problems).toEqual([]);
    expect(parsed.rcFile).toBe(rc);
  });

  it('copies only files that exist, and .dockerignore lets exactly those through', () => {
    const rules = parseDockerignore(readRepoFile('.dockerignore'));
    const sources = file.stages.flatMap((s) =>
      instructionsOf(s, 'COPY')
        .filter((c) => !splitFlags(c.args).flags.has('from'))
        .flatMap((c) => shellWords(splitFlags(c.args).rest).slice(0, -1)),
    );
    expect(sources.length).toBeGreaterThan(4);
    for (const src of sources) {
      const dir = src.includes('*') ? src.slice(0, src.lastIndexOf('/')) : src;
      expect(existsSync(join(ROOT, dir)), src).toBe(true);
      if (src.includes('*')) {
        const suffix = src.slice(src.lastIndexOf('*') + 1);
        expect(readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(suffix)).length, src).toBeGreaterThan(0);
      }
      expect(isIncluded(rules, src.replace(/\*.*$/, 'x.sec')), src).toBe(true);
    }
    for (const heavy of ['node_modules/x', 'dist/main.js', '.git/HEAD', 'test/x.test.ts', '.env'])
      expect(isIncluded(rules, heavy), heavy).toBe(false);
  });
});

describe('the image HEALTHCHECK, run against a stand-in /-/ready', () => {
  let server: Server;
  let status = 200;
  let port = 0;
  const paths: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(status).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Runs the image's HEALTHCHECK argv here, with node for `node` and the port swapped. */
  const check = (to: number): Promise<number | null> => {
    const [program, ...args] = healthcheck();
    expect(program).toBe('node');
    const swapped = args.map((a) => a.replaceAll('127.0.0.1:8514', `127.0.0.1:${to}`));
    expect(swapped).not.toEqual(args);
    // Asynchronous: the stand-in server answers from this same event loop.
    const child = spawn(process.execPath, swapped, { stdio: 'ignore', timeout: 10_000 });
    return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  };

  it('is exec form and passes only on HTTP 200 from /-/ready', async () => {
    const ins = instructionsOf(runtimeStage(), 'HEALTHCHECK').at(-1);
    expect(ins?.args).toMatch(/--interval=\S+/);
    status = 200;
    expect(await check(port)).toBe(0);
    status = 503;
    expect(await check(port)).toBe(1);
    expect(paths).toEqual(['/-/ready', '/-/ready']);
  });

  it('fails when nothing listens', async () => {
    expect(await check(await freePort('tcp'))).toBe(1);
  });
});
