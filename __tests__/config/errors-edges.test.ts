// How a refused configuration reads: the problem count and bad values shown in short.
import { ConfigError, loadConfig, problemLocation } from '../../src/config/index.js';
import { tempTree, type TempTree } from './temp-repo.js';

let repo: TempTree;
beforeEach(() => (repo = tempTree()));
afterEach(() => repo.remove());

function failure(inputs: Record<string, string>): ConfigError {
  try {
    loadConfig({ inputs, repoRoot: repo.root });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

test('one problem is counted in the singular, and the error is named ConfigError', () => {
  const error = failure({ 'keep-cluster': 'maybe' });
  expect(error.message).toBe("Invalid configuration (1 problem):\n  - input 'keep-cluster': got 'maybe'; expected true or false");
  expect(error.name).toBe('ConfigError');
});

test('a bad value of up to 160 characters is shown whole', () => {
  const raw = 'X'.repeat(158); // 160 characters with its quotes
  const message = failure({ 'cluster-name': raw }).problems[0]?.message;
  expect(message).toMatch(new RegExp(`^got '${raw}'; expected a cluster name`));
});

test('a longer bad value is cut to 160 characters, ending in an ellipsis', () => {
  const raw = 'X'.repeat(300);
  const [problem] = failure({ 'cluster-name': raw }).problems;
  expect(problemLocation(problem!)).toBe("input 'cluster-name'");
  expect(problem?.message).toMatch(/^got 'X+…; expected a cluster name/);
  expect(problem?.message.split(';')[0]).toBe(`got '${'X'.repeat(158)}…`);
});
