/**
 * .dockerignore semantics, enough for the deploy tests: patterns are cleaned paths relative to
 * the context root with `*`, `?` and `**`; a pattern that matches a directory also excludes
 * everything below it; `!` re-includes; the last matching pattern decides.
 */

interface Rule {
  readonly include: boolean;
  readonly re: RegExp;
}

function toRegExp(pattern: string): RegExp {
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` matches any number of directories, including none.
      const slash = pattern[i + 2] === '/';
      src += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') src += '[^/]*';
    else if (c === '?') src += '[^/]';
    else src += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A match of a parent directory covers the paths below it.
  return new RegExp(`^${src}(?:/.*)?$`);
}

function clean(path: string): string {
  return path
    .replace(/^\.?\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\/{2,}/g, '/');
}

export function parseDockerignore(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const include = line.startsWith('!');
    const pattern = clean(include ? line.slice(1).trim() : line);
    if (pattern === '') continue;
    rules.push({ include, re: toRegExp(pattern) });
  }
  return rules;
}

/** True when `path` (relative to the context root) is sent to the builder. */
export function isIncluded(rules: readonly Rule[], path: string): boolean {
  const target = clean(path);
  let included = true;
  for (const rule of rules) if (rule.re.test(target)) included = rule.include;
  return included;
}
