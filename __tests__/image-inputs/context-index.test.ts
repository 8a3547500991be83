// Look-ups over a context listing: what a path is, the files in a directory, the entries below one.
import { ContextIndex, parentOf } from '../../src/image-inputs/context-index.js';
import { memoryContext } from './memory-context.js';

const { index } = memoryContext({ 'a/b/c.txt': '', 'a/b.txt': '', 'a-b/x': '', 'ab/y': '', 'go.mod': '' });
const paths = (entries: readonly { path: string }[]) => entries.map((entry) => entry.path);

describe('ContextIndex', () => {
  test.each([
    ['go.mod', 'file'],
    ['a/b.txt', 'file'],
    ['a', 'directory'],
    ['a/b', 'directory'],
    ['missing', undefined],
    ['a/c', undefined],
  ])('%s is a %s', (path, kind) => {
    expect(index.kindOf(path)).toBe(kind);
  });

  test.each([
    ['', ['a-b/x', 'a/b.txt', 'a/b/c.txt', 'ab/y', 'go.mod']],
    ['a', ['a/b.txt', 'a/b/c.txt']],
    ['a/b', ['a/b/c.txt']],
    ['ab', ['ab/y']],
    ['missing', []],
  ])('below %j: %j', (dir, below) => {
    expect(paths(index.below(dir))).toStrictEqual(below);
  });

  test.each([
    ['', ['go.mod']],
    ['a', ['a/b.txt']],
    ['a/b', ['a/b/c.txt']],
    ['missing', []],
  ])('files in %j: %j', (dir, files) => {
    expect(paths(index.filesIn(dir))).toStrictEqual(files);
  });

  test('an empty listing has nothing anywhere', () => {
    const empty = new ContextIndex([]);
    expect(empty.below('')).toEqual([]);
    expect(empty.kindOf('')).toBeUndefined();
  });
});

test.each([
  ['go.mod', ''],
  ['a/b.txt', 'a'],
  ['a/b/c.txt', 'a/b'],
])('the directory of %s is %j', (path, dir) => {
  expect(parentOf(path)).toBe(dir);
});
