// The `go` inputs mode on a generated Go module the size of kubernaut's (about 5,600 files in
// 1,000 packages, each importing a few of the packages below it, a 100 MB vendor/ that
// .dockerignore excludes), against archiving and hashing the whole context.
//
// Candidate: a whole Node process (node24) running the hashing code bundled with ncc
// (hash-process.ts), computing the tags of four images in `go` mode from scratch (walk, ignore
// rules, import closures, content).
// Baseline: `tar -c` of every file the context sends (their list given) piped into `sha256sum`.
// Reference: the least a Node process can do for the same tags (hash-floor-process.ts): the
// metadata of every file sent, the bytes of every input file, nothing else.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVendorTree } from '../__tests__/fixtures/vendor.js';
import { listContext } from '../src/image-inputs/context.js';
import { hashImage } from '../src/image-inputs/hash.js';
import { HASH_LIMITS } from './hash-limits.js';
import { alternate, bundleEntry, flushToDisk, tarSha256, timeProcess, type Figure } from './measure.js';

const MODULE = 'example.com/big';
const PACKAGES = 1_000;
/** Packages fall into areas (one service's code each); the first ones are a shared foundation. */
const AREAS = 16;
const FOUNDATION = 40;
const FILES_PER_PACKAGE = 5;
/** Every second package has a test file; every fiftieth embeds a data file. */
const TEST_EVERY = 2;
const EMBED_EVERY = 50;
const IMPORTS_PER_PACKAGE = 4;
const SERVICES = ['api', 'agent', 'controller', 'mock'];
const VENDOR_BYTES = 100 * 1024 * 1024;
const RUNS = 11;

const imageOf = (service: string) => ({
  name: service,
  dockerfile: `docker/${service}.Dockerfile`,
  context: '.',
  buildArgs: { GOFLAGS: '-cover' },
  target: '',
  platform: 'linux/amd64',
  inputs: 'go' as const,
  goPackage: '',
});

/** A fixed-seed generator: the same module on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

const packagePath = (index: number) => `pkg/area${index % AREAS}/p${String(index).padStart(4, '0')}`;

/**
 * Package i imports packages below it: mostly of its own area, near it; now and then one of the
 * foundation. So a service's closure is most of its area plus part of the foundation.
 */
function importsOf(index: number, random: () => number): number[] {
  const picks = new Set<number>();
  for (let i = 0; i < IMPORTS_PER_PACKAGE; i++) {
    const pick = random() < 0.25 ? Math.floor(random() * FOUNDATION) : index - AREAS * (1 + Math.floor(random() * 6));
    if (pick >= 0 && pick < index) picks.add(pick);
  }
  return [...picks];
}

async function generateModule(dir: string): Promise<void> {
  const random = generator(0x2545f491);
  const filler = (bytes: number) => Array.from({ length: bytes }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
  const write = async (path: string, content: string) => {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  };
  await write('go.mod', `module ${MODULE}\n\ngo 1.22\n`);
  await write('go.sum', '');
  await write('.dockerignore', '.git\nvendor/\n*.md\n');
  for (let index = 0; index < PACKAGES; index++) {
    const path = packagePath(index);
    const name = `p${index}`;
    const imports = importsOf(index, random).map((pick) => `\t"${MODULE}/${packagePath(pick)}"`);
    const writes: Promise<void>[] = [];
    for (let file = 0; file < FILES_PER_PACKAGE; file++) {
      const header = file === 0 ? `import (\n\t"fmt"\n${imports.join('\n')}\n)\n\n` : '';
      const embed = file === 0 && index % EMBED_EVERY === 0 ? 'import _ "embed"\n\n//go:embed data.yaml\nvar data string\n\n' : '';
      writes.push(write(`${path}/f${file}.go`, `package ${name}\n\n${header}${embed}var _ = \`${filler(512 + Math.floor(random() * 12_000))}\`\n`));
    }
    if (index % TEST_EVERY === 0) writes.push(write(`${path}/${name}_test.go`, `package ${name}\n\nimport "testing"\n\nfunc TestX(t *testing.T) {}\n`));
    if (index % EMBED_EVERY === 0) writes.push(write(`${path}/data.yaml`, `key: ${filler(200)}\n`));
    await Promise.all(writes);
  }
  for (const [i, service] of SERVICES.entries()) {
    // Each service starts from the top packages of one or two areas.
    const roots = [PACKAGES - 1 - i, PACKAGES - 1 - AREAS * 2 - i * 3].map((pick) => `\t_ "${MODULE}/${packagePath(pick)}"`);
    await write(`cmd/${service}/main.go`, `package main\n\nimport (\n${roots.join('\n')}\n)\n\nfunc main() {}\n`);
    await write(
      `docker/${service}.Dockerfile`,
      `FROM golang AS builder\nWORKDIR /src\nCOPY go.mod go.sum ./\nCOPY . .\nRUN CGO_ENABLED=0 go build -mod=mod -o /out/${service} ./cmd/${service}\nFROM scratch\nCOPY --from=builder /out/${service} /${service}\n`,
    );
  }
}

export async function inputs(root: string): Promise<Figure> {
  const work = await mkdtemp(join(tmpdir(), 'aianalysis-e2e-bench-inputs-'));
  try {
    const context = join(work, 'context');
    await mkdir(context);
    await generateModule(context);
    const vendor = await generateVendorTree(context, { totalBytes: VENDOR_BYTES });
    const listing = await listContext(context, imageOf(SERVICES[0]));
    const hashed = await Promise.all(SERVICES.map((service) => hashImage(context, imageOf(service), HASH_LIMITS)));
    const fellBack = hashed.find((result) => result.inputs.mode !== 'go');
    if (fellBack) throw new Error(`the generated module falls back to ${fellBack.inputs.mode}: ${fellBack.inputs.fallback}`);
    const listFile = join(work, 'included.list');
    await writeFile(listFile, listing.entries.map((entry) => `${entry.path}\0`).join(''));
    const inputsFile = join(work, 'inputs.list');
    const inputPaths = new Set(hashed.flatMap((result) => result.inputs.files.map(({ entry }) => entry.path)));
    await writeFile(inputsFile, [...inputPaths].map((path) => `${path}\0`).join(''));
    const bundle = bundleEntry(root, new URL('./hash-process.ts', import.meta.url).href, join(work, 'bundle'));
    const floor = bundleEntry(root, new URL('./hash-floor-process.ts', import.meta.url).href, join(work, 'floor'));
    const images = JSON.stringify(SERVICES.map(imageOf));

    flushToDisk();
    const [baseline, candidate, reference] = await alternate(
      RUNS,
      tarSha256(context, listFile),
      () => timeProcess(process.execPath, [bundle, context, images]),
      () => timeProcess(process.execPath, [floor, context, listFile, inputsFile]),
    );
    const counts = hashed.map((result, i) => `${SERVICES[i]} ${result.inputs.files.length}`).join(', ');
    return {
      name: `go inputs, four images (${listing.entries.length} files sent, ${PACKAGES} packages, 100 MB ignored vendor/)`,
      baseline: { label: 'tar | sha256sum of the context', ms: baseline },
      candidate: { label: 'four go-mode tags (node process)', ms: candidate },
      maxRatio: 1.0,
      extra: `input files ${counts} (${inputPaths.size} different); ${vendor.files} files ignored in vendor/`,
      reference: { label: 'Node floor (lstat of all sent, read and sha256 of the inputs only)', ms: reference },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
