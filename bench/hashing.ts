// Content hashing of a build context against archiving and hashing the same files: a generated
// 10,000-file context beside a 100 MB vendor/ that .dockerignore excludes.
//
// Candidate: a whole Node process (node24) running the hashing code bundled with ncc, as the
// action ships it (hash-process.ts), hashing the context from scratch (walk, ignore rules, content).
// Baseline: `tar -c` of the included files (their list given, no walk or matching) piped into
// `sha256sum`, the two processes connected by one pipe.
// Reference: the least a Node process can do for the same tag (hash-floor-process.ts), so the
// figure shows how much of the ratio is Node itself on this machine.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVendorTree } from '../__tests__/fixtures/vendor.js';
import { listContext } from '../src/image-inputs/context.js';
import { alternate, bundleEntry, flushToDisk, tarSha256, timeProcess, type Figure } from './measure.js';

const INCLUDED_FILES = 10_000;
const FILES_PER_DIRECTORY = 40;
const VENDOR_BYTES = 100 * 1024 * 1024;
const RUNS = 11;

const IMAGE = {
  name: 'bench',
  dockerfile: 'Dockerfile',
  context: '.',
  buildArgs: { GOFLAGS: '-cover' },
  target: '',
  platform: 'linux/amd64',
  inputs: 'context',
  goPackage: '',
} as const;

/** Sent: these, plus generated sources up to INCLUDED_FILES. */
const FIXED_FILES: Record<string, string> = {
  Dockerfile: 'FROM scratch\nCOPY . /src\n',
  '.dockerignore': '.git\nvendor/\ncoverage*\n**/*.md\n!docs/keep.md\n',
  'docs/keep.md': '# kept by an exception\n',
};

/**
 * Source-like files of 512 B to 16 KiB (every tenth executable), a README.md per module and a
 * .git/ that the ignore file leaves out; the same bytes on every run.
 */
async function generateContext(dir: string): Promise<void> {
  const pool = Buffer.alloc(64 * 1024);
  let state = 0x2545f491;
  for (let i = 0; i < pool.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    pool[i] = 0x61 + ((state >>> 0) % 26);
  }
  for (const [path, content] of Object.entries({ ...FIXED_FILES, '.git/HEAD': 'ref: refs/heads/main\n' })) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  const sources = INCLUDED_FILES - Object.keys(FIXED_FILES).length;
  for (let first = 0; first < sources; first += FILES_PER_DIRECTORY) {
    const directory = join(dir, 'pkg', `area${first % 7}`, `module${String(first / FILES_PER_DIRECTORY).padStart(4, '0')}`);
    await mkdir(directory, { recursive: true });
    const writes = [writeFile(join(directory, 'README.md'), `# module ${first}\n`)];
    for (let i = first; i < Math.min(first + FILES_PER_DIRECTORY, sources); i++) {
      const size = 512 + ((i * 7919) % (16 * 1024 - 512));
      const start = (i * 104729) % (pool.length - size);
      const file = join(directory, `file${i}.go`);
      writes.push(writeFile(file, pool.subarray(start, start + size)).then(() => (i % 10 === 0 ? chmod(file, 0o755) : undefined)));
    }
    await Promise.all(writes);
  }
}

export async function hashing(root: string): Promise<Figure> {
  const work = await mkdtemp(join(tmpdir(), 'aianalysis-e2e-bench-hashing-'));
  try {
    const context = join(work, 'context');
    await mkdir(context);
    await generateContext(context);
    const vendor = await generateVendorTree(context, { totalBytes: VENDOR_BYTES });
    const listing = await listContext(context, IMAGE);
    const ignored = listing.entries.filter((entry) => /^(vendor|\.git)\/|README\.md$/.test(entry.path));
    if (listing.entries.length !== INCLUDED_FILES || ignored.length > 0) {
      throw new Error(`the generated context lists ${listing.entries.length} entries (${ignored.length} meant to be ignored), expected ${INCLUDED_FILES}`);
    }
    const listFile = join(work, 'included.list');
    await writeFile(listFile, listing.entries.map((entry) => `${entry.path}\0`).join(''));
    const bundle = bundleEntry(root, new URL('./hash-process.ts', import.meta.url).href, join(work, 'bundle'));
    const floor = bundleEntry(root, new URL('./hash-floor-process.ts', import.meta.url).href, join(work, 'floor'));

    flushToDisk();
    const [baseline, candidate, reference] = await alternate(
      RUNS,
      tarSha256(context, listFile),
      () => timeProcess(process.execPath, [bundle, context, JSON.stringify([IMAGE])]),
      () => timeProcess(process.execPath, [floor, context, listFile, listFile]),
    );
    return {
      name: 'context hashing (10,000 files, 100 MB ignored vendor/)',
      baseline: { label: 'tar | sha256sum', ms: baseline },
      candidate: { label: 'hashImage (node process)', ms: candidate },
      maxRatio: 1.0,
      extra: `${(listing.bytes / 1024 / 1024).toFixed(1)} MiB included, ${vendor.files} files ignored in vendor/`,
      reference: { label: 'Node floor (lstat, read, sha256 only)', ms: reference },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
