// Edges of the context report: directories of equal size in name order, and a context too
// large with no directory at all.
import { ContextTooLargeError, checkContext, topDirectories } from '../../src/image-inputs/context-report.js';
import type { ContextEntry } from '../../src/image-inputs/context.js';

const MiB = 1024 * 1024;
const file = (path: string, size: number): ContextEntry => ({ path, kind: 'file', executable: false, size });

test('directories of the same size are listed by name', () => {
  const entries = [file('d/x', 5), file('b/x', 5), file('big/x', 9), file('c/x', 5), file('a/x', 5)];
  expect(topDirectories(entries).map((d) => d.path)).toEqual(['big/', 'a/', 'b/', 'c/', 'd/']);
  expect(topDirectories([file('b/x', 5), file('a/x', 5)]).map((d) => d.path)).toEqual(['a/', 'b/']);
  expect(topDirectories([file('a/x', 5), file('b/x', 5)]).map((d) => d.path)).toEqual(['a/', 'b/']);
});

test('a context too large with only files at its top names no directory and suggests no pattern', () => {
  const entries = [file('one.bin', 15 * MiB), file('two.bin', 10 * MiB)];
  let error: unknown;
  try {
    checkContext({ image: 'app', context: 'ctx', entries, bytes: 25 * MiB, ignoreFile: undefined }, { warnMiB: 5, limitMiB: 20 });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ContextTooLargeError);
  expect((error as Error).message).toBe(
    "the build context 'ctx' of image 'app' is 25.0 MiB in 2 files, above build.contextLimitMiB (20 MiB). " +
      'Biggest directories: none (only files at the top of the context). ' +
      'Fix: add what the image does not need to ctx/.dockerignore, or raise build.contextLimitMiB.',
  );
});
