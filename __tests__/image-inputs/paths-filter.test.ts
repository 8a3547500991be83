// The workflows' `paths` filter on a small Go repository shaped like kubernaut: every file that
// makes an image's tag or the suite's build matches it (by GitHub's matching rules), so do the
// files a change could add as inputs, and the rest of the repository does not.
import { BUILT_IN_MANIFESTS, loadConfig } from '../../src/config/index.js';
import { hashImage } from '../../src/image-inputs/hash.js';
import { pathsFilter } from '../../src/image-inputs/paths-filter.js';
import { makePlan } from '../../src/plan/plan.js';
import { pathsFilterMatches } from '../workflows/paths-match.js';
import { contextTree, type ContextTree } from './context-tree.js';

const DOCKERFILE = [
  'FROM golang AS builder',
  'WORKDIR /src',
  'COPY go.mod go.sum ./',
  'COPY . .',
  'RUN go build -o app ./cmd/app',
  'FROM scratch',
  'COPY --from=builder /src/app /app',
].join('\n');

const CONFIG = [
  'images:',
  '  app: { dockerfile: docker/app.Dockerfile, inputs: go }',
  'cluster:',
  '  kindConfig: test/infra/kind.yaml',
  'suite:',
  '  ginkgoPackages: [./test/e2e/app/...]',
  '  inputs: [Makefile, migrations]',
].join('\n');

const REPO: Record<string, string> = {
  '.github/aianalysis-e2e.yaml': CONFIG,
  'docker/app.Dockerfile': DOCKERFILE,
  Makefile: 'test-e2e-app:\n\tginkgo ./test/e2e/app/...\n',
  'go.mod': 'module example.com/kn\n\ngo 1.24\n',
  'go.sum': '',
  'cmd/app/main.go': 'package main\n\nimport _ "example.com/kn/pkg/a"\n\nfunc main() {}\n',
  'cmd/app/main_test.go': 'package main\n\nimport _ "example.com/kn/pkg/testonly"\n',
  'pkg/a/a.go': 'package a\n\nimport (\n\t"embed"\n\n\t_ "example.com/kn/internal/b"\n)\n\n//go:embed templates/*.html static-files\nvar files embed.FS\n',
  'pkg/a/templates/page.html': '<p/>\n',
  'pkg/a/static-files/logo.svg': '<svg/>\n',
  'pkg/a/sub/sub.go': 'package sub\n',
  'internal/b/b.go': 'package b\n',
  'pkg/testonly/t.go': 'package testonly\n',
  'pkg/helper/helper.go': 'package helper\n',
  'pkg/unrelated/u.go': 'package unrelated\n',
  'migrations/001.sql': 'create table t ();\n',
  'docs/guide.md': '# guide\n',
  'test/e2e/app/suite_test.go': 'package app_test\n\nimport _ "example.com/kn/test/infra"\n',
  'test/e2e/app/health/health_test.go': 'package health_test\n',
  'test/infra/infra.go': 'package infra\n\nimport _ "example.com/kn/pkg/helper"\n',
  'test/infra/kind.yaml': 'kind: Cluster\n',
  'test/infra/other.yaml': 'unused: true\n',
};

let tree: ContextTree;
beforeEach(() => {
  tree = contextTree(REPO);
});
afterEach(() => tree.remove());

const config = () => loadConfig({ inputs: {}, repoRoot: tree.root, builtInManifests: BUILT_IN_MANIFESTS });

it('lists package folders, embed and copy trees, the suite and what the configuration names, sorted', async () => {
  const { paths, notes } = await pathsFilter(config(), tree.root);
  expect(notes).toEqual([]);
  expect(paths).toEqual([
    '.dockerignore',
    '.github/aianalysis-e2e.yaml',
    '.github/workflows/aianalysis-e2e-*.yml',
    'Makefile',
    'app',
    'app/**',
    'cmd/app/*',
    'docker/app.Dockerfile',
    'docker/app.Dockerfile.dockerignore',
    'go.mod',
    'go.sum',
    'go.work',
    'internal/b/*',
    'migrations/**',
    'pkg/a/*',
    'pkg/a/static-files/**',
    'pkg/a/templates/**',
    'pkg/helper/*',
    'test/e2e/app/**',
    'test/infra/*',
    'vendor/modules.txt',
  ]);
});

it('matches every file of the image\'s tag and of the suite\'s build, and what a change could add to them', async () => {
  const loaded = config();
  const { paths } = await pathsFilter(loaded, tree.root);
  const [image] = makePlan(loaded).images;
  const { inputs } = await hashImage(tree.root, image, { warnMiB: 200, limitMiB: 1024 });
  const suiteBuild = ['test/e2e/app/suite_test.go', 'test/e2e/app/health/health_test.go', 'test/infra/infra.go', 'pkg/helper/helper.go', 'Makefile', 'migrations/001.sql'];
  const added = ['pkg/a/new.go', 'pkg/a/asm_amd64.s', 'pkg/a/templates/new.html', 'pkg/a/static-files/new/icon.svg', 'go.work', '.dockerignore', 'test/e2e/app/new/new_test.go', 'migrations/002.sql', 'cmd/app/default.pgo'];
  for (const path of [...inputs.files.map(({ entry }) => entry.path), ...suiteBuild, ...added]) {
    expect({ path, matched: pathsFilterMatches(paths, path) }).toEqual({ path, matched: true });
  }
  for (const path of ['pkg/unrelated/u.go', 'pkg/a/sub/sub.go', 'docs/guide.md', 'pkg/testonly/t.go', 'test/infra/sub/x.go', 'README.md']) {
    expect({ path, matched: pathsFilterMatches(paths, path) }).toEqual({ path, matched: false });
  }
});

it('watches the whole context, and says why, when the image\'s Go build cannot be followed', async () => {
  tree.write('docker/app.Dockerfile', DOCKERFILE.replace('RUN go build', 'RUN make generate && go build'));
  const { paths, notes } = await pathsFilter(config(), tree.root);
  expect(notes).toEqual([expect.stringMatching(/^image 'app': inputs 'go' fell back to 'dockerfile': the Dockerfile runs `make generate`/)]);
  expect(paths).toContain('**');
  expect(paths.filter((path) => path !== '**' && !path.startsWith('.github/workflows/'))).toEqual([]);
});

it('escapes the characters the filter syntax gives a meaning in file names', async () => {
  tree.write('.github/aianalysis-e2e.yaml', CONFIG.replace('[Makefile, migrations]', "[Makefile, 'data/!a[1]+b?.json']"));
  tree.write('data/!a[1]+b?.json', '{}\n');
  const { paths } = await pathsFilter(config(), tree.root);
  expect(paths).toContain('data/!a\\[1\\]\\+b\\?.json');
  expect(pathsFilterMatches(paths, 'data/!a[1]+b?.json')).toBe(true);
  for (const near of ['data/!a1+b?.json', 'data/!a[1]bb.json', 'data/!a[1]+.json']) expect(pathsFilterMatches(paths, near)).toBe(false);
});
