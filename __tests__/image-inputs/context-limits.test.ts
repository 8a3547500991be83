// The limits of the context check are "above", not "at"; the fix it suggests names the suspect
// content even when it is not the biggest directory, and only the biggest directory otherwise.
import { ContextTooLargeError, checkContext } from '../../src/image-inputs/context-report.js';
import type { ContextEntry } from '../../src/image-inputs/context.js';

const MiB = 1024 * 1024;

const file = (path: string, size: number): ContextEntry => ({ path, kind: 'file', executable: false, size });
const facts = (entries: ContextEntry[]) => ({
  image: 'datastorage',
  context: '.',
  entries,
  bytes: entries.reduce((sum, entry) => sum + entry.size, 0),
  ignoreFile: '.dockerignore',
});

const failureOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe("checkContext's limits and suggestions", () => {
  it('accepts a context of exactly build.contextLimitMiB and refuses one byte more, as a named error', () => {
    const limits = { warnMiB: 100, limitMiB: 3 };
    expect(failureOf(() => checkContext(facts([file('assets/a.bin', 3 * MiB)]), limits))).toBeUndefined();
    const error = failureOf(() => checkContext(facts([file('assets/a.bin', 3 * MiB + 1)]), limits));
    expect(error).toBeInstanceOf(ContextTooLargeError);
    expect((error as Error).name).toBe('ContextTooLargeError');
  });

  it('warns above build.contextWarnMiB, not at it', () => {
    const limits = { warnMiB: 2, limitMiB: 100 };
    expect(checkContext(facts([file('assets/a.bin', 2 * MiB)]), limits)).toEqual([]);
    expect(checkContext(facts([file('assets/a.bin', 2 * MiB + 1)]), limits)).toHaveLength(1);
  });

  it('suggests the suspect content, not the biggest directory, when there is some', () => {
    const entries = [file('assets/big.bin', 30 * MiB), file('vendor/mod/x.go', MiB)];
    expect(() => checkContext(facts(entries), { warnMiB: 5, limitMiB: 20 })).toThrow('(such as `vendor/`), or raise build.contextLimitMiB.');
  });

  it('suggests only the biggest directory when nothing suspect is there', () => {
    const entries = [file('assets/big.bin', 20 * MiB), file('models/m.bin', 10 * MiB)];
    expect(() => checkContext(facts(entries), { warnMiB: 5, limitMiB: 20 })).toThrow('(such as `assets/`), or raise build.contextLimitMiB.');
  });

  it.each([
    [12_345, '12,345 files'],
    [1_234_567, '1,234,567 files'],
  ])('writes %d files with a separator every three digits', (count, written) => {
    const entries = new Array<ContextEntry>(count).fill(file('pkg/a.go', 1));
    const [warning] = checkContext(facts(entries), { warnMiB: 0, limitMiB: 100 });
    expect(warning).toContain(` in ${written}, above build.contextWarnMiB`);
  });
});
