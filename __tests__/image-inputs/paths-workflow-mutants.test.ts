// A workflow's `paths` list in step with the filter reports nothing; the same entries in another
// order report a drift that lacks nothing and has nothing more, so `paths --check` asks to rewrite it.
import { pathsDrift } from '../../src/image-inputs/paths-workflow.js';

const expected = ['Dockerfile', 'go.mod', 'pkg/**'];

test('a list equal to the filter has no drift', () => {
  expect(pathsDrift([{ event: 'pull_request', paths: [...expected] }], expected)).toEqual([]);
});

test('the same entries in another order are a drift with nothing missing and nothing extra', () => {
  expect(pathsDrift([{ event: 'pull_request', paths: ['go.mod', 'Dockerfile', 'pkg/**'] }], expected)).toEqual([{ event: 'pull_request', missing: [], extra: [] }]);
});
