import type { Action } from './ast.js';
import { perlRegex, splitArgv } from './perl-text.js';
import { type ActionSpec, rest, word } from './spec.js';

/**
 * Actions that start child processes. The `*exec` forms run without a shell, so their command
 * line is split into argv at load (AL-parse-time): a `$1` value with spaces stays one argument.
 * The command line must not be empty after AL-paren-strip, except for pipe and report, where no
 * command means stdout.
 */

// SEC ACT-shellcmd, ACT-cmdexec, ACT-spawn, ACT-spawnexec: `shellcmd CMD`
function command(keyword: 'shellcmd' | 'cmdexec' | 'spawn' | 'spawnexec'): ActionSpec {
  const re = perlRegex(`^${keyword}\\s+(.*\\S)$`);
  return {
    keyword,
    args: [rest('COMMAND')],
    parse: (r) => {
      const m = r.match(re);
      if (m === null) return r.mismatch();
      const line = r.required(m[0], 'command line');
      const offset = r.offset;
      if (keyword === 'shellcmd' || keyword === 'spawn')
        return r.done({ kind: keyword, offset, command: line });
      return r.done({ kind: keyword, offset, argv: splitArgv(line) });
    },
  };
}

// SEC ACT-cspawn, ACT-cspawnexec: `cspawn NAME CMD`
function cspawn(keyword: 'cspawn' | 'cspawnexec'): ActionSpec {
  const re = perlRegex(`^${keyword}\\s+(\\S+)\\s+(.*\\S)$`);
  return {
    keyword,
    args: [word('NAME'), rest('COMMAND')],
    parse: (r) => {
      const m = r.match(re);
      if (m === null) return r.mismatch();
      const context = r.required(m[0], 'context name');
      const line = r.required(m[1], 'command line');
      if (keyword === 'cspawn') return r.done({ kind: keyword, offset: r.offset, context, command: line });
      return r.done({ kind: keyword, offset: r.offset, context, argv: splitArgv(line) });
    },
  };
}

// SEC ACT-pipe, ACT-pipeexec: `pipe '[str]' [CMD]`; the string cannot contain `'` and an
// empty one means `%s` (AL-default-s).
function pipe(keyword: 'pipe' | 'pipeexec'): ActionSpec {
  const re = perlRegex(`^${keyword}\\s+'([^']*)'(?:\\s+(.*\\S))?$`);
  return {
    keyword,
    args: [{ name: '[STRING]', kind: 'quoted' }, rest('COMMAND', true)],
    parse: (r) => {
      const m = r.match(re);
      if (m === null) return r.mismatch();
      const text = r.orDefault(m[0], '%s');
      const line = r.plain(m[1]);
      const action: Action =
        keyword === 'pipe'
          ? { kind: keyword, offset: r.offset, text, command: line }
          : { kind: keyword, offset: r.offset, text, argv: splitArgv(line) };
      return r.done(action);
    },
  };
}

// SEC ACT-report, ACT-reportexec: `report NAME [CMD]`
function report(keyword: 'report' | 'reportexec'): ActionSpec {
  const re = perlRegex(`^${keyword}\\s+(\\S+)(?:\\s+(.*\\S))?$`);
  return {
    keyword,
    args: [word('NAME'), rest('COMMAND', true)],
    parse: (r) => {
      const m = r.match(re);
      if (m === null) return r.mismatch();
      const context = r.required(m[0], 'context name');
      const line = r.plain(m[1]);
      const action: Action =
        keyword === 'report'
          ? { kind: keyword, offset: r.offset, context, command: line }
          : { kind: keyword, offset: r.offset, context, argv: splitArgv(line) };
      return r.done(action);
    },
  };
}

export const PROCESS_ACTIONS: readonly ActionSpec[] = [
  command('shellcmd'),
  command('cmdexec'),
  command('spawn'),
  command('spawnexec'),
  cspawn('cspawn'),
  cspawn('cspawnexec'),
  pipe('pipe'),
  pipe('pipeexec'),
  report('report'),
  report('reportexec'),
];
