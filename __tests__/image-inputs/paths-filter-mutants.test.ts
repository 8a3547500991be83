// The paths filter's suite part and configuration part: which Go packages a `./…` pattern
// reaches, the vendored packages the suite compiles, the configuration file read, and the
// context limit of the configuration.
import { BUILT_IN_MANIFESTS, loadConfig, type Config } from '../../src/config/index.js';
import { ContextTooLargeError } from '../../src/image-inputs/context-report.js';
import { configWatches, pathsFilter } from '../../src/image-inputs/paths-filter.js';
import { fileWatch, filesInWatch, treeWatch } from '../../src/image-inputs/watch.js';
import { contextTree, type ContextTree } from './context-tree.js';

const CONFIG = (ginkgoPackages: string, build = '') =>
  ['images:', '  app: { dockerfile: Dockerfile, inputs: dockerfile }', 'suite:', `  ginkgoPackages: ${ginkgoPackages}`, '  inputs: []', build].join('\n');

const SUITE_WITH_VENDOR = {
  'go.mod': 'module example.com/m\n\ngo 1.21\n',
  'test/e2e/suite_test.go': 'package e2e_test\n\nimport _ "example.com/dep"\n',
  'test/e2e/README.md': 'how to run\n',
  'vendor/modules.txt': '# example.com/dep v1.0.0\n## explicit\nexample.com/dep\n',
  'vendor/example.com/dep/dep.go': 'package dep\n',
};

let tree: ContextTree;
afterEach(() => tree.remove());

function configFor(ginkgoPackages: string, files: Record<string, string> = {}, options: { build?: string; configFile?: string } = {}): Config {
  const configFile = options.configFile ?? '.github/aianalysis-e2e.yaml';
  tree = contextTree({ [configFile]: CONFIG(ginkgoPackages, options.build), Dockerfile: 'FROM alpine\nCOPY LICENSE /\n', LICENSE: 'l\n', ...files });
  const inputs: Record<string, string> = options.configFile === undefined ? {} : { config: options.configFile };
  return loadConfig({ inputs, repoRoot: tree.root, builtInManifests: BUILT_IN_MANIFESTS });
}

const kindOf = () => undefined;

describe('the suite packages', () => {
  test('a recursive pattern reaches a Go package below a folder without Go, and the vendored packages it imports', async () => {
    const { paths, notes } = await pathsFilter(configFor('[./test/...]', SUITE_WITH_VENDOR), tree.root);
    expect(notes).toEqual([]);
    expect(paths).toEqual([
      '.dockerignore',
      '.github/aianalysis-e2e.yaml',
      '.github/workflows/aianalysis-e2e-*.yml',
      'Dockerfile',
      'Dockerfile.dockerignore',
      'LICENSE',
      'go.mod',
      'go.sum',
      'go.work',
      'test/**',
      'vendor/example.com/dep/*',
      'vendor/modules.txt',
    ]);
  });

  test('a package without vendor still watches where vendor/modules.txt would appear', async () => {
    const files = { 'go.mod': 'module example.com/m\n\ngo 1.21\n', 'test/e2e/suite_test.go': 'package e2e_test\n' };
    const { paths } = await pathsFilter(configFor('[./test/e2e]', files), tree.root);
    expect(paths).toEqual(expect.arrayContaining(['test/e2e/*', 'go.mod', 'go.sum', 'vendor/modules.txt']));
  });

  test.each([
    ['./test/e2e', filesInWatch('test/e2e'), treeWatch('test/e2e')],
    ['./test/e2e/...', treeWatch('test/e2e'), filesInWatch('test/e2e')],
    ['...', treeWatch(''), filesInWatch('')],
    ['./...', treeWatch(''), filesInWatch('')],
  ])('%s watches its folder as %j', (pattern, watch, not) => {
    const config = configFor('[./test/e2e]');
    const watches = configWatches({ ...config, suite: { ...config.suite, ginkgoPackages: [pattern] } }, kindOf);
    expect(watches).toContainEqual(watch);
    expect(watches).not.toContainEqual(not);
  });
});

describe('what the configuration names', () => {
  test('the configuration file read is watched, not the default one', () => {
    const watches = configWatches(configFor('[./test/e2e]', {}, { configFile: 'ci/e2e.yaml' }), kindOf);
    expect(watches).toContainEqual(fileWatch('ci/e2e.yaml'));
    expect(watches).not.toContainEqual(fileWatch('.github/aianalysis-e2e.yaml'));
  });

  test('an empty path named by the configuration watches nothing', () => {
    const config = configFor('[./test/e2e]');
    const watches = configWatches({ ...config, cluster: { ...config.cluster, kindConfig: '' } }, kindOf);
    expect(watches).not.toContainEqual(treeWatch(''));
  });

  test('an image context above the configured limit stops the filter, naming the limit', async () => {
    const config = configFor('[./test/e2e]', {}, { build: 'build: { contextWarnMiB: 1, contextLimitMiB: 1 }' });
    tree.write('big.bin', Buffer.alloc(2 * 1024 * 1024));
    await expect(pathsFilter(config, tree.root)).rejects.toThrow(ContextTooLargeError);
  });
});
