import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { prepareFixtureRepo } from '../fixtures/prepare.js';
import { generateVendorTree } from '../fixtures/vendor.js';
import { ContextTooLargeError, checkContext, topDirectories } from '../../src/image-inputs/context-report.js';
import type { ContextEntry } from '../../src/image-inputs/context.js';
import { hashImage } from '../../src/image-inputs/hash.js';
import { contextTree, imageAt, roomyLimits } from './context-tree.js';

const MiB = 1024 * 1024;

const file = (path: string, size: number): ContextEntry => ({ path, kind: 'file', executable: false, size });
const facts = (entries: ContextEntry[], ignoreFile: string | undefined = '.dockerignore') => ({
  image: 'datastorage',
  context: '.',
  entries,
  bytes: entries.reduce((sum, entry) => sum + entry.size, 0),
  ignoreFile,
});

describe('checkContext', () => {
  it('has nothing to say about a small context of sources', () => {
    expect(checkContext(facts([file('go.mod', 100), file('pkg/a/a.go', 2000), file('cmd/x/main.go', 300)]), roomyLimits)).toEqual([]);
  });

  it.each([
    ['vendor/github.com/x/y.go', '`vendor/`', 'vendored modules'],
    ['web/node_modules/left-pad/index.js', '`web/node_modules/`', 'installed node modules'],
    ['.git/objects/ab/cdef', '`.git/`', 'the git repository'],
    ['coverdata/covmeta.1234', '`coverdata/`', 'coverage output'],
    ['coverage-e2e/report.html', '`coverage-e2e/`', 'coverage output'],
    ['coverage.html', '`**/coverage*.html`', 'coverage output'],
    ['web/coverage-final.json', '`**/coverage*.json`', 'coverage output'],
    ['e2e/covcounters.8b1a.4242.1700000000', '`**/covcounters.*`', 'coverage output'],
    ['test/e2e/cover.out', '`**/*.out`', 'coverage profiles'],
  ])('warns about %s with the pattern to add', (path, pattern, what) => {
    const warnings = checkContext(facts([file('go.mod', 10), file(path, 2 * MiB)]), roomyLimits);
    expect(warnings).toEqual([
      `the build context '.' of image 'datastorage' holds ${what} ${pattern} (1 file, 2.0 MiB): ` +
        `add ${pattern} to .dockerignore unless the image needs it`,
    ]);
  });

  it('takes no source for coverage output, nor a fixture for anything: kubernaut\'s main warns of none', () => {
    const sources = [
      'scripts/coverage/report.sh',
      'scripts/coverage/README.md',
      'scripts/coverage/test/fixtures/sample_go_coverage.out',
      'scripts/coverage/test/fixtures/sample_python_coverage.txt',
      'pkg/shared/coverage_668_test.go',
      'test/infrastructure/coverage.go',
      '.coverage-patterns.yaml',
      'pkg/parser/testdata/expected.out',
      'internal/report/templates/coverage.html.tmpl',
      'internal/discovery/stdout.output.golden',
    ];
    expect(checkContext(facts(sources.map((path) => file(path, 2 * MiB))), roomyLimits)).toEqual([]);
  });

  it('a coverage directory with code in it is not left out whole: only its coverage files are named', () => {
    const entries = [file('coverage/lcov-report/sorter.js', MiB), file('coverage/coverage-final.json', MiB), file('coverage/lcov-report/index.html', MiB)];
    expect(checkContext(facts(entries), roomyLimits)).toEqual([
      "the build context '.' of image 'datastorage' holds coverage output `**/coverage*.json` (1 file, 1.0 MiB): " +
        'add `**/coverage*.json` to .dockerignore unless the image needs it',
    ]);
  });

  it('reports the outermost suspect directory once, with its file count and size', () => {
    const entries = [file('vendor/a.go', MiB), file('vendor/b/node_modules/c.js', MiB), file('vendor/coverage.out', MiB)];
    const warnings = checkContext(facts(entries), roomyLimits);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('`vendor/` (3 files, 3.0 MiB)');
  });

  it('writes file counts with thousands separators', () => {
    const entries = Array.from({ length: 1234 }, (_, index) => file(`vendor/m/f${index}.go`, 1));
    expect(checkContext(facts(entries), roomyLimits)[0]).toContain('`vendor/` (1,234 files, 0.0 MiB)');
  });

  it('names the ignore file in effect, or the .dockerignore to create in the context', () => {
    const entries = [file('node_modules/x.js', 10)];
    expect(checkContext(facts(entries, 'docker/app.Dockerfile.dockerignore'), roomyLimits)[0]).toContain(
      'add `node_modules/` to docker/app.Dockerfile.dockerignore',
    );
    expect(checkContext({ ...facts(entries), ignoreFile: undefined, context: 'services/api' }, roomyLimits)[0]).toContain(
      'add `node_modules/` to services/api/.dockerignore',
    );
  });

  it('warns above build.contextWarnMiB with the biggest directories', () => {
    const entries = [file('assets/big.bin', 3 * MiB), file('pkg/a.go', MiB / 2), file('README', 10)];
    const warnings = checkContext(facts(entries), { warnMiB: 2, limitMiB: 10 });
    expect(warnings).toEqual([
      "the build context '.' of image 'datastorage' is 3.5 MiB in 3 files, above build.contextWarnMiB (2 MiB); " +
        'biggest directories: assets/ 3.0 MiB (1 file), pkg/ 0.5 MiB (1 file). Add what the image does not need to .dockerignore.',
    ]);
  });

  it('refuses a context above build.contextLimitMiB, naming the image, the size, the top 5 directories and the fix', () => {
    const entries = ['a', 'b', 'c', 'd', 'e', 'f'].map((dir, index) => file(`${dir}/blob`, (index + 1) * MiB));
    entries.push(file('vendor/mod/x.go', 10 * MiB));
    let error: unknown;
    try {
      checkContext(facts(entries), { warnMiB: 5, limitMiB: 20 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContextTooLargeError);
    const tooLarge = error as ContextTooLargeError;
    expect(tooLarge.message).toBe(
      "the build context '.' of image 'datastorage' is 31.0 MiB in 7 files, above build.contextLimitMiB (20 MiB). " +
        'Biggest directories: vendor/ 10.0 MiB (1 file), f/ 6.0 MiB (1 file), e/ 5.0 MiB (1 file), ' +
        'd/ 4.0 MiB (1 file), c/ 3.0 MiB (1 file). ' +
        'Fix: add what the image does not need to .dockerignore (such as `vendor/`), or raise build.contextLimitMiB.',
    );
    expect(tooLarge.topDirectories.map((d) => d.path)).toEqual(['vendor/', 'f/', 'e/', 'd/', 'c/']);
  });

  it('suggests the biggest directory when nothing suspect is there', () => {
    expect(() => checkContext(facts([file('assets/big.bin', 30 * MiB)]), { warnMiB: 5, limitMiB: 20 })).toThrow(
      'Fix: add what the image does not need to .dockerignore (such as `assets/`), or raise build.contextLimitMiB.',
    );
  });
});

describe('topDirectories', () => {
  it('sums first-level directories, biggest first, leaving out files at the top', () => {
    const entries = [file('top.bin', 50), file('a/x', 5), file('a/b/y', 5), file('c/z', 20)];
    expect(topDirectories(entries)).toEqual([
      { path: 'c/', files: 1, bytes: 20 },
      { path: 'a/', files: 2, bytes: 10 },
    ]);
  });
});

describe('the context check on the kubernaut-mini fixture with a generated vendor/', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await prepareFixtureRepo();
    await generateVendorTree(repo, { files: 400, totalBytes: 12 * MiB });
  });
  afterAll(() => rm(repo, { recursive: true, force: true }));

  const image = imageAt({ name: 'datastorage', dockerfile: 'docker/data-storage.Dockerfile' });

  it('leaves vendor/ out as the fixture .dockerignore says, without warnings', async () => {
    const result = await hashImage(repo, image, { warnMiB: 5, limitMiB: 10 });
    expect(result.warnings).toEqual([]);
    expect(result.topDirectories.map((directory) => directory.path)).not.toContain('vendor/');
  });

  it('warns, then refuses, once vendor/ is no longer ignored', async () => {
    const ignoreFile = join(repo, '.dockerignore');
    const original = await readFile(ignoreFile, 'utf8');
    try {
      await writeFile(ignoreFile, original.replace(/^vendor\/$/m, ''));
      const result = await hashImage(repo, image, { warnMiB: 5, limitMiB: 20 });
      expect(result.warnings).toEqual([
        expect.stringMatching(/holds vendored modules `vendor\/` \(40\d files, 12\.0 MiB\): add `vendor\/` to \.dockerignore/),
        expect.stringMatching(/above build\.contextWarnMiB \(5 MiB\); biggest directories: vendor\/ 12\.0 MiB/),
      ]);
      expect(result.topDirectories[0]).toMatchObject({ path: 'vendor/' });
      await expect(hashImage(repo, image, { warnMiB: 5, limitMiB: 10 })).rejects.toThrow(
        /image 'datastorage' is 1\d\.\d MiB in 4\d\d files, above build\.contextLimitMiB \(10 MiB\)\. Biggest directories: vendor\/ 12\.0 MiB.*such as `vendor\/`/,
      );
    } finally {
      await writeFile(ignoreFile, original);
    }
  });
});

describe('hashImage on a context with nothing suspect', () => {
  it('returns no warnings and the top directories', async () => {
    const tree = contextTree({ Dockerfile: 'FROM scratch\n', 'pkg/a.go': 'package a\n', 'cmd/main.go': 'package main\n\n' });
    try {
      const result = await hashImage(tree.root, imageAt(), roomyLimits);
      expect(result.warnings).toEqual([]);
      expect(result.topDirectories).toEqual([
        { path: 'cmd/', files: 1, bytes: 14 },
        { path: 'pkg/', files: 1, bytes: 10 },
      ]);
    } finally {
      tree.remove();
    }
  });
});
