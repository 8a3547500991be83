// The content tags of fixed trees, pinned: a tag must stay the same across versions of the
// action and on any machine, or every user's images would be rebuilt after an upgrade. A change
// to what is hashed or how must change SCHEME in hash.ts, and these values with it, on purpose.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DockerfileNotFoundError, hashImage } from '../../src/image-inputs/hash.js';
import type { ImagePlan } from '../../src/plan/plan.js';
import { contextTree, imageAt, roomyLimits, type ContextTree } from './context-tree.js';

/** Version 1 of the scheme ('aianalysis-e2e image content v1'): the tags these trees have always had. */
const V1 = {
  plain: 'sha256-d5fbd6661fd0e34c9c5ee30c273ce086',
  everyKind: 'sha256-9eff8e8c430e320c58a9ead7a6293dcc',
  everyKindDockerfileMode: 'sha256-df53a76a6e2edc335f3db9dbdd371405',
};

let tree: ContextTree;
beforeEach(() => {
  tree = contextTree();
});
afterEach(() => tree.remove());

const tagOf = async (image: ImagePlan, root = tree.root) => (await hashImage(root, image, roomyLimits)).tag;

/** A regular file, an executable one, a symbolic link and a FIFO, as the engine would receive them. */
function everyKind(): void {
  tree.write('Dockerfile', 'FROM scratch\nCOPY . /app\n', 0o644);
  tree.write('notes.txt', 'hello\n', 0o644);
  tree.write('bin/run.sh', '#!/bin/sh\necho run\n', 0o755);
  tree.link('latest', 'notes.txt');
  expect(spawnSync('mkfifo', [join(tree.root, 'pipe')]).status).toBe(0);
}

const everyKindImage = (overrides: Partial<ImagePlan> = {}) =>
  imageAt({ buildArgs: { VERSION: '1.2.3', BASE: 'alpine' }, target: 'final', platform: 'linux/arm64', ...overrides });

describe('content tags of version 1 of the scheme', () => {
  it('pins the tag of a Dockerfile alone, with no build arguments, target or platform', async () => {
    tree.write('Dockerfile', 'FROM scratch\n', 0o644);
    expect(await tagOf(imageAt({ platform: '' }))).toBe(V1.plain);
  });

  it('pins the tag of a file, an executable file, a symbolic link and a FIFO with build arguments, target and platform', async () => {
    everyKind();
    expect(await tagOf(everyKindImage())).toBe(V1.everyKind);
  });

  it('pins a different tag in `dockerfile` mode for the same files, so the modes never share a tag', async () => {
    everyKind();
    const tag = await tagOf(everyKindImage({ inputs: 'dockerfile' }));
    expect(tag).toBe(V1.everyKindDockerfileMode);
    expect(tag).not.toBe(V1.everyKind);
  });
});

it('keeps the contexts of images hashed together apart', async () => {
  everyKind();
  const other = contextTree({ Dockerfile: 'FROM scratch\n' });
  try {
    const [first, second] = await Promise.all([tagOf(everyKindImage()), tagOf(imageAt({ platform: '' }), other.root)]);
    expect([first, second]).toEqual([V1.everyKind, V1.plain]);
  } finally {
    other.remove();
  }
});

it('names a missing Dockerfile in an error of its own kind', async () => {
  const error = await hashImage(tree.root, imageAt({ dockerfile: 'missing/Dockerfile' }), roomyLimits).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DockerfileNotFoundError);
  expect((error as Error).name).toBe('DockerfileNotFoundError');
  expect(String(error)).toBe("DockerfileNotFoundError: image 'app': the Dockerfile 'missing/Dockerfile' cannot be read; check images.app.dockerfile");
});
