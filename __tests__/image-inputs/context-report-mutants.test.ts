// The context limits at their exact boundary, the fix the error proposes, and file counts in the
// thousands as the messages print them.
import type { ContextEntry } from '../../src/image-inputs/context.js';
import { checkContext, ContextTooLargeError } from '../../src/image-inputs/context-report.js';

const MiB = 1024 * 1024;
const file = (path: string, size: number): ContextEntry => ({ path, kind: 'file', executable: false, size });
const facts = (entries: ContextEntry[]) => ({ image: 'app', context: 'ctx', entries, bytes: entries.reduce((sum, entry) => sum + entry.size, 0), ignoreFile: undefined });

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

test('a context of exactly the limit and warning sizes passes without a word; one byte more does not', () => {
  expect(checkContext(facts([file('data/a.bin', 2 * MiB)]), { warnMiB: 2, limitMiB: 3 })).toEqual([]);
  expect(checkContext(facts([file('data/a.bin', 2 * MiB + 1)]), { warnMiB: 2, limitMiB: 3 })).toHaveLength(1);
  expect(checkContext(facts([file('data/a.bin', 3 * MiB)]), { warnMiB: 3, limitMiB: 3 })).toEqual([]);
  const error = thrown(() => checkContext(facts([file('data/a.bin', 3 * MiB + 1)]), { warnMiB: 3, limitMiB: 3 }));
  expect(error).toBeInstanceOf(ContextTooLargeError);
  expect((error as Error).name).toBe('ContextTooLargeError');
});

test('above the limit, the fix names the suspect content, or else the biggest directory only', () => {
  const limits = { warnMiB: 1, limitMiB: 1 };
  const withVendor = thrown(() => checkContext(facts([file('data/a.bin', 2 * MiB), file('vendor/dep/dep.go', 10)]), limits));
  expect((withVendor as Error).message).toContain('Fix: add what the image does not need to ctx/.dockerignore (such as `vendor/`), or raise');
  const plain = thrown(() => checkContext(facts([file('data/a.bin', 2 * MiB), file('docs/a.md', 10)]), limits));
  expect((plain as Error).message).toContain('Fix: add what the image does not need to ctx/.dockerignore (such as `data/`), or raise');
});

test('file counts print with thousands separated', () => {
  const entries: ContextEntry[] = new Array<ContextEntry>(1_234_567).fill(file('vendor/dep/dep.go', 0));
  const [warning] = checkContext(facts(entries), { warnMiB: 1, limitMiB: 2 });
  expect(warning).toContain('(1,234,567 files, 0.0 MiB)');
});
