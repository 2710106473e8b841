import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const FILES = new URL('../../dist/outputs/files.js', import.meta.url).pathname;

/**
 * `write -` must not lose alert lines when standard output is a pipe whose reader is slow and
 * whose write end is non-blocking (docker logs, a pager; found by the shipped-rulesets work).
 * A real child fills the pipe while the test holds its reading back for a second.
 */
describe('writeStdoutSync into a full non-blocking pipe', () => {
  it('waits for the reader instead of failing with EAGAIN, and writes every byte', async () => {
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { writeStdoutSync } from ${JSON.stringify(FILES)};
         process.stdout._handle?.setBlocking?.(false);
         const line = 'x'.repeat(999) + '\\n';
         for (let i = 0; i < 1000; i++) writeStdoutSync(line);`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let bytes = 0;
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.stdout.pause();
    const code = await new Promise<number | null>((resolve) => {
      setTimeout(() => {
        child.stdout.on('data', (b: Buffer) => {
          bytes += b.length;
        });
        child.stdout.resume();
      }, 1000);
      child.on('close', resolve);
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(bytes).toBe(1_000_000);
  });
});
