// What the configuration file's YAML turns into, and on which line its problems are reported.
import { configFileRepo, FILE } from './config-file.js';

const { load, failure, problems } = configFileRepo();

test('values written in the file are read', () => {
  const config = load('cluster:\n  name: from-file\nsuite:\n  ginkgoLabel: smoke\n');
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
  expect(failure(`${levels.join('\n')}\n`).problems).toStrictEqual([
    { source: 'file', field: '', file: FILE, message: 'the file expands YAML aliases more than 100 times: write the values out instead' },
  ]);
});
