import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseActionList } from '../../../src/config/action-list/index.js';
import {
  collectCache,
  collectContexts,
  collectOperations,
  collectRuleStats,
  collectVariables,
  type DumpState,
  renderActionList,
  renderDump,
  writeDump,
} from '../../../src/engine/dump/index.js';
import { fixedZone } from '../../../src/engine/variables/index.js';
import { feed, makeEngine } from '../../support/engine-harness.js';

const T0 = Date.UTC(2024, 0, 15, 10, 0, 0) / 1000; // Mon Jan 15 10:00:00 2024 UTC
const UTC = fixedZone(0, 'UTC');

const RULES = [
  'type=SingleWithSuppress\nptype=RegExp\npattern=down (\\S+)\ndesc=link $1 down\naction=write - %s\nwindow=60\n',
  'type=Single\nptype=RegExp\npattern=login (\\S+)\ndesc=login\naction=create USER_$1 30 (write - bye %s); add USER_$1 $0\n',
  'type=Calendar\ntime=* * * * *\ndesc=cal\naction=assign %seen yes\n',
].join('\n');

/** A state built from a real engine after a few events, plus fixed program data. */
function populated(): DumpState {
  const { engine, config } = makeEngine({ 'r.sec': RULES }, { zone: UTC });
  engine.cleanup(T0);
  feed(engine, ['down eth0', 'login bob'], T0 + 5);
  return {
    zone: UTC,
    program: {
      version: 'syscorr 0.1.0 (SEC 2.9.4 compatible)',
      startTime: T0,
      configLoadTime: T0,
      dumpTime: T0 + 20,
      rcfile: 'none',
      options: '--conf=r.sec --input=-',
      euid: 1000,
      egid: 1000,
      sgids: [4, 27],
    },
    env: { PATH: '/usr/bin', HOME: '/home/u' },
    perf: { user: 0.5, system: 0.25, childUser: 0, childSystem: 0, lines: engine.processed },
    ruleperf: false,
    intcontexts: true,
    rulestats: collectRuleStats(config.files, engine.matchCounts, T0),
    inputs: [
      {
        name: 'input.log',
        open: true,
        type: 'regular',
        offset: 20,
        size: 20,
        dev: '2049',
        inode: '77',
        lines: 2,
        context: '_FILE_EVENT_input.log',
      },
      {
        name: 'gone.log',
        open: false,
        type: null,
        offset: null,
        size: null,
        dev: null,
        inode: null,
        lines: 0,
        context: null,
      },
    ],
    buffer: { joint: true, size: 1, lines: ['login bob'], sources: ['input.log'] },
    pending: [{ event: 'LATER', time: T0 + 65, context: '_INTERNAL_EVENT' }],
    cache: collectCache(new Map([['ent', { numbered: ['x y', 'x', undefined], named: { n: 'y' } }]])),
    operations: collectOperations(engine.operations.values(), (op) =>
      op.kind === 'SingleWithSuppress' ? { Window: `${op.window} seconds` } : undefined,
    ),
    contexts: collectContexts(engine.contexts.snapshot()),
    children: [{ pid: 4242, cmdline: '/bin/cat', pipeInput: true, context: 'CHILD' }],
    variables: collectVariables(
      new Map<string, string | null>([
        ['zeta', 'z'],
        ['seen', 'yes'],
        ['gone', null],
      ]),
    ),
  };
}

/** The lines of one "Title:" section up to the next blank-line-separated heading. */
function section(text: string, title: string): string {
  const start = text.indexOf(`${title}:\n${'='.repeat(60)}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start);
  const next = rest.slice(1).search(/\n\n[A-Z][A-Za-z ]+:\n={60}\n/);
  return next < 0 ? rest : rest.slice(0, next + 2);
}

describe('dump (DUMP-text, DUMP-json, OPT-dump, OPT-dumpfts)', () => {
  const state = populated();
  const text = renderDump(state, 'text');

  it('DUMP-text: every section in SEC order', () => {
    const titles = [...text.matchAll(/^([A-Z][A-Za-z ]+):\n={60}$/gm)].map((m) => m[1]);
    expect(titles).toEqual([
      'Program information',
      'Environment',
      'Performance statistics',
      'Rule usage statistics',
      'Input sources',
      'Pending events',
      'Pattern match cache',
      'List of event correlation operations',
      'List of contexts',
      'Child processes',
      'Action list variables',
    ]);
    expect(text.endsWith('Total: 3 elements\n\n')).toBe(true);
  });

  it('DUMP-text: program info, sorted environment and run time', () => {
    const info = section(text, 'Program information');
    expect(info).toContain('Time of the start: Mon Jan 15 10:00:00 2024\n');
    expect(info).toContain('Time of the dump: Mon Jan 15 10:00:20 2024\n');
    expect(info).toContain('Supplementary group IDs: 4 27\n');
    expect(section(text, 'Environment')).toContain('HOME=/home/u\nPATH=/usr/bin\n');
    const perf = section(text, 'Performance statistics');
    expect(perf).toContain('Run time: 20 seconds\n');
    expect(perf).toContain('Processed input lines: 2\n');
  });

  it('DUMP-text: rule statistics count matches per rule with aligned numbers', () => {
    const stats = section(text, 'Rule usage statistics');
    expect(stats).toContain('Statistics for the rules from r.sec\n(loaded at Mon Jan 15 10:00:00 2024)\n');
    expect(stats).toMatch(/Rule 1 line +1 matched 1 events \(link \$1 down\)\n/);
    expect(stats).toMatch(/Rule 2 line +\d+ matched 1 events \(login\)\n/);
    expect(stats).toMatch(/Rule 3 line \d+ matched 1 events \(cal\)\n/);
  });

  it('DUMP-text: input sources, joint buffer and pending events with contexts', () => {
    const inputs = section(text, 'Input sources');
    expect(inputs).toContain(
      'input.log (status: Open, type: regular file, read offset: 20, file size: 20, device/inode: 2049/77, received data: 2 lines, context: _FILE_EVENT_input.log)\n',
    );
    expect(inputs).toContain('gone.log (status: Closed, received data: 0 lines, context: )');
    expect(text).toContain(
      'Input buffering mode: joint buffer for all input sources\nSize of input buffer: 1\n',
    );
    const pending = section(text, 'Pending events');
    expect(pending).toContain(
      "Event: LATER\nWill be created at Mon Jan 15 10:01:05 2024 with context '_INTERNAL_EVENT'\n",
    );
    expect(pending).toContain('Total: 1 elements');
  });

  it('DUMP-text: match cache with sorted names and undef', () => {
    const cache = section(text, 'Pattern match cache');
    expect(cache).toContain('Match: ent\n0 = x y\n1 = x\n2 = undef\nn = y\n');
  });

  it('DUMP-text: operations show key, window and rule; Calendar records are not operations', () => {
    const ops = section(text, 'List of event correlation operations');
    expect(ops).toContain('Key: r.sec | 0 | link eth0 down\n');
    expect(ops).toContain('Correlation window begins at: Mon Jan 15 10:00:05 2024\n');
    expect(ops).toContain('Correlation window ends at: Mon Jan 15 10:01:05 2024\n');
    expect(ops).toContain('Rule number: 1\nRule internal ID: 0\nType: SingleWithSuppress\n');
    expect(ops).toContain('Window: 60 seconds\n');
    expect(ops).not.toContain('(calendar)');
    expect(ops).toContain('Total: 1 elements');
  });

  it('DUMP-text + VD-dumpnames: contexts with 2.9.4 labels, expiry action and received-at lines', () => {
    const ctx = section(text, 'List of contexts');
    expect(ctx).toContain('Context name: USER_bob\n');
    expect(ctx).toContain(
      'Initialized at: Mon Jan 15 10:00:05 2024\nCreation time: Mon Jan 15 10:00:05 2024\n',
    );
    expect(ctx).toContain('Lifetime: 30 seconds\n');
    expect(ctx).toContain('Action on delete: write - bye %s;  (%s = login)\n');
    expect(ctx).toContain(
      '1 events associated with context:\nlogin bob (received at Mon Jan 15 10:00:05 2024)\n',
    );
  });

  it('DUMP-text: children and sorted variables with undef', () => {
    expect(section(text, 'Child processes')).toContain(
      "Child PID: 4242\nCommandline started by child: /bin/cat\nConnected to pipe input with context 'CHILD'\n",
    );
    expect(section(text, 'Action list variables')).toContain("%gone = undef\n%seen = 'yes'\n%zeta = 'z'\n");
  });

  it('DUMP-json: parses and has the keys and 2.9.4 context fields', () => {
    const data = JSON.parse(renderDump(state, 'json')) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual([
      'program',
      'env',
      'perf',
      'rulestats',
      'inputs',
      'buffer',
      'pendingevents',
      'pmatchcache',
      'operations',
      'contexts',
      'children',
      'variables',
    ]);
    const json = data as {
      program: { dumptime: number; sgid: number[] };
      perf: { runtime: number };
      rulestats: Record<string, { stats: { ruleline: number; matches: number; desc: string }[] }>;
      inputs: Record<string, { status: string; offset?: number }>;
      operations: Record<string, { windowend: number; ruleid: number; type: string; Window: string }>;
      contexts: {
        name: string[];
        inittime: number;
        creationtime: number;
        lifetime: number;
        buffer: string[];
        times: number[];
        action: string;
      }[];
      pmatchcache: Record<string, Record<string, string | null>>;
      variables: Record<string, string | null>;
      children: Record<string, { pid: number; status: string; context: string }>;
    };
    expect(json.program.dumptime).toBe(T0 + 20);
    expect(json.perf.runtime).toBe(20);
    expect(json.rulestats['r.sec']?.stats.map((s) => s.matches)).toEqual([1, 1, 1]);
    expect(json.inputs['input.log']).toMatchObject({ status: 'Open', offset: 20 });
    expect(json.inputs['gone.log']).toEqual({ file: 'gone.log', status: 'Closed', lines: 0, context: null });
    expect(json.operations['r.sec | 0 | link eth0 down']).toMatchObject({
      windowend: T0 + 65,
      ruleid: 0,
      type: 'SingleWithSuppress',
      Window: '60 seconds',
    });
    expect(json.contexts).toEqual([
      {
        name: ['USER_bob'],
        inittime: T0 + 5,
        creationtime: T0 + 5,
        lifetime: 30,
        action: 'write - bye %s; ',
        buffer: ['login bob'],
        times: [T0 + 5],
      },
    ]);
    expect(json.pmatchcache.ent).toEqual({ 0: 'x y', 1: 'x', 2: null, n: 'y' });
    expect(json.variables).toEqual({ gone: null, seen: 'yes', zeta: 'z' });
    expect(json.children['4242']).toEqual({
      pid: 4242,
      cmdline: '/bin/cat',
      status: 'Connected to pipe input',
      context: 'CHILD',
    });
  });

  it('DUMP-text: a separate-buffer state lists each source sorted, then synthetic events', () => {
    const separate = renderDump(
      {
        ...state,
        buffer: {
          joint: false,
          size: 2,
          perSource: [
            { source: 'b', lines: ['b1', 'b2'] },
            { source: 'a', lines: ['', 'a1'] },
          ],
          synthetic: ['', 'SYN'],
        },
      },
      'text',
    );
    const dash = '-'.repeat(60);
    expect(separate).toContain(
      `Size of each input buffer: 2\n\nContent of input buffer for a:\n${dash}\n\na1\n${dash}\n\nContent of input buffer for b:\n${dash}\nb1\nb2\n`,
    );
    expect(separate).toContain(`Content of input buffer for synthetic events:\n${dash}\n\nSYN\n${dash}\n`);
  });

  it('renderActionList: SEC actionlist2str shape, nested lists and if/else', () => {
    const { list } = parseActionList(
      'write - a b; create X 10 (event E); if %v (none) else (assign %y 1); free %z',
      {
        ruleNumber: 0,
      },
    );
    expect(renderActionList(list)).toBe(
      'write - a b; create X 10 (event 0 E; ); if %v (none; ) else (assign %y 1; ); free %z; ',
    );
  });

  describe('writeDump (OPT-dump, OPT-dumpfts, SIG-USR1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscorr-dump-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('writes a new file and refuses an existing one without touching it', () => {
      const path = join(dir, 'sec.dump');
      expect(writeDump(path, 'first', T0, { dumpfts: false })).toEqual({
        file: path,
        error: null,
        level: null,
      });
      expect(readFileSync(path, 'utf8')).toBe('first');
      const again = writeDump(path, 'second', T0 + 1, { dumpfts: false });
      expect(again).toEqual({ file: path, error: `Can't write to dumpfile: ${path} exists`, level: 3 });
      expect(readFileSync(path, 'utf8')).toBe('first');
    });

    it('dumpfts adds .<epoch>, so successive dumps get new files', () => {
      const path = join(dir, 'ts.dump');
      writeFileSync(path, 'plain');
      const r = writeDump(path, 'with ts', T0, { dumpfts: true });
      expect(r).toEqual({ file: `${path}.${T0}`, error: null, level: null });
      expect(readFileSync(`${path}.${T0}`, 'utf8')).toBe('with ts');
      expect(writeDump(path, 'x', T0, { dumpfts: true }).level).toBe(3);
    });

    it('reports an unopenable path as an error', () => {
      const path = join(dir, 'no-such-dir', 'sec.dump');
      const r = writeDump(path, 'x', T0, { dumpfts: false });
      expect(r.level).toBe(2);
      expect(r.error).toMatch(/^Can't open dumpfile .*no-such-dir\/sec\.dump \(/);
      expect(existsSync(path)).toBe(false);
    });
  });
});
