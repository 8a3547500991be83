import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, problemLocation, type Config, type Inputs } from '../../src/config/index.js';
import { tempTree, type TempTree } from './temp-repo.js';

const FILE = '.github/aianalysis-e2e.yaml';

/** `repo/` is the repository; `outside/` is next to it. */
let tree: TempTree;
let repoRoot: string;
let outside: string;
beforeEach(() => {
  tree = tempTree();
  repoRoot = path.join(tree.root, 'repo');
  outside = path.join(tree.root, 'outside');
  mkdirSync(repoRoot);
  mkdirSync(outside);
});
afterEach(() => tree.remove());

function load(yaml: string | undefined, inputs: Inputs = {}, root = repoRoot): Config {
  if (yaml !== undefined) tree.write(`repo/${FILE}`, yaml);
  return loadConfig({ inputs, repoRoot: root });
}

function problems(yaml: string | undefined, inputs: Inputs = {}): string[] {
  try {
    load(yaml, inputs);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${problemLocation(p)}: ${p.message}`);
    throw error;
  }
  throw new Error('the configuration was accepted');
}

const IMAGE = (dockerfile: string) => `images:\n  api:\n    dockerfile: ${JSON.stringify(dockerfile)}\n`;

test('paths are normalised to repository-relative form', () => {
  const config = load(
    [
      'images:',
      '  api: {dockerfile: ./docker/../docker/api.Dockerfile, context: ./}',
      `  abs: {dockerfile: ${JSON.stringify(path.join(repoRoot, 'abs.Dockerfile'))}, context: src/}`,
      'suite: {junitReport: out//junit.xml}',
    ].join('\n'),
  );
  expect(config.images.api).toMatchObject({ dockerfile: 'docker/api.Dockerfile', context: '.' });
  expect(config.images.abs).toMatchObject({ dockerfile: 'abs.Dockerfile', context: 'src' });
  expect(config.suite.junitReport).toBe('out/junit.xml');
});

test.each([
  ['../../etc/passwd'],
  ['docker/../../outside'],
  ['/etc/passwd'],
  ['..'],
])('%s escapes the repository', (written) => {
  expect(problems(IMAGE(written))).toEqual([
    `${FILE}: images.api.dockerfile (line 3): got '${written}'; outside the repository; expected the Dockerfile: a path inside the repository, relative to its root`,
  ]);
});

test('every kind of path field is checked', () => {
  const escape = '../x';
  const found = problems(
    [
      `images: {api: {dockerfile: D, context: ${escape}}}`,
      `cluster: {kindConfig: ${escape}, coverageHostDir: ${escape}}`,
      `deploy: {manifestsDir: ${escape}, crds: [${escape}], extraManifests: [${escape}], replaceManifests: {redis.yaml: ${escape}}}`,
      `suite: {workingDirectory: ${escape}, junitReport: ${escape}}`,
    ].join('\n'),
  );
  expect(found.map((p) => p.split(':')[1]?.trim())).toEqual([
    'images.api.context (line 1)',
    'cluster.kindConfig (line 2)',
    'cluster.coverageHostDir (line 2)',
    'deploy.manifestsDir (line 3)',
    'deploy.crds[0] (line 3)',
    'deploy.extraManifests[0] (line 3)',
    "deploy.replaceManifests['redis.yaml'] (line 3)",
    'suite.workingDirectory (line 4)',
    'suite.junitReport (line 4)',
  ]);
  expect(found.every((p) => p.includes("got '../x'; outside the repository"))).toBe(true);
});

test('a symbolic link to a directory outside the repository is refused', () => {
  tree.write('outside/api.Dockerfile', 'FROM scratch\n');
  symlinkSync(outside, path.join(repoRoot, 'docker'));
  expect(problems(IMAGE('docker/api.Dockerfile'))).toEqual([
    `${FILE}: images.api.dockerfile (line 3): got 'docker/api.Dockerfile'; leads outside the repository through a symbolic link; expected the Dockerfile: a path inside the repository, relative to its root`,
  ]);
});

test('a symbolic link is followed even when its target does not exist yet', () => {
  symlinkSync(path.join(outside, 'reports'), path.join(repoRoot, 'out'));
  expect(problems('suite: {junitReport: out/junit.xml}\n')).toEqual([
    expect.stringContaining(`${FILE}: suite.junitReport (line 1): got 'out/junit.xml'; leads outside the repository through a symbolic link`),
  ]);
});

test('the built-in defaults are checked too, and named as such', () => {
  symlinkSync(outside, path.join(repoRoot, 'docker'));
  expect(problems(undefined)).toEqual([
    expect.stringMatching(/^built-in default images\.datastorage\.dockerfile: got 'docker\/data-storage\.Dockerfile'; leads outside/),
    expect.stringMatching(/^built-in default images\.kubernautagent\.dockerfile: got 'docker\/kubernautagent\.Dockerfile'; leads outside/),
    expect.stringMatching(/^built-in default images\.aianalysis\.dockerfile: got 'docker\/aianalysis\.Dockerfile'; leads outside/),
  ]);
});

test('symbolic links that stay inside the repository are fine, as is a repository reached through one', () => {
  tree.write('repo/build/api.Dockerfile', 'FROM scratch\n');
  symlinkSync(path.join(repoRoot, 'build'), path.join(repoRoot, 'docker'));
  const linkedRoot = path.join(tree.root, 'linked-repo');
  symlinkSync(repoRoot, linkedRoot);
  expect(load(IMAGE('docker/api.Dockerfile'), {}, linkedRoot).images.api?.dockerfile).toBe('docker/api.Dockerfile');
});

test('a symbolic link loop is reported, not thrown', () => {
  symlinkSync(path.join(repoRoot, 'b'), path.join(repoRoot, 'a'));
  symlinkSync(path.join(repoRoot, 'a'), path.join(repoRoot, 'b'));
  expect(problems(IMAGE('a/Dockerfile'))).toEqual([expect.stringContaining("got 'a/Dockerfile'; cannot be resolved (ELOOP)")]);
});

describe('the configuration file itself', () => {
  test('may not be outside the repository', () => {
    tree.write('outside/e2e.yaml', 'cluster: {name: x}\n');
    expect(problems(undefined, { config: '../outside/e2e.yaml' })).toEqual([
      "input 'config': got '../outside/e2e.yaml'; outside the repository; expected a configuration file inside the repository",
    ]);
  });

  test('may not be reached through a symbolic link leading out, even at its default place', () => {
    tree.write('outside/aianalysis-e2e.yaml', 'cluster: {name: x}\n');
    symlinkSync(outside, path.join(repoRoot, '.github'));
    expect(problems(undefined)).toEqual([
      `input 'config': got '${FILE}'; leads outside the repository through a symbolic link; expected a configuration file inside the repository`,
    ]);
  });
});
