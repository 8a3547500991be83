/**
 * The listing that is hashed against what Docker itself copies: `COPY . /` in a BuildKit build
 * exported to a directory holds exactly the context files the ignore file lets through.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { prepareFixtureRepo } from '../fixtures/prepare.js';
import { testbedEnv, type TestbedEnv } from '../testbed/env.js';
import { listContext } from '../../src/image-inputs/context.js';
import { contextTree, imageAt } from './context-tree.js';

const execFileAsync = promisify(execFile);
const EXPORT_DOCKERFILE = 'FROM scratch\nCOPY . /\n';

let env: TestbedEnv;
let outputs: string;
beforeAll(async () => {
  outputs = await mkdtemp(join(tmpdir(), 'plan-docker-export-'));
  env = await testbedEnv();
});
afterAll(() => rm(outputs, { recursive: true, force: true }));

/** Files and links Docker copied (directories left out: the hash leaves out empty ones). */
async function dockerCopies(root: string, dockerfile: string, context = '.'): Promise<string[]> {
  const dest = await mkdtemp(join(outputs, 'out-'));
  await execFileAsync(env.docker, ['build', '-q', '-f', join(root, dockerfile), '-o', `type=local,dest=${dest}`, join(root, context)], {
    env: { ...process.env, ...env.processEnv, DOCKER_BUILDKIT: '1' },
    timeout: 120_000,
  });
  const entries = await readdir(dest, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dest, join(entry.parentPath, entry.name)))
    .sort();
}

async function listed(root: string, dockerfile: string, context = '.'): Promise<string[]> {
  const listing = await listContext(root, imageAt({ dockerfile, context }));
  return listing.entries.map((entry) => entry.path).sort();
}

describe('the listed context matches what docker build copies', () => {
  it('with comments, a leading /, **, character classes and ! exceptions', async () => {
    const tree = contextTree({
      'export.Dockerfile': EXPORT_DOCKERFILE,
      '.dockerignore': [
        '# generated',
        '/build',
        '**/*.tmp',
        'docs/**',
        '!docs/keep.md',
        'vendor/',
        '!vendor/keep/**',
        '  spaced.txt  ',
        '*.log',
        '!important.log',
        '[a-c]x.txt',
        'export.Dockerfile',
      ].join('\n'),
      'build/out.bin': 'x',
      'src/build/kept.go': 'x',
      'a.tmp': 'x',
      'src/deep/b.tmp': 'x',
      'docs/guide.md': 'x',
      'docs/keep.md': 'x',
      'docs/sub/more.md': 'x',
      'vendor/keep/k.go': 'x',
      'vendor/keep/sub/z.go': 'x',
      'vendor/other.go': 'x',
      'spaced.txt': 'x',
      'x.log': 'x',
      'important.log': 'x',
      'ax.txt': 'x',
      'dx.txt': 'x',
      'src/main.go': 'x',
    });
    try {
      tree.link('src/link.go', 'main.go');
      tree.write('run.sh', '#!/bin/sh\n', 0o755);
      const copied = await dockerCopies(tree.root, 'export.Dockerfile');
      expect(copied).toContain('vendor/keep/sub/z.go');
      expect(copied).not.toContain('vendor/other.go');
      expect(await listed(tree.root, 'export.Dockerfile')).toEqual(copied);
    } finally {
      tree.remove();
    }
  });

  it("with a <Dockerfile>.dockerignore, which replaces the context's .dockerignore", async () => {
    const tree = contextTree({
      'docker/app.Dockerfile': EXPORT_DOCKERFILE,
      'docker/app.Dockerfile.dockerignore': 'pkg/\n',
      '.dockerignore': 'vendor/\n',
      'pkg/a.go': 'x',
      'vendor/b.go': 'x',
      'main.go': 'x',
    });
    try {
      const copied = await dockerCopies(tree.root, 'docker/app.Dockerfile');
      expect(copied).toContain('vendor/b.go');
      expect(await listed(tree.root, 'docker/app.Dockerfile')).toEqual(copied);
    } finally {
      tree.remove();
    }
  });

  it('for the kubernaut-mini fixture repository and its .dockerignore', async () => {
    const repo = await prepareFixtureRepo();
    try {
      await writeFile(join(repo, 'export.Dockerfile'), EXPORT_DOCKERFILE);
      const copied = await dockerCopies(repo, 'export.Dockerfile');
      expect(copied).toContain('docs/keep.md');
      expect(await listed(repo, 'export.Dockerfile')).toEqual(copied);
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });
});
