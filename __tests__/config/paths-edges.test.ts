// Configured paths need not exist yet; only where they lead is checked.
import { loadConfig } from '../../src/config/index.js';
import { tempTree, type TempTree } from './temp-repo.js';

let repo: TempTree;
beforeEach(() => (repo = tempTree()));
afterEach(() => repo.remove());

test('a path below a regular file is taken as a path inside the repository', () => {
  repo.write('README.md', '# readme\n');
  repo.write('.github/aianalysis-e2e.yaml', 'suite: {junitReport: README.md/junit.xml}\n');
  expect(loadConfig({ inputs: {}, repoRoot: repo.root }).suite.junitReport).toBe('README.md/junit.xml');
});
