import type { DumpBuffer, DumpInput, DumpOperation, DumpState } from './state.js';

/**
 * DUMP-json: one object with SEC's keys (program, env, perf, rulestats, inputs, buffer,
 * pendingevents, pmatchcache, operations, contexts, children, variables). Numbers stay JSON
 * numbers, undef becomes null, and the 2.9.4 context fields inittime and times are included
 * (VD-dumpnames). The caller writes the string as UTF-8.
 */
export function renderJson(state: DumpState): string {
  const p = state.program;
  const data = {
    program: {
      version: p.version,
      startuptime: p.startTime,
      confloadtime: p.configLoadTime,
      dumptime: p.dumpTime,
      rcfile: p.rcfile,
      options: p.options,
      euid: p.euid,
      egid: p.egid,
      sgid: [...p.sgids],
    },
    env: { ...state.env },
    perf: {
      runtime: p.dumpTime - p.startTime,
      user: state.perf.user,
      system: state.perf.system,
      childuser: state.perf.childUser,
      childsystem: state.perf.childSystem,
      lines: state.perf.lines,
    },
    rulestats: ruleStats(state),
    inputs: Object.fromEntries(state.inputs.map((i) => [i.name, input(i, state.intcontexts)])),
    buffer: buffer(state.buffer),
    pendingevents: state.pending.map((e) => ({
      event: e.event,
      time: e.time,
      ...(state.intcontexts ? { context: e.context } : {}),
    })),
    pmatchcache: Object.fromEntries(state.cache.map((e) => [e.name, { ...e.values }])),
    operations: Object.fromEntries(state.operations.map((op) => [op.key, operation(op)])),
    contexts: state.contexts.map((c) => ({
      name: [...c.names],
      inittime: c.initTime,
      creationtime: c.ctime,
      lifetime: c.lifetime,
      ...(c.action === null ? {} : { action: c.action }),
      buffer: [...c.lines],
      times: [...c.lineTimes],
    })),
    children: Object.fromEntries(
      state.children.map((ch) => [
        String(ch.pid),
        {
          pid: ch.pid,
          cmdline: ch.cmdline,
          ...(ch.pipeInput ? { status: 'Connected to pipe input' } : {}),
          ...(ch.pipeInput && state.intcontexts && ch.context !== null ? { context: ch.context } : {}),
        },
      ]),
    ),
    variables: Object.fromEntries(state.variables.map((v) => [v.name, v.value])),
  };
  return JSON.stringify(data);
}

function ruleStats(state: DumpState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of state.rulestats) {
    out[f.file] = {
      loadtime: f.loadTime,
      stats: f.rules.map((r) => ({
        ruleline: r.line,
        matches: r.matches,
        desc: r.desc,
        ...(state.ruleperf ? { events: r.events ?? 0, cputime: r.cpu ?? 0 } : {}),
      })),
    };
  }
  return out;
}

function input(i: DumpInput, intcontexts: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { file: i.name, status: i.open ? 'Open' : 'Closed' };
  if (i.open) {
    out.type = i.type === 'regular' ? 'regular file' : 'pipe';
    if (i.type === 'regular') {
      if (i.offset !== null) out.offset = i.offset;
      if (i.size !== null) out.size = i.size;
    }
    out.dev = i.dev;
    out.inode = i.inode;
  }
  out.lines = i.lines;
  if (intcontexts) out.context = i.context;
  return out;
}

function buffer(b: DumpBuffer): Record<string, unknown> {
  if (b.joint) {
    return {
      bufmode: 'joint buffer for all input sources',
      bufsize: b.size,
      lastlines: [...b.lines],
      lastinputs: b.sources.map((s) => s ?? 'synthetic event'),
    };
  }
  return {
    bufmode: 'separate buffer for each input source',
    bufsize: b.size,
    lastlines: Object.fromEntries(b.perSource.map((s) => [s.source, [...s.lines]])),
    lastsynevents: [...b.synthetic],
  };
}

/** SEC's convert_operation: generic fields, then the per-type fields as given. */
function operation(op: DumpOperation): Record<string, unknown> {
  return {
    key: op.key,
    starttime: op.startTime,
    windowstart: op.windowStart,
    ...(op.window > 0 ? { windowend: op.windowStart + op.window } : {}),
    configfile: op.file,
    ruleid: op.rule,
    type: op.type,
    desc: op.desc,
    ...(op.details ?? {}),
  };
}
