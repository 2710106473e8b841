import { perlLocaltime } from '../variables/index.js';
import type { DumpBuffer, DumpContext, DumpInput, DumpOperation, DumpRuleFile, DumpState } from './state.js';

const RULE = '='.repeat(60);
const DASH = '-'.repeat(60);

type Lines = string[];

function heading(out: Lines, title: string): void {
  out.push(`${title}:`, RULE);
}

/**
 * DUMP-text: SEC's text dump, section by section in SEC's order, with the 2.9.4 context labels
 * (VD-dumpnames). Lists keep the order the state gives (HP-hash-order: SEC's is hash order).
 */
export function renderText(state: DumpState): string {
  const out: Lines = [];
  const lt = (t: number): string => perlLocaltime(t, state.zone);
  programSection(out, state, lt);
  heading(out, 'Environment');
  for (const key of Object.keys(state.env).sort()) out.push(`${key}=${state.env[key] ?? ''}`);
  out.push('');
  perfSection(out, state);
  heading(out, 'Rule usage statistics');
  for (const f of state.rulestats) ruleFileSection(out, f, state.ruleperf, lt);
  out.push('');
  heading(out, 'Input sources');
  for (const input of state.inputs) out.push(inputLine(input, state.intcontexts));
  out.push('');
  bufferSection(out, state.buffer);
  heading(out, 'Pending events');
  for (const p of state.pending) {
    const ctx = state.intcontexts && p.context !== null ? ` with context '${p.context}'` : '';
    out.push(`Event: ${p.event}`, `Will be created at ${lt(p.time)}${ctx}`, '');
  }
  total(out, state.pending.length);
  heading(out, 'Pattern match cache');
  for (const e of state.cache) {
    out.push(`Match: ${e.name}`);
    for (const name of Object.keys(e.values).sort()) out.push(`${name} = ${e.values[name] ?? 'undef'}`);
    out.push('');
  }
  total(out, state.cache.length);
  heading(out, 'List of event correlation operations');
  for (const op of state.operations) operationSection(out, op, lt);
  total(out, state.operations.length);
  heading(out, 'List of contexts');
  for (const c of state.contexts) contextSection(out, c, lt);
  total(out, state.contexts.length);
  childSection(out, state);
  heading(out, 'Action list variables');
  const vars = [...state.variables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const v of vars) out.push(v.value === null ? `%${v.name} = undef` : `%${v.name} = '${v.value}'`);
  total(out, vars.length);
  return `${out.join('\n')}`;
}

function total(out: Lines, n: number): void {
  out.push(`Total: ${n} elements`, '', '');
}

function programSection(out: Lines, state: DumpState, lt: (t: number) => string): void {
  const p = state.program;
  heading(out, 'Program information');
  out.push(
    `Program version: ${p.version}`,
    `Time of the start: ${lt(p.startTime)}`,
    `Time of the last configuration load: ${lt(p.configLoadTime)}`,
    `Time of the dump: ${lt(p.dumpTime)}`,
    `Program resource file: ${p.rcfile}`,
    `Program options: ${p.options}`,
    `Effective user ID: ${p.euid}`,
    `Effective group ID: ${p.egid}`,
    `Supplementary group IDs: ${p.sgids.join(' ')}`,
    '',
  );
}

function perfSection(out: Lines, state: DumpState): void {
  const p = state.perf;
  heading(out, 'Performance statistics');
  out.push(
    `Run time: ${state.program.dumpTime - state.program.startTime} seconds`,
    `User time: ${p.user} seconds`,
    `System time: ${p.system} seconds`,
    `Child user time: ${p.childUser} seconds`,
    `Child system time: ${p.childSystem} seconds`,
    `Processed input lines: ${p.lines}`,
    '',
  );
}

/** "Rule i line L matched M events (desc)" with numbers right-aligned per file, as SEC's %*u. */
function ruleFileSection(out: Lines, f: DumpRuleFile, ruleperf: boolean, lt: (t: number) => string): void {
  out.push('', `Statistics for the rules from ${f.file}`, `(loaded at ${lt(f.loadTime)})`, DASH);
  const w1 = String(f.rules.length).length;
  const width = (values: string[]): number => values.reduce((m, v) => Math.max(m, v.length), 0);
  const w2 = width(f.rules.map((r) => String(r.line)));
  const w3 = width(f.rules.map((r) => String(r.matches)));
  const w4 = width(f.rules.map((r) => (r.cpu ?? 0).toFixed(2)));
  const w5 = width(f.rules.map((r) => String(r.events ?? 0)));
  f.rules.forEach((r, i) => {
    let line = `Rule ${String(i + 1).padStart(w1)} line ${String(r.line).padStart(w2)} matched ${String(r.matches).padStart(w3)} events`;
    if (ruleperf) {
      const cpu = (r.cpu ?? 0).toFixed(2).padStart(w4);
      line += `, ${cpu} seconds of CPU time spent for processing ${String(r.events ?? 0).padStart(w5)} events`;
    }
    out.push(`${line} (${r.desc})`);
  });
}

function inputLine(input: DumpInput, intcontexts: boolean): string {
  let text = `${input.name} `;
  if (input.open) {
    text += '(status: Open, ';
    if (input.type === 'regular') {
      text += `type: regular file, read offset: ${input.offset ?? 'undef'}, file size: ${input.size ?? 'undef'}`;
    } else {
      text += 'type: pipe';
    }
    text += `, device/inode: ${input.dev ?? ''}/${input.inode ?? ''}, `;
  } else {
    text += '(status: Closed, ';
  }
  text += `received data: ${input.lines} lines, `;
  text += intcontexts ? `context: ${input.context ?? ''}` : 'no context set';
  return `${text})`;
}

function bufferSection(out: Lines, b: DumpBuffer): void {
  if (b.joint) {
    out.push(
      'Input buffering mode: joint buffer for all input sources',
      `Size of input buffer: ${b.size}`,
      '',
    );
    out.push(`Content of input buffer (last ${b.size} input line(s)):`, DASH, ...b.lines, DASH, '');
    out.push(`Last ${b.size} input source(s):`, DASH);
    for (const s of b.sources) out.push(s ?? 'synthetic event');
    out.push(DASH, '');
    return;
  }
  out.push(
    'Input buffering mode: separate buffer for each input source',
    `Size of each input buffer: ${b.size}`,
    '',
  );
  const sorted = [...b.perSource].sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : 0));
  for (const s of sorted) out.push(`Content of input buffer for ${s.source}:`, DASH, ...s.lines, DASH, '');
  out.push('Content of input buffer for synthetic events:', DASH, ...b.synthetic, DASH, '');
}

function operationSection(out: Lines, op: DumpOperation, lt: (t: number) => string): void {
  out.push(
    `Key: ${op.key}`,
    `Operation started at: ${lt(op.startTime)}`,
    `Correlation window begins at: ${lt(op.windowStart)}`,
  );
  if (op.window > 0) out.push(`Correlation window ends at: ${lt(op.windowStart + op.window)}`);
  out.push(
    `Configuration file: ${op.file}`,
    `Rule number: ${op.rule + 1}`,
    `Rule internal ID: ${op.rule}`,
    `Type: ${op.type}`,
    `Description: ${op.desc}`,
  );
  for (const [name, value] of Object.entries(op.details ?? {})) detailLines(out, name, value);
  out.push('', DASH);
}

/** A per-type field: scalars on one line, lists as "Name:" followed by one element per line. */
function detailLines(out: Lines, name: string, value: unknown): void {
  if (Array.isArray(value)) {
    out.push(`${name}:`, ...value.map((v) => String(v)));
  } else {
    out.push(`${name}: ${value === null || value === undefined ? '' : String(value)}`);
  }
}

/** VD-dumpnames, VD-trim: 2.9.4 labels, the first-creation time and per-line "received at". */
function contextSection(out: Lines, c: DumpContext, lt: (t: number) => string): void {
  for (const name of c.names) out.push(`Context name: ${name}`);
  out.push(`Initialized at: ${lt(c.initTime)}`, `Creation time: ${lt(c.ctime)}`);
  out.push(c.lifetime > 0 ? `Lifetime: ${c.lifetime} seconds` : 'Lifetime: infinite');
  if (c.action !== null) out.push(`Action on delete: ${c.action} (%s = ${c.desc})`);
  if (c.lines.length > 0) {
    out.push(`${c.lines.length} events associated with context:`);
    c.lines.forEach((line, i) => {
      const t = c.lineTimes[i];
      out.push(t === undefined ? line : `${line} (received at ${lt(t)})`);
    });
  }
  out.push(DASH);
}

function childSection(out: Lines, state: DumpState): void {
  heading(out, 'Child processes');
  for (const ch of state.children) {
    out.push(`Child PID: ${ch.pid}`, `Commandline started by child: ${ch.cmdline}`);
    if (ch.pipeInput) {
      const ctx = state.intcontexts && ch.context !== null ? ` with context '${ch.context}'` : '';
      out.push(`Connected to pipe input${ctx}`);
    }
    out.push(DASH);
  }
  total(out, state.children.length);
}
