/**
 * An E2E job's images, from the images job's artifact: downloaded with the artifact client,
 * loaded into the engine in one pass, and checked image by image against the manifest. What was
 * loaded is then what the run's source decisions find (image source `artifact`); nothing is built.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Secret } from '../config/index.js';
import type { ContainerEngine } from '../engine/types.js';
import type { GitHubServices } from '../host/github.js';
import type { Log } from '../util/log.js';
import { MANIFEST_FILE, loadProblems, parseManifest, type ImagesManifest } from './artifact-manifest.js';
import { downloadImagesArtifact } from './artifact-transfer.js';

export interface RestoreRequest {
  engine: ContainerEngine;
  name: string;
  runId: number;
  token: Secret | null;
  /** Where the artifact is unpacked; removed once loaded. */
  dir: string;
  log: Log;
  signal?: AbortSignal;
  github: GitHubServices;
}

export interface RestoreResult {
  manifest: ImagesManifest;
  downloadedBytes: number;
  /** From the start of the download to the end of the check. */
  seconds: number;
}

export async function restoreImagesArtifact(request: RestoreRequest): Promise<RestoreResult> {
  const started = Date.now();
  const { engine, log, signal } = request;
  await mkdir(request.dir, { recursive: true });
  try {
    const { size } = await downloadImagesArtifact({ name: request.name, runId: request.runId, token: request.token, dir: request.dir }, request.github);
    const manifestPath = join(request.dir, MANIFEST_FILE);
    const text = await readFile(manifestPath, 'utf8').catch(() => {
      throw new Error(`the images artifact '${request.name}' has no ${MANIFEST_FILE}: it was not written by an images-only run of this action`);
    });
    const manifest = parseManifest(text, `${MANIFEST_FILE} of the images artifact '${request.name}'`);
    await engine.load(join(request.dir, manifest.archive), { signal, log });
    const references = manifest.images.map((image) => image.reference);
    const problems = loadProblems(manifest, await engine.localImages(references, { signal, log }));
    if (problems.length > 0) {
      throw new Error([`the images loaded from the artifact '${request.name}' do not match its manifest:`, ...problems.map((p) => `  - ${p}`), 'Run the images job again.'].join('\n'));
    }
    log.info(`Loaded and checked ${references.length} images from the artifact '${request.name}' into ${engine.name}: ${references.join(', ')}`);
    return { manifest, downloadedBytes: size, seconds: (Date.now() - started) / 1000 };
  } finally {
    await rm(request.dir, { recursive: true, force: true });
  }
}
