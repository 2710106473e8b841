import { readFileSync } from 'node:fs';
import { type Diagnostic, diagnostic, hasErrors } from './diagnostics.js';
import { lexRuleFile } from './lexer.js';
import { checkRule } from './rules/check.js';
import type { Continue, FileOptions, Matcher, Rule, RuleFile } from './rules/types.js';

export interface LoadOptions {
  /** Explicit --bufsize (0 = automatic): an N-line pattern with a larger N is a rule error (PT-N). */
  readonly bufsize: number;
}

export interface LoadedFile {
  readonly file: RuleFile;
  readonly diagnostics: readonly Diagnostic[];
}

const DEFAULT_OPTIONS: FileOptions = { joincfset: [], procallin: true };

/** CF-goto-resolve: GoTo must jump strictly forward to an existing label, else DontCont (warning). */
function resolve(
  c: Continue,
  index: number,
  labels: ReadonlyMap<string, number>,
  warn: (code: 'SYS0206' | 'SYS0207', message: string) => void,
  keyword: string,
): Continue {
  if (c.kind !== 'GoTo') return c;
  const target = labels.get(c.label);
  if (target === undefined) {
    warn('SYS0206', `label ${c.label} does not exist, assuming ${keyword}=DontCont`);
    return { kind: 'DontCont' };
  }
  if (target <= index) {
    warn('SYS0207', `can't go backwards to label ${c.label}, assuming ${keyword}=DontCont`);
    return { kind: 'DontCont' };
  }
  return { ...c, target };
}

function resolveRule(rule: Rule, labels: ReadonlyMap<string, number>, diags: Diagnostic[]): Rule {
  const warn = (code: 'SYS0206' | 'SYS0207', message: string): void => {
    diags.push(diagnostic(code, message, rule.file, rule.line, 1));
  };
  const fix = <M extends Matcher>(m: M, keyword: string): M => {
    const cont = resolve(m.continue, rule.number, labels, warn, keyword);
    return cont === m.continue ? m : { ...m, continue: cont };
  };
  switch (rule.type) {
    case 'Suppress':
    case 'Calendar':
      return rule;
    case 'EventGroup':
      return {
        ...rule,
        members: rule.members.map((m, j) => fix(m, j === 0 ? 'continue' : `continue${j + 1}`)),
      };
    case 'Pair':
    case 'PairWithWindow':
      return { ...fix(rule, 'continue'), second: fix(rule.second, 'continue2') };
    default:
      return fix(rule, 'continue');
  }
}

/**
 * SEC read_configfile for one file's text: rules numbered 0..N-1 in file order, invalid and
 * Options rules unnumbered (CF-numbering), labels resolved once the file is read (CF-label),
 * the last Options rule wins (RT-options). Never throws.
 */
export function loadRuleText(text: string, file: string, options: LoadOptions): LoadedFile {
  const lexed = lexRuleFile(text, file);
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const rules: Rule[] = [];
  const labels = new Map<string, number>();
  let fileOptions = DEFAULT_OPTIONS;
  let optionsSeen = false;
  let clean = !hasErrors(lexed.diagnostics);
  for (const item of lexed.items) {
    if (item.kind === 'label') {
      labels.set(item.name, rules.length);
      continue;
    }
    const result = checkRule(item.block, { file, number: rules.length, bufsize: options.bufsize });
    diagnostics.push(...result.diagnostics);
    if (result.kind === 'rule') rules.push(result.rule);
    else if (result.kind === 'options') {
      if (optionsSeen) {
        diagnostics.push(
          diagnostic('SYS0216', 'this Options rule replaces an earlier one', file, item.block.startLine, 1),
        );
      }
      optionsSeen = true;
      fileOptions = result.options;
    } else clean = false;
  }
  if (rules.length === 0) diagnostics.push(diagnostic('SYS0105', 'no valid rules found', file, 0, 0));
  const resolved = rules.map((r) => resolveRule(r, labels, diagnostics));
  return { file: { file, rules: resolved, options: fileOptions, clean }, diagnostics };
}

/** Reads files as latin1, one char per byte, as SEC never decodes bytes (HP-bytes). */
export type ReadText = (path: string) => string;

export const readLatin1: ReadText = (path) => readFileSync(path, 'latin1');

/** The rule files of a configuration, in --conf order, with the cfsets built from Options rules. */
export interface Config {
  readonly files: readonly RuleFile[];
  /** cfset name → files that joined it, in file order (RT-jump). */
  readonly sets: ReadonlyMap<string, readonly string[]>;
  /** Files that see every event (procallin not set to no) (CF-multifile). */
  readonly mainFiles: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** False if any file was unreadable or had a faulty line or rule (--testonly exit status). */
  readonly ok: boolean;
}

/**
 * SEC read_config: load every file (already glob-expanded and de-duplicated). `reuse` returns a
 * file's rules from the previous load when it did not change (SIG-ABRT soft restart).
 */
export function loadConfig(
  paths: readonly string[],
  options: LoadOptions,
  read: ReadText = readLatin1,
  reuse: (path: string) => RuleFile | undefined = () => undefined,
): Config {
  const files: RuleFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let ok = true;
  for (const path of paths) {
    const kept = reuse(path);
    if (kept !== undefined) {
      files.push(kept);
      continue;
    }
    let text: string;
    try {
      text = read(path);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      diagnostics.push(diagnostic('SYS0101', `can't open configuration file (${reason})`, path, 0, 0));
      ok = false;
      continue;
    }
    const loaded = loadRuleText(text, path, options);
    files.push(loaded.file);
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.file.clean) ok = false;
  }
  return assembleConfig(files, diagnostics, ok);
}

/** cfsets (RT-jump) and main files (CF-multifile) of a list of loaded rule files. */
export function assembleConfig(
  files: readonly RuleFile[],
  diagnostics: readonly Diagnostic[],
  ok: boolean,
): Config {
  const sets = new Map<string, string[]>();
  for (const f of files) {
    for (const name of f.options.joincfset) {
      const list = sets.get(name) ?? [];
      list.push(f.file);
      sets.set(name, list);
    }
  }
  const mainFiles = files.filter((f) => f.options.procallin).map((f) => f.file);
  return { files, sets, mainFiles, diagnostics, ok };
}
