// Reading the files of a listing: every byte counts whatever the file's size, and whether it
// changed since the listing was made, and one read serves both the Go parse and the digest.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContextFiles } from '../../src/image-inputs/context-files.js';
import { listContext, type ContextEntry } from '../../src/image-inputs/context.js';
import { contextTree, imageAt, type ContextTree } from './context-tree.js';

/** One read buffer of ContextFiles and a bit: such a file takes more than one read. */
const OVER_ONE_READ = 256 * 1024 + 100;

let tree: ContextTree;
beforeEach(() => {
  tree = contextTree({ Dockerfile: 'FROM scratch\n', 'go.mod': 'module example.com/app\n\ngo 1.22\n' });
});
afterEach(() => tree.remove());

const sha256Of = (path: string) => createHash('sha256').update(readFileSync(join(tree.root, path))).digest('hex');

async function listed(): Promise<{ files: ContextFiles; entry: (path: string) => ContextEntry }> {
  const listing = await listContext(tree.root, imageAt());
  const files = new ContextFiles(listing.dir);
  return { files, entry: (path) => listing.entries.find((candidate) => candidate.path === path)! };
}

/** A Go file whose import section is at its start and whose //go:embed line is at its very end. */
function bigGoFile(fillerBytes: number): string {
  return `package big\n\nimport (\n\t_ "embed"\n\t"example.com/app/pkg/small"\n)\n\nvar _ = \`${'x'.repeat(fillerBytes)}\`\n\n//go:embed data.txt\nvar data string\n`;
}

describe('ContextFiles', () => {
  it('parses and digests a Go file larger than one read from all of its bytes', async () => {
    tree.write('pkg/big/big.go', bigGoFile(OVER_ONE_READ));
    const { files, entry } = await listed();
    const info = files.goFile(entry('pkg/big/big.go'));
    expect(info.imports).toEqual(['embed', 'example.com/app/pkg/small']);
    expect(info.embeds).toEqual(['data.txt']);
    expect(files.digest(entry('pkg/big/big.go'))).toBe(sha256Of('pkg/big/big.go'));
  });

  it('keeps what it parsed when the next file is read: results never share the read buffer', async () => {
    tree.write('pkg/a/a.go', 'package a\n\nimport "example.com/app/pkg/b"\n');
    tree.write('pkg/b/b.go', 'package b\n\nimport "strings"\n');
    tree.write('pkg/b/data.bin', Buffer.alloc(1000, 7));
    const { files, entry } = await listed();
    const a = files.goFile(entry('pkg/a/a.go'));
    const text = files.text(entry('go.mod'));
    files.goFile(entry('pkg/b/b.go'));
    files.digest(entry('pkg/b/data.bin'));
    expect(a.imports).toEqual(['example.com/app/pkg/b']);
    expect(text).toBe('module example.com/app\n\ngo 1.22\n');
    expect(files.digest(entry('pkg/a/a.go'))).toBe(sha256Of('pkg/a/a.go'));
  });

  it('reads a file that grew after the listing to its end, small or past one read', async () => {
    tree.write('pkg/a/a.go', 'package a\n');
    tree.write('notes.txt', 'short\n');
    const { files, entry } = await listed();
    tree.write('pkg/a/a.go', 'package a\n\nimport "example.com/app/pkg/late"\n');
    tree.write('notes.txt', 'y'.repeat(OVER_ONE_READ));
    expect(files.goFile(entry('pkg/a/a.go')).imports).toEqual(['example.com/app/pkg/late']);
    expect(files.digest(entry('pkg/a/a.go'))).toBe(sha256Of('pkg/a/a.go'));
    expect(files.digest(entry('notes.txt'))).toBe(sha256Of('notes.txt'));
  });

  it('reads a file that shrank after the listing as it is now', async () => {
    tree.write('pkg/a/a.go', bigGoFile(OVER_ONE_READ));
    tree.write('go.sum', 'z'.repeat(OVER_ONE_READ));
    const { files, entry } = await listed();
    tree.write('pkg/a/a.go', 'package a\n');
    tree.write('go.sum', 'h1\n');
    expect(files.goFile(entry('pkg/a/a.go')).imports).toEqual([]);
    expect(files.text(entry('go.sum'))).toBe('h1\n');
    expect(files.digest(entry('pkg/a/a.go'))).toBe(sha256Of('pkg/a/a.go'));
  });

  it('gives the text of a file larger than one read whole', async () => {
    const long = `module example.com/app\n\n${'// padding\n'.repeat(OVER_ONE_READ / 11 + 1)}go 1.22\n`;
    tree.write('go.mod', long);
    const { files, entry } = await listed();
    expect(files.text(entry('go.mod'))).toBe(long);
  });
});
