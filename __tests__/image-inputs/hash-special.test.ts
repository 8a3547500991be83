// A special file (a FIFO) in the build context: the engine sends it as such, so the content tag
// depends on its path, never on reading it.
import { spawnSync } from 'node:child_process';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { hashImage } from '../../src/image-inputs/hash.js';
import { contextTree, imageAt, roomyLimits, type ContextTree } from './context-tree.js';

let tree: ContextTree;
beforeEach(() => {
  tree = contextTree({ Dockerfile: 'FROM scratch\nCOPY . /app\n', 'go.mod': 'module example.com/app\n' });
});
afterEach(() => tree.remove());

const tagOf = async () => (await hashImage(tree.root, imageAt(), roomyLimits)).tag;

test('a FIFO counts by its path: adding, renaming or removing it changes the tag', async () => {
  const without = await tagOf();
  expect(spawnSync('mkfifo', [join(tree.root, 'pipe')]).status).toBe(0);
  const withPipe = await tagOf();
  expect(withPipe).not.toBe(without);
  expect(await tagOf()).toBe(withPipe);
  renameSync(join(tree.root, 'pipe'), join(tree.root, 'other-pipe'));
  const renamed = await tagOf();
  expect(renamed).not.toBe(withPipe);
  expect(renamed).not.toBe(without);
});
