// What the configuration file's YAML turns into, and on which line its problems are reported.
import { ConfigError, loadConfig, problemLocation } from '../../src/config/index.js';
import { tempTree, type TempTree } from './temp-repo.js';

const FILE = '.github/aianalysis-e2e.yaml';

let repo: TempTree;
beforeEach(() => (repo = tempTree()));
afterEach(() => repo.remove());

function problems(yaml: string): string[] {
  repo.write(FILE, yaml);
  try {
    loadConfig({ inputs: {}, repoRoot: repo.root });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${problemLocation(p)}: ${p.message}`);
    throw error;
  }
  throw new Error('the configuration was accepted');
}

test('values written in the file are read', () => {
  repo.write(FILE, 'cluster:\n  name: from-file\nsuite:\n  ginkgoLabel: smoke\n');
  const config = loadConfig({ inputs: {}, repoRoot: repo.root });
  expect([config.cluster.name, config.suite.ginkgoLabel]).toEqual(['from-file', 'smoke']);
});

test.each([
  ['a syntax error far down', `${'# comment\n'.repeat(11)}cluster:\n  name: a\n  name: b\n`, 14],
  ['a syntax error far to the right', 'cluster: {name: a, reuse: true, name: b}\n', 1],
])('%s is reported with its line and without the code frame', (_case, yaml, line) => {
  expect(problems(yaml)).toEqual([`${FILE} (line ${line}): YAML syntax error: Map keys must be unique`]);
});

test('a file with a syntax error is not checked further', () => {
  expect(problems('cluster:\n  name: Bad\n  name: Worse\nengine: nerdctl\n')).toEqual([
    `${FILE} (line 3): YAML syntax error: Map keys must be unique`,
  ]);
});

test.each(['hello', '42', '"quoted"', '[a, b]'])('a document that is just %s is refused', (yaml) => {
  expect(problems(`${yaml}\n`)).toEqual([`${FILE} (line 1): expected a mapping of sections (images, build, cluster, deploy, suite, …)`]);
});

test('a problem in a list written through an alias is placed on the line of the alias', () => {
  expect(problems('suite:\n  command: &cmd [make, ""]\n  listCommand: *cmd\n')).toEqual([
    `${FILE}: suite.command[1] (line 2): got ''; expected a non-empty word`,
    `${FILE}: suite.listCommand[1] (line 3): got ''; expected a non-empty word`,
  ]);
});

test('a key that is not text is reported where the document starts', () => {
  expect(problems('# settings\n\n? [a]\n: b\n')).toEqual([
    expect.stringMatching(new RegExp(`^${FILE.replace(/\./g, '\\.')}: \\['\\[ a \\]'\\] \\(line 3\\): unknown key; allowed: 'setup', `)),
  ]);
});

test('a problem of the whole file that has no line carries none', () => {
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 4; i += 1) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
  repo.write(FILE, `${levels.join('\n')}\n`);
  let problems: readonly unknown[] = [];
  try {
    loadConfig({ inputs: {}, repoRoot: repo.root });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems = error.problems;
  }
  expect(problems).toStrictEqual([
    { source: 'file', field: '', file: FILE, message: 'the file expands YAML aliases more than 100 times: write the values out instead' },
  ]);
});
