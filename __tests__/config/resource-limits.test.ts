// Configuration files that would exhaust the parser's memory are refused, naming the file.
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
    if (error instanceof ConfigError) return error.problems.map((problem) => `${problemLocation(problem)}: ${problem.message}`);
    throw error;
  }
  throw new Error('the configuration was accepted');
}

it('refuses a YAML alias bomb, naming the file', () => {
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i += 1) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(',')}]`);
  expect(problems(`${levels.join('\n')}\n`)).toEqual([`${FILE}: the file expands YAML aliases more than 100 times: write the values out instead`]);
});

it('refuses a configuration file above 1 MiB, naming it', () => {
  const [problem] = problems(`suite:\n  ginkgoFocus: "${'x'.repeat(1024 * 1024)}"\n`);
  expect(problem).toBe(`input 'config': got '${FILE}'; the file is above the limit of 1048576 bytes (1 MiB) for a configuration file`);
});

it('still takes a configuration that uses a few aliases', () => {
  repo.write(FILE, 'suite:\n  ginkgoFocus: &focus "health"\n  ginkgoLabel: *focus\n');
  expect(loadConfig({ inputs: {}, repoRoot: repo.root }).suite.ginkgoLabel).toBe('health');
});
