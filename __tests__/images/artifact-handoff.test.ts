// The images artifact from the images job to an E2E job with real parts: podman saves and loads,
// the toolkit's artifact client uploads and downloads through GitHub's artifact service double.
// The zip's order, loads that start while the download is held back, and damaged archives.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, open, readFile, rm, stat, truncate } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { MANIFEST_FILE, parseManifest } from '../../src/images/artifact-manifest.js';
import { writeArtifactFiles } from '../../src/images/artifact-publish.js';
import { restoreImagesArtifact } from '../../src/images/artifact-restore.js';
import { uploadImagesArtifact } from '../../src/images/artifact-transfer.js';
import type { ContainerEngine } from '../../src/engine/types.js';
import type { ImageResult } from '../../src/images/types.js';
import { applyEnv, readZip, startGitHubServices, type GitHubServices } from '../doubles/github/index.js';
import { busyboxContext, capturedLog, testbedEngine, uniqueName, type CapturedLog } from '../engine/helpers.js';
import { testbedEnv, type TestbedEnv } from '../testbed/env.js';
import { toolkitServices } from '../../src/host/toolkit.js';
import { workflowRun } from '../../src/host/workflow-run.js';
import { consoleLog } from '../../src/util/log.js';

/** The toolkit's services as a runner gives them, read when the double's job variables are set. */
const onRunner = () => toolkitServices(workflowRun(process.env), consoleLog({ write: () => true }));

const TIMEOUT_MS = 180_000;
/** Two images of different sizes; the larger is listed first, the artifact holds the smaller first. */
const PADDING_MIB = { large: 6, small: 1 };

let testbed: TestbedEnv;
let engine: ContainerEngine;
let github: GitHubServices;
let work: string;
let images: ImageResult[];
let files: string[];
const names = Object.keys(PADDING_MIB);

async function upload(name: string, dir: string, list: string[]): Promise<void> {
  const restoreEnv = applyEnv(github.startJob({ job: 'images' }));
  try {
    await uploadImagesArtifact({ name, rootDir: dir, files: list, retentionDays: 1 }, onRunner());
  } finally {
    restoreEnv();
  }
}

/** An E2E job on a runner without the images: restores the artifact `name` with `log`. */
async function restore(name: string, log: CapturedLog) {
  spawnSync(testbed.podman, ['rmi', '-f', ...images.map((image) => image.reference)], { env: { ...process.env, ...testbed.processEnv } });
  const restoreEnv = applyEnv(github.startJob({ job: 'e2e' }));
  try {
    return await restoreImagesArtifact({ engine, name, runId: 0, token: null, dir: path.join(work, `in-${name}`), log, github: onRunner() });
  } finally {
    restoreEnv();
  }
}

/**
 * An upload of the artifact whose zip holds large.tar after the manifest and small.tar: the order
 * the files are handed over, which the toolkit's zip keeps unless its concurrent file stats
 * finish out of order (then it is uploaded again, under another name).
 */
async function artifactWithLargeLast(): Promise<{ name: string; zip: Buffer }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const name = attempt === 0 ? 'images' : `images-${attempt}`;
    if (attempt > 0) await upload(name, path.dirname(files[0]!), files);
    const zip = github.artifacts().find((artifact) => artifact.name === name)!.zipBytes;
    const at = (entry: string) => zip.indexOf(Buffer.from(entry));
    if (at('large.tar') > at('small.tar') && at('large.tar') > at(MANIFEST_FILE)) return { name, zip };
  }
  throw new Error('five uploads in a row zipped large.tar before the manifest or small.tar');
}

beforeAll(async () => {
  testbed = await testbedEnv();
  engine = testbedEngine('podman', testbed, capturedLog());
  github = await startGitHubServices();
  work = await mkdtemp(path.join(os.tmpdir(), 'artifact-handoff-'));
  const tag = uniqueName('t');
  images = [];
  for (const [name, mib] of Object.entries(PADDING_MIB)) {
    const reference = `localhost/artifact-handoff-${name}:${tag}`;
    const context = await busyboxContext(`RUN head -c ${mib * 2 ** 20} /dev/urandom > /padding`);
    const { id } = await engine.build({ reference, context, dockerfile: path.join(context, 'Dockerfile'), buildArgs: { MARKER: tag } });
    images.push({ name, reference, id, digest: null, source: 'built', seconds: 0, sizeBytes: 0 });
    await rm(context, { recursive: true, force: true });
  }
  const out = path.join(work, 'out');
  await mkdir(out);
  ({ files } = await writeArtifactFiles(engine, images, out));
  await upload('images', out, files);
}, TIMEOUT_MS);

afterAll(async () => {
  if (images?.length > 0) spawnSync(testbed.podman, ['rmi', '-f', ...images.map((image) => image.reference)], { env: { ...process.env, ...testbed.processEnv } });
  await github?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the images artifact', () => {
  it('lists the manifest first, then one archive per image smallest first, each of the size the manifest records', () => {
    // The order handed to the toolkit; its zip keeps it as far as its concurrent file stats finish in order.
    expect(files.map((file) => path.basename(file))).toEqual([MANIFEST_FILE, 'small.tar', 'large.tar']);
    const zip = readZip(github.artifacts().find((artifact) => artifact.name === 'images')!.zipBytes);
    expect([...zip.keys()].sort()).toEqual([MANIFEST_FILE, 'large.tar', 'small.tar']);
    const manifest = parseManifest(zip.get(MANIFEST_FILE)!.toString('utf8'), MANIFEST_FILE);
    expect(manifest.archives.map((archive) => [archive.file, archive.bytes, archive.images])).toEqual([
      ['small.tar', zip.get('small.tar')!.length, ['small']],
      ['large.tar', zip.get('large.tar')!.length, ['large']],
    ]);
    expect(manifest.images.map((image) => image.name)).toEqual(names);
  });

  it('loads an archive while the download of the rest is held back, then checks every image against the manifest', async () => {
    const { name, zip } = await artifactWithLargeLast();
    // Hold the download just before the last archive's entry (its local header: 30 bytes before its name).
    const release = github.holdNextDownload(zip.indexOf(Buffer.from('large.tar')) - 30);
    const log = capturedLog();
    const restoring = restore(name, log);
    const loadingFirst = /Loading small\.tar \(small\) into podman while the download goes on/;
    while (!loadingFirst.test(log.text())) await delay(50);
    release();
    const restored = await restoring;

    expect(restored.loadedDuringDownload).toBeGreaterThanOrEqual(1);
    const text = log.text();
    const firstLoad = text.search(loadingFirst);
    const downloaded = text.search(/Downloaded the images artifact '[^']+' \(\d+ bytes\), its digest checked/);
    const lastLoad = text.search(/Loading large\.tar \(large\) into podman/);
    expect(firstLoad).toBeGreaterThanOrEqual(0);
    expect(downloaded).toBeGreaterThan(firstLoad);
    expect(lastLoad).toBeGreaterThan(firstLoad);
    const held = await engine.localImages(images.map((image) => image.reference));
    expect(images.map((image) => held.get(image.reference)?.id)).toEqual(images.map((image) => image.id));
  }, TIMEOUT_MS);

  it('fails when the download fails, naming the artifact, having loaded nothing and left no files', async () => {
    // Every attempt of the client (it tries five times) finds the storage failing.
    github.failNext('blob', 503, 5);
    const log = capturedLog();
    await expect(restore('images', log)).rejects.toThrow(/^the download of the images artifact 'images' of this workflow run failed: /);
    expect(log.text()).not.toMatch(/Loading /);
    expect(await engine.localImages(images.map((image) => image.reference))).toEqual(new Map());
    await expect(stat(path.join(work, 'in-images'))).rejects.toThrow(/ENOENT/);
  }, TIMEOUT_MS);

  it('fails on an archive damaged before the upload, naming the file and the artifact', async () => {
    const dir = path.join(work, 'damaged');
    await cp(path.dirname(files[0]!), dir, { recursive: true });
    const large = path.join(dir, 'large.tar');
    const { size } = await stat(large);
    const handle = await open(large, 'r+');
    try {
      // A byte in the middle of the padding layer: same size, other content.
      const at = Math.floor(size / 2);
      const byte = Buffer.alloc(1);
      await handle.read(byte, 0, 1, at);
      await handle.write(Buffer.from([byte[0]! ^ 0xff]), 0, 1, at);
    } finally {
      await handle.close();
    }
    await upload('damaged', dir, files.map((file) => path.join(dir, path.basename(file))));
    await expect(restore('damaged', capturedLog())).rejects.toThrow(/^loading large\.tar of the images artifact 'damaged' failed: [^]*The artifact is damaged; run the images job again\.$/);
  }, TIMEOUT_MS);

  it('fails on an archive shorter than its manifest records, naming the file, both sizes and the artifact', async () => {
    const dir = path.join(work, 'truncated');
    await cp(path.dirname(files[0]!), dir, { recursive: true });
    const manifest = parseManifest(await readFile(path.join(dir, MANIFEST_FILE), 'utf8'), MANIFEST_FILE);
    const small = manifest.archives[0]!;
    await truncate(path.join(dir, small.file), small.bytes - 512);
    await upload('truncated', dir, files.map((file) => path.join(dir, path.basename(file))));
    await expect(restore('truncated', capturedLog())).rejects.toThrow(
      `small.tar of the images artifact 'truncated' is ${small.bytes - 512} bytes; its manifest records ${small.bytes} bytes: the artifact is damaged`,
    );
  }, TIMEOUT_MS);
});
