import { execFileSync } from 'node:child_process';
import { describe, it } from 'vitest';

/** Absolute path of a program on PATH (or an absolute path that exists), else null. */
export function findProgram(name: string): string | null {
  try {
    const out = execFileSync('/bin/sh', ['-c', `command -v -- "$1"`, 'sh', name], { encoding: 'utf8' });
    const path = out.trim();
    return path === '' ? null : path;
  } catch {
    return null;
  }
}

/**
 * Runs `body` when `program` is installed. When it is missing the suite is skipped with a visible
 * reason on a developer's machine, but fails under CI=true: CI installs every program the tests
 * need, so it can never go green by skipping.
 */
export function describeWithProgram(program: string, title: string, body: (path: string) => void): void {
  const path = findProgram(program);
  if (path !== null) {
    describe(title, () => body(path));
    return;
  }
  if (process.env.CI === 'true') {
    describe(title, () => {
      it(`needs '${program}', which CI must install (.ci/run)`, () => {
        throw new Error(`'${program}' is not installed, but CI=true: .ci/run must install it`);
      });
    });
    return;
  }
  describe.skipIf(true)(
    `${title} [skipped: '${program}' is not installed; apt-get install it to run]`,
    () => {
      it('needs the program', () => undefined);
    },
  );
}
