// Watches moved under the directory an image's context is in, and how they render as `paths` entries.
import { fileWatch, filesInWatch, renderWatches, treeWatch, under, type Watch } from '../../src/image-inputs/watch.js';

describe('under', () => {
  test.each<[string, Watch, Watch]>([
    ['', fileWatch('go.mod'), fileWatch('go.mod')],
    ['.', treeWatch('pkg'), treeWatch('pkg')],
    ['.', treeWatch(''), treeWatch('')],
    ['svc', fileWatch('go.mod'), fileWatch('svc/go.mod')],
    ['svc', filesInWatch('cmd/app'), filesInWatch('svc/cmd/app')],
    ['svc', treeWatch(''), treeWatch('svc')],
    ['svc', filesInWatch(''), filesInWatch('svc')],
    ['svc/api', treeWatch('../shared'), treeWatch('svc/shared')],
  ])('under %j, %j becomes %j', (dir, watch, moved) => {
    expect(under(dir, watch)).toEqual(moved);
  });
});

describe('renderWatches', () => {
  test('renders files, the files in a directory, and trees, at the root and below', () => {
    expect(renderWatches([filesInWatch(''), filesInWatch('cmd/app'), treeWatch('pkg'), fileWatch('docs/a[1].md')])).toEqual(['*', 'cmd/app/*', 'docs/a\\[1\\].md', 'pkg/**']);
  });
});
