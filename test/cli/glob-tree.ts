import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Files of the glob test tree (relative paths); directories are created as needed. */
export const TREE_FILES = [
  'file',
  'FileCheck',
  'fincore',
  'a.rules',
  'b.rules',
  'B.rules',
  '_u',
  'a-b',
  ']',
  '.hidden',
  'sp ace',
  'é.txt',
  'a',
  'aé',
  'Z.txt',
  'x{y',
  'br[ack',
  'back\\slash',
  'conf/10-base.sec',
  'conf/20-ssh.sec',
  'conf/Local.sec',
  'conf/.swap.sec',
  'conf/notes.txt',
  'sub/x/f1',
  'sub/y/f2',
  'D2/inner',
  'd1/inner',
];

/** Creates the tree in a fresh temporary directory, with a dangling symlink, and returns its path. */
export function makeGlobTree(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const file of TREE_FILES) {
    const path = join(root, file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '');
  }
  symlinkSync('nowhere', join(root, 'dangling'));
  return root;
}
