// What a path or a glob watches while it names a file, a folder or nothing yet, and how the
// watches of a context below the root and a name GitHub would read as a negation render.
import { globWatches, pathWatches, renderWatches, treeWatch, fileWatch, under, type PathKind } from '../../src/image-inputs/watch.js';

const kinds =
  (files: string[], dirs: string[] = []): PathKind =>
  (path) =>
    files.includes(path) ? 'file' : dirs.includes(path) ? 'directory' : undefined;

test('a glob watches the tree of the literal folders before its first glob element', () => {
  expect(globWatches('cmd/*/static/x', kinds([]))).toEqual([treeWatch('cmd')]);
  expect(globWatches('deploy/config/[ab].yaml', kinds([]))).toEqual([treeWatch('deploy/config')]);
});

test('the root watches the whole tree, whatever the listing says of it', () => {
  expect(pathWatches('', kinds([]))).toEqual([treeWatch('')]);
});

test('a path below a file watches that file only: nothing can be below it until it goes', () => {
  expect(pathWatches('a/b/c/d', kinds(['a/b']))).toEqual([fileWatch('a/b')]);
  expect(pathWatches('a/b', kinds(['a']))).toEqual([fileWatch('a')]);
});

test('a path that names nothing yet watches both the file and the tree it could become', () => {
  expect(pathWatches('a/b/c', kinds([], ['a']))).toEqual([fileWatch('a/b/c'), treeWatch('a/b/c')]);
});

test("the root of a context at the repository's root stays the root", () => {
  expect(under('.', treeWatch(''))).toEqual(treeWatch(''));
  expect(under('', treeWatch(''))).toEqual(treeWatch(''));
  expect(under('.', fileWatch('go.mod'))).toEqual(fileWatch('go.mod'));
});

test('a file whose name starts with ! is escaped, not read as a negation', () => {
  expect(renderWatches([fileWatch('!important.txt'), fileWatch('docs/!x')])).toEqual(['\\!important.txt', 'docs/!x']);
});
