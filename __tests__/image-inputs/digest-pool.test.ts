import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { ContextFiles } from '../../src/image-inputs/context-files.js';
import { listContext } from '../../src/image-inputs/context.js';
import { digestFiles } from '../../src/image-inputs/digest-pool.js';
import { TimeSlices } from '../../src/image-inputs/slices.js';
import { contextTree, imageAt, type ContextTree } from './context-tree.js';

/** Enough files for the worker thread to take part, of sizes around one read buffer. */
const FILES = 600;

let tree: ContextTree;
beforeEach(() => {
  tree = contextTree({ Dockerfile: 'FROM scratch\n' });
  for (let i = 0; i < FILES; i++) {
    // Mostly small files, some empty, and some over one read buffer (256 KiB).
    const size = i % 97 === 0 ? 256 * 1024 * (1 + (i % 3)) + i : (i * 7919) % 9000;
    tree.write(`pkg/m${i % 13}/f${i}.go`, Buffer.alloc(size, i % 251));
  }
});
afterEach(() => tree.remove());

const pause = new Int32Array(new SharedArrayBuffer(4));
const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('digestFiles', () => {
  it('gives every file the sha256 of its bytes, in order, whichever thread read it', async () => {
    const listing = await listContext(tree.root, imageAt());
    const files = listing.entries.map((entry) => ({ path: `${listing.dir}/${entry.path}`, size: entry.size }));
    const byThisThread: number[] = [];
    // A slow reader here (2 ms a file) leaves the worker time to start and take its share.
    const slowly = (i: number) => (Atomics.wait(pause, 0, 0, 2), byThisThread.push(i), sha256Of(files[i].path));
    const digests = await digestFiles(files, slowly, new TimeSlices());
    expect(digests).toEqual(files.map((file) => sha256Of(file.path)));
    // This thread read its share, not everything: the rest came from the worker.
    expect(byThisThread.length).toBeGreaterThan(0);
    expect(byThisThread.length).toBeLessThan(files.length);
  });

  it('reads a file the worker could not read again here, so its error names the file', async () => {
    const listing = await listContext(tree.root, imageAt());
    const gone = listing.entries.find((entry) => entry.path.endsWith('/f300.go'))!;
    rmSync(`${listing.dir}/${gone.path}`);
    const files = new ContextFiles(listing.dir);
    await expect(files.digestAll(listing.entries, new TimeSlices())).rejects.toThrow(`${listing.dir}/${gone.path}`);
  });
});
