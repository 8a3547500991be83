// Inputs arrive as text; only boolean and integer inputs are read as such.
import { loadConfig, type Config, type Inputs } from '../../src/config/index.js';
import { tempTree, type TempTree } from './temp-repo.js';

let repo: TempTree;
beforeEach(() => (repo = tempTree()));
afterEach(() => repo.remove());

const load = (inputs: Inputs): Config => loadConfig({ inputs, repoRoot: repo.root });

test.each([
  ['ginkgo-focus', 'true', (c: Config) => c.suite.ginkgoFocus],
  ['ginkgo-label', 'FALSE', (c: Config) => c.suite.ginkgoLabel],
  ['cluster-name', 'true', (c: Config) => c.cluster.name],
])('text input %s keeps %s as text', (input, raw, read) => {
  expect(read(load({ [input]: raw }))).toBe(raw);
});

test.each([
  ['retention-days', '42', (c: Config) => c.report.retentionDays, 42],
  ['timeout-minutes', '120', (c: Config) => c.run.timeoutMinutes, 120],
  ['build-concurrency', '12', (c: Config) => c.build.concurrency, 12],
])('integer input %s reads %s with several digits', (input, raw, read, expected) => {
  expect(read(load({ [input]: raw }))).toBe(expected);
});
