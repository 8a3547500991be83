// An E2E job's image phase from the images artifact: for four images of kubernaut's sizes in one
// artifact written by the images job, the time from the job asking for the artifact to the images
// being in podman's store and checked against the manifest.
//
// Candidate: a whole Node process running the action's restore path bundled with ncc
// (artifact-load-process.ts), against GitHub's artifact service double in this process: the
// toolkit's client downloads and unpacks the zip (one docker-archive per image, smallest first),
// podman loads each archive as soon as it is unpacked while the rest downloads, the ids are
// checked. Baseline: `podman load -i` of one docker-archive of the four images, already on disk,
// in the same run. Before each timed run the four images are removed from podman, so both load
// into a store without them, as on a fresh runner. Also given: the download and unpack alone (the
// transfer's share), the same restore from the artifact zipped without compression (level 0
// against the action's level), and the sizes of one archive against one per image.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEnv, startGitHubServices } from '../__tests__/doubles/github/index.js';
import { testbedEnv } from '../__tests__/testbed/env.js';
import { PodmanEngine } from '../src/engine/podman.js';
import { toolkitServices } from '../src/host/toolkit.js';
import { workflowRun } from '../src/host/workflow-run.js';
import { writeArtifactFiles } from '../src/images/artifact-publish.js';
import { uploadImagesArtifact } from '../src/images/artifact-transfer.js';
import type { ImageResult } from '../src/images/types.js';
import { consoleLog } from '../src/util/log.js';
import { SIZES_MIB, buildImages, must } from './handoff.js';
import { alternate, bundleEntry, timeProcess, type Figure } from './measure.js';

const RUNS = 3;
const ARTIFACT = 'bench-images';
const STORED = 'bench-images-stored';
const node = process.execPath;
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

export async function artifactLoad(root: string): Promise<Figure> {
  const testbed = await testbedEnv();
  const env = { ...process.env, ...testbed.processEnv };
  const work = await mkdtemp(join(tmpdir(), 'aianalysis-e2e-bench-artifact-'));
  const github = await startGitHubServices();
  let references: string[] = [];
  try {
    references = await buildImages('podman', testbed.baseImage, work, env, 'artifact-load');
    const log = consoleLog({ write: () => undefined });
    const engine = new PodmanEngine({ log });
    const held = await engine.localImages(references);
    const images: ImageResult[] = Object.keys(SIZES_MIB).map((name, index) => {
      const reference = references[index]!;
      return { name, reference, id: held.get(reference)!.id, digest: null, source: 'built', seconds: 0, sizeBytes: 0 };
    });
    const out = join(work, 'artifact');
    await mkdir(out);
    const { files, bytes: archivesBytes } = await writeArtifactFiles(engine, images, out);
    const restoreEnv = applyEnv(github.startJob({ job: 'images' }));
    let uploaded: { size: number };
    let stored: { size?: number };
    try {
      const services = toolkitServices(workflowRun(process.env), log);
      uploaded = await uploadImagesArtifact({ name: ARTIFACT, rootDir: out, files, retentionDays: 1 }, services);
      stored = await services.artifacts()!.uploadArtifact(STORED, files, out, { retentionDays: 1, compressionLevel: 0 });
    } finally {
      restoreEnv();
    }
    const archive = join(work, 'all-images.tar');
    const { bytes: archiveBytes } = await engine.save(references, archive);
    const bundle = bundleEntry(root, new URL('./artifact-load-process.ts', import.meta.url).href, join(work, 'bundle'));
    const job = { ...env, ...github.startJob({ job: 'e2e' }) };
    const forget = () => spawnSync('podman', ['rmi', '-f', ...references], { env });
    const plainLoad = async () => {
      forget();
      return timeProcess('podman', ['load', '-i', archive], env);
    };
    const restoreFrom = (artifact: string) => async () => {
      forget();
      return timeProcess(node, [bundle, artifact, join(work, 'restore')], job);
    };
    const [baseline, candidate, uncompressed] = await alternate(RUNS, plainLoad, restoreFrom(ARTIFACT), restoreFrom(STORED));
    // The transfer alone (download and unpack, no load): what the candidate adds to the load.
    const downloadDir = join(work, 'download');
    const downloadOnly = async () => {
      await rm(downloadDir, { recursive: true, force: true });
      return timeProcess(node, [bundle, ARTIFACT, downloadDir, 'download'], job);
    };
    const [download] = await alternate(RUNS, downloadOnly);
    const total = Object.values(SIZES_MIB).reduce((sum, mib) => sum + mib, 0);
    return {
      name: `E2E job's images from the artifact, four images (${total} MiB)`,
      baseline: { label: 'podman load -i (archive on disk)', ms: baseline },
      candidate: { label: 'download + load + check (node process)', ms: candidate },
      maxRatio: 1.1,
      extra:
        `of which download and unpack alone ${download.toFixed(0)} ms (download + plain load ${(download + baseline).toFixed(0)} ms); ` +
        `from the artifact zipped at level 0 ${uncompressed.toFixed(0)} ms; one archive of the four ${mib(archiveBytes)} MiB, ` +
        `one per image ${mib(archivesBytes)} MiB in all, artifact zip ${mib(uploaded.size)} MiB (level 0: ${mib(stored.size ?? 0)} MiB), medians of ${RUNS}`,
    };
  } finally {
    if (references.length > 0) must('podman', ['rmi', '-f', ...references], env);
    await github.close();
    await rm(work, { recursive: true, force: true });
  }
}
