// Where a problem is said to be (input, file line, built-in default), and what the loader returns.
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { configFileRepo, FILE } from './config-file.js';
import { tempTree } from './temp-repo.js';

const files = configFileRepo();
const { load, problems } = files;

describe('the GitHub token', () => {
  test('is kept as a secret when given', () => {
    const config = load(undefined, { 'github-token': 'ghs_token-4711' });
    expect(config.githubToken?.reveal()).toBe('ghs_token-4711');
    expect(JSON.stringify(config)).not.toContain('ghs_token-4711');
  });

  test.each([[{}], [{ 'github-token': '' }]])('is null when not given: %j', (inputs) => {
    expect(load(undefined, inputs).githubToken).toBeNull();
  });
});

test('input problems are listed in the order of the inputs, unknown names first', () => {
  expect(problems(undefined, { push: 'maybe', 'registry-password': 'p', 'zzz-unknown': '1', 'cluster-name': 'Bad' }).map((p) => p.split(':')[0])).toEqual([
    "input 'zzz-unknown'",
    "input 'registry-password'",
    "input 'push'",
    "input 'cluster-name'",
  ]);
});

test('a problem with a default value is named as a default even when the file writes its section', () => {
  expect(problems('build: {contextLimitMiB: 100}\n')).toEqual([
    'built-in default build.contextWarnMiB: got 200; expected at most build.contextLimitMiB (100)',
  ]);
});

test('a problem with a built-in path is named as a default when a file exists', () => {
  const outside = tempTree();
  try {
    symlinkSync(outside.root, path.join(files.tree.root, 'docker'));
    const found = problems('cluster: {name: e2e}\n');
    expect(found).toHaveLength(3);
    expect(found.every((p) => /^built-in default images\.\w+\.dockerfile: .*leads outside the repository/.test(p))).toBe(true);
  } finally {
    outside.remove();
  }
});

test('a problem inside a command line written as text is placed on the line of its key', () => {
  expect(problems('suite:\n  command: [make, e2e]\n  listCommand: "ginkgo --json-report={json}"\n')).toEqual([
    `${FILE}: suite.listCommand[1] (line 3): got '--json-report={json}'; unknown placeholder {json}; expected {jsonReport}, {focus}, {label}`,
  ]);
});

test('a section written empty and completed by an input reports its missing keys at the section', () => {
  const found = problems('suite: {}\ncluster: ~\n', { 'cluster-name': 'e2e' });
  expect(found).toContain(`${FILE}: cluster.reuse (line 2): missing; expected true or false`);
  expect(found.every((p) => p.startsWith(`${FILE}: cluster.`))).toBe(true);
});

test.each([
  ['text', 'cluster: oops'],
  ['a number', 'suite: 3'],
])('a section written as %s replaces the built-in one and is refused', (_kind, yaml) => {
  const [section] = yaml.split(':');
  expect(problems(`${yaml}\n`)).toEqual([expect.stringMatching(new RegExp(`^${FILE.replace(/\./g, '\\.')}: ${section} \\(line 1\\): got .*; expected a mapping$`))]);
});

test('a configuration file of exactly 1 MiB is read', () => {
  const head = 'cluster: {name: exact}\n#';
  const config = load(`${head}${'x'.repeat(1024 * 1024 - head.length - 1)}\n`);
  expect(config.cluster.name).toBe('exact');
});
