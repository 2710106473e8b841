import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EngineProgram, runEngine, type SideResult, type Workspace } from './runner.js';

/** Whether the two engines wrote the same standard output for the same rules and input. */
export interface Comparison {
  readonly identical: boolean | null;
  readonly detail: string;
}

/** The lines of an output; a final newline ends the last line rather than starting an empty one. */
function lines(buf: Buffer): string[] {
  const all = buf.toString('latin1').split('\n');
  if (all.at(-1) === '') all.pop();
  return all;
}

/** The first line where two outputs differ (1-based), or null when they are byte-identical. */
export function firstDifference(a: Buffer, b: Buffer): { line: number; left: string; right: string } | null {
  if (a.equals(b)) return null;
  const left = lines(a);
  const right = lines(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) {
      return { line: i + 1, left: left[i] ?? '(end of output)', right: right[i] ?? '(end of output)' };
    }
  }
  return { line: left.length, left: '(same lines, different bytes)', right: '' };
}

function countLines(buf: Buffer): number {
  let n = 0;
  for (const byte of buf) if (byte === 10) n++;
  return n;
}

/**
 * Compares syscorr's output with SEC's on SEC's input: when SEC ran on a shorter prefix,
 * syscorr runs once more on that prefix. A difference is the loudest thing in the report: a
 * speed-up that changes behaviour is a bug, whatever the figures say.
 */
export async function compareWithSec(
  ours: SideResult,
  sec: SideResult,
  program: EngineProgram,
  conf: string,
  ws: Workspace,
  key: string,
): Promise<Comparison> {
  let oursFile = ours.outputFile;
  if (ours.lines !== sec.lines) {
    oursFile = join(ws.dir, `${key}-${program.name}-at-${sec.lines}.out`);
    await runEngine(program, conf, ws.inputs.file(sec.lines), oursFile, ws);
  }
  const a = readFileSync(oursFile);
  const b = readFileSync(sec.outputFile);
  const unstable = [ours, sec].filter((s) => s.digests.size > 1).map((s) => s.engine);
  const suffix = unstable.length > 0 ? `; output varied between runs of ${unstable.join(' and ')}` : '';
  const diff = firstDifference(a, b);
  if (diff === null) {
    return { identical: true, detail: `identical (${countLines(a).toLocaleString('en')} lines)${suffix}` };
  }
  return {
    identical: false,
    detail: `DIFFER at line ${diff.line}: syscorr \`${diff.left.slice(0, 120)}\`, sec \`${diff.right.slice(0, 120)}\`${suffix}`,
  };
}
