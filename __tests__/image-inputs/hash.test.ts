import { chmodSync, cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidTag } from '../../src/config/index.js';
import { listContext } from '../../src/image-inputs/context.js';
import { DockerfileNotFoundError, hashImage } from '../../src/image-inputs/hash.js';
import type { ImagePlan } from '../../src/plan/plan.js';
import { contextTree, imageAt, roomyLimits, type ContextTree } from './context-tree.js';

const baseFiles = {
  Dockerfile: 'FROM scratch\nCOPY . /app\n',
  '.dockerignore': '# build outputs and dependencies\nvendor/\n*.log\n!keep.log\n',
  'go.mod': 'module example.com/app\n',
  'cmd/app/main.go': 'package main\n\nfunc main() {}\n',
  'pkg/util/util.go': 'package util\n',
  'vendor/modules.txt': '# example.com/dep v1.0.0\n',
  'debug.log': 'noise\n',
  'keep.log': 'kept\n',
};

let tree: ContextTree;
beforeEach(() => {
  tree = contextTree(baseFiles);
});
afterEach(() => tree.remove());

const tagOf = async (root = tree.root, image: ImagePlan = imageAt()) => (await hashImage(root, image, roomyLimits)).tag;
const paths = async (image: ImagePlan = imageAt()) => (await listContext(tree.root, image)).entries.map((entry) => entry.path);

describe('hashImage', () => {
  it('gives a valid OCI tag of sha256- and 32 hex digits, with the full hash beside it', async () => {
    const result = await hashImage(tree.root, imageAt(), roomyLimits);
    expect(result.tag).toMatch(/^sha256-[0-9a-f]{32}$/);
    expect(isValidTag(result.tag)).toBe(true);
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.hash.startsWith(result.tag.slice('sha256-'.length))).toBe(true);
  });

  it('gives the same tag for the same tree, also copied to another absolute path', async () => {
    const first = await tagOf();
    expect(await tagOf()).toBe(first);
    const copy = contextTree();
    try {
      cpSync(tree.root, join(copy.root, 'elsewhere'), { recursive: true });
      expect(await tagOf(join(copy.root, 'elsewhere'))).toBe(first);
    } finally {
      copy.remove();
    }
  });

  it('changes when an included file changes', async () => {
    const before = await tagOf();
    tree.write('pkg/util/util.go', 'package util\n\nconst X = 1\n');
    expect(await tagOf()).not.toBe(before);
  });

  it('does not change when an ignored file changes or appears', async () => {
    const before = await tagOf();
    tree.write('vendor/modules.txt', '# example.com/dep v2.0.0\n');
    tree.write('vendor/example.com/dep/dep.go', 'package dep\n');
    tree.write('debug.log', 'other noise\n');
    expect(await tagOf()).toBe(before);
  });

  it('counts a file re-included by an ! exception', async () => {
    expect(await paths()).toContain('keep.log');
    expect(await paths()).not.toContain('debug.log');
    const before = await tagOf();
    tree.write('keep.log', 'kept, changed\n');
    expect(await tagOf()).not.toBe(before);
  });

  it('changes when a file is renamed', async () => {
    const before = await tagOf();
    renameSync(join(tree.root, 'pkg/util/util.go'), join(tree.root, 'pkg/util/helpers.go'));
    expect(await tagOf()).not.toBe(before);
  });

  it('changes with the execute bit, not with group or other permission bits', async () => {
    const before = await tagOf();
    chmodSync(join(tree.root, 'go.mod'), 0o600);
    expect(await tagOf()).toBe(before);
    chmodSync(join(tree.root, 'go.mod'), 0o755);
    expect(await tagOf()).not.toBe(before);
  });

  it('hashes a symbolic link as its target text without following it', async () => {
    const outside = contextTree({ 'config.yaml': 'a: 1\n' });
    try {
      tree.link('config.yaml', join(outside.root, 'config.yaml'));
      const before = await tagOf();
      outside.write('config.yaml', 'a: 2\n');
      expect(await tagOf()).toBe(before);
      tree.link('config.yaml', join(outside.root, 'other.yaml'));
      expect(await tagOf()).not.toBe(before);
      expect((await listContext(tree.root, imageAt())).entries).toContainEqual(
        expect.objectContaining({ path: 'config.yaml', kind: 'symlink', linkTarget: join(outside.root, 'other.yaml') }),
      );
    } finally {
      outside.remove();
    }
  });

  it('ignores empty directories', async () => {
    const before = await tagOf();
    mkdirSync(join(tree.root, 'pkg/empty/deeper'), { recursive: true });
    expect(await tagOf()).toBe(before);
  });

  it('hashes an empty context (the Dockerfile outside it)', async () => {
    mkdirSync(join(tree.root, 'empty'));
    const image = imageAt({ context: 'empty' });
    const result = await hashImage(tree.root, image, roomyLimits);
    expect(result).toMatchObject({ files: 0, bytes: 0, warnings: [], topDirectories: [] });
    tree.write('Dockerfile', 'FROM scratch\n');
    expect(await tagOf(tree.root, image)).not.toBe(result.tag);
  });

  it('hashes the Dockerfile even when .dockerignore excludes it', async () => {
    tree.write('.dockerignore', 'Dockerfile\n.dockerignore\nvendor/\n');
    expect(await paths()).not.toContain('Dockerfile');
    const before = await tagOf();
    tree.write('Dockerfile', 'FROM scratch\nCOPY . /srv\n');
    expect(await tagOf()).not.toBe(before);
  });

  it("takes <Dockerfile>.dockerignore instead of the context's .dockerignore", async () => {
    tree.write('docker/app.Dockerfile', 'FROM scratch\n');
    tree.write('docker/app.Dockerfile.dockerignore', 'pkg/\n');
    const image = imageAt({ dockerfile: 'docker/app.Dockerfile' });
    const listed = await paths(image);
    expect(listed).toEqual(expect.arrayContaining(['vendor/modules.txt', 'debug.log']));
    expect(listed.some((path) => path.startsWith('pkg/'))).toBe(false);
    expect((await hashImage(tree.root, image, roomyLimits)).ignoreFile).toBe('docker/app.Dockerfile.dockerignore');
    expect((await hashImage(tree.root, imageAt(), roomyLimits)).ignoreFile).toBe('.dockerignore');

    const before = await tagOf(tree.root, image);
    tree.write('pkg/util/util.go', 'package util // changed\n');
    expect(await tagOf(tree.root, image)).toBe(before);
    tree.write('vendor/modules.txt', 'changed\n');
    expect(await tagOf(tree.root, image)).not.toBe(before);
  });

  it('changes with a build argument, the target and the platform, not with the order of arguments', async () => {
    const base = imageAt({ buildArgs: { GOFLAGS: '-cover', VERSION: '1' } });
    const before = await tagOf(tree.root, base);
    expect(await tagOf(tree.root, { ...base, buildArgs: { VERSION: '1', GOFLAGS: '-cover' } })).toBe(before);
    const variants: Partial<ImagePlan>[] = [
      { buildArgs: { GOFLAGS: '', VERSION: '1' } },
      { buildArgs: { GOFLAGS: '-cover' } },
      { buildArgs: { GOFLAGS: '-cover', VERSION: '1', EXTRA: '' } },
      { target: 'runtime' },
      { platform: 'linux/arm64' },
    ];
    const tags = await Promise.all(variants.map((variant) => tagOf(tree.root, { ...base, ...variant })));
    for (const tag of tags) expect(tag).not.toBe(before);
    expect(new Set(tags).size).toBe(variants.length);
  });

  it('does not depend on the image name, repository or memory estimate', async () => {
    const before = await tagOf();
    expect(await tagOf(tree.root, imageAt({ name: 'other', repository: 'team/other', memoryMiB: 4096, heavy: true }))).toBe(before);
  });

  it('reports the number of files and bytes sent', async () => {
    const result = await hashImage(tree.root, imageAt(), roomyLimits);
    const sent = ['Dockerfile', '.dockerignore', 'go.mod', 'cmd/app/main.go', 'pkg/util/util.go', 'keep.log'];
    expect(result.files).toBe(sent.length);
    expect(result.bytes).toBe(sent.reduce((sum, path) => sum + Buffer.byteLength(baseFiles[path as keyof typeof baseFiles]), 0));
  });

  it('hashes files larger than one read buffer by all their bytes', async () => {
    const big = Buffer.alloc(3 * 256 * 1024 + 17, 'a');
    tree.write('assets/big.bin', big);
    const before = await tagOf();
    big[big.length - 1] = 'b'.charCodeAt(0);
    tree.write('assets/big.bin', big);
    expect(await tagOf()).not.toBe(before);
  });

  it('names the image and the field when the Dockerfile or the context is missing', async () => {
    rmSync(join(tree.root, 'Dockerfile'));
    await expect(hashImage(tree.root, imageAt(), roomyLimits)).rejects.toThrow(DockerfileNotFoundError);
    await expect(hashImage(tree.root, imageAt(), roomyLimits)).rejects.toThrow(
      "image 'app': the Dockerfile 'Dockerfile' cannot be read; check images.app.dockerfile",
    );
    writeFileSync(join(tree.root, 'Dockerfile'), 'FROM scratch\n');
    await expect(hashImage(tree.root, imageAt({ context: 'missing' }), roomyLimits)).rejects.toThrow(
      "image 'app': the build context 'missing' is not a directory in the repository; check images.app.context",
    );
  });
});
