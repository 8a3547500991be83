// Suggestions for misspelt names: how far off a name may be, and what is said when nothing is close.
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { suggestion } from '../../src/config/suggest.js';
import { tempTree, type TempTree } from './temp-repo.js';

let repo: TempTree;
beforeEach(() => (repo = tempTree()));
afterEach(() => repo.remove());

function unknownInputMessage(name: string): string | undefined {
  try {
    loadConfig({ inputs: { [name]: 'x' }, repoRoot: repo.root });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.find((p) => p.field === name)?.message;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

test.each([
  ['Cluster-Name', 'cluster-name'], // case alone
  ['retentoin-dys', 'retention-days'], // 3 edits in a 13-letter name: a third of it may differ
  ['pusj', 'push'],
  ['ginkgo-lbel', 'ginkgo-label'],
])('input %s: did you mean %s?', (written, meant) => {
  expect(unknownInputMessage(written)).toBe(`unknown input; did you mean '${meant}'?`);
});

test('a name close to nothing gets the list of inputs', () => {
  expect(unknownInputMessage('verbosity')).toMatch(/^unknown input; allowed: 'config', 'setup', 'image-source', /);
});

test('a name close to no candidate gets the allowed ones', () => {
  expect(suggestion('clustr', ['docker', 'podman'])).toBe("allowed: 'docker', 'podman'");
});

test('of equally close candidates the first is suggested', () => {
  expect(suggestion('pach', ['push', 'cache'])).toBe("did you mean 'push'?");
  expect(suggestion('pach', ['cache', 'push'])).toBe("did you mean 'cache'?");
});

test('with no candidates, nothing is allowed', () => {
  expect(suggestion('extra', [])).toBe('nothing is allowed here');
});
