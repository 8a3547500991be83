// Edges of the paths filter: what the configuration names with setup action, a suite that runs
// every package of the repository, a suite without Go, and a suite whose Go cannot be followed.
import { BUILT_IN_MANIFESTS, loadConfig, type Config } from '../../src/config/index.js';
import { configWatches, pathsFilter } from '../../src/image-inputs/paths-filter.js';
import { fileWatch, treeWatch } from '../../src/image-inputs/watch.js';
import { contextTree, type ContextTree } from './context-tree.js';

const CONFIG = (ginkgoPackages: string) =>
  ['images:', '  app: { dockerfile: Dockerfile, inputs: dockerfile }', 'suite:', `  ginkgoPackages: ${ginkgoPackages}`, '  inputs: []'].join('\n');

let tree: ContextTree;
afterEach(() => tree.remove());

function configFor(ginkgoPackages: string, files: Record<string, string> = {}): Config {
  tree = contextTree({ '.github/aianalysis-e2e.yaml': CONFIG(ginkgoPackages), Dockerfile: 'FROM alpine\nCOPY LICENSE /\n', LICENSE: 'l\n', ...files });
  return loadConfig({ inputs: {}, repoRoot: tree.root, builtInManifests: BUILT_IN_MANIFESTS });
}

const kindOf = () => undefined;

describe('configWatches', () => {
  test('with setup action, the manifests the action deploys are watched too', () => {
    const config = configFor('[./test/e2e/...]');
    const deploy = { ...config.deploy, manifestsDir: 'deploy/manifests', crds: ['crds/a.yaml'], extraManifests: ['extra/x.yaml'], replaceManifests: { 'redis.yaml': 'mine/redis.yaml' } };
    const named = ['deploy/manifests', 'crds/a.yaml', 'extra/x.yaml', 'mine/redis.yaml'];
    const withAction = configWatches({ ...config, setup: 'action', deploy }, kindOf);
    const withSuite = configWatches({ ...config, setup: 'suite', deploy }, kindOf);
    for (const path of named) {
      expect(withAction).toContainEqual(fileWatch(path));
      expect(withSuite).not.toContainEqual(fileWatch(path));
    }
  });

  test('a suite of every package of the repository watches the whole tree', () => {
    expect(configWatches(configFor('[./...]'), kindOf)).toContainEqual(treeWatch(''));
  });
});

describe('pathsFilter edges', () => {
  test('a suite folder without Go adds only its own tree', async () => {
    const config = configFor('[./test/e2e/...]', { 'test/e2e/README.md': 'no go here\n' });
    const { paths, notes } = await pathsFilter(config, tree.root);
    expect(notes).toEqual([]);
    expect(paths).toEqual(['.dockerignore', '.github/aianalysis-e2e.yaml', '.github/workflows/aianalysis-e2e-*.yml', 'Dockerfile', 'Dockerfile.dockerignore', 'LICENSE', 'test/e2e/**', 'test/infrastructure/kind-aianalysis-config.yaml', 'test/infrastructure/kind-aianalysis-config.yaml/**']);
  });

  test("a suite whose Go cannot be followed watches the whole repository, and says why", async () => {
    const config = configFor('[./test/e2e/...]', { 'test/e2e/suite_test.go': 'package e2e_test\n' });
    const { paths, notes } = await pathsFilter(config, tree.root);
    expect(notes).toEqual(["the suite's Go packages: no go.mod at or above ./test/e2e inside the build context; the whole repository is watched"]);
    expect(paths).toEqual(['**', '.github/workflows/aianalysis-e2e-*.yml']);
  });
});
