/**
 * An E2E job's images, from the images job's artifact: the artifact client downloads and unpacks
 * it while each docker-archive in it is loaded into the engine as soon as the download has written
 * all of it (the manifest, the zip's first entry, gives each one's size), one load at a time; once
 * the download is whole and its digest checked, every image is checked against the manifest. What
 * was loaded is then what the run's source decisions find (image source `artifact`); nothing is built.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Secret } from '../config/index.js';
import type { ContainerEngine } from '../engine/types.js';
import type { GitHubServices } from '../github/services.js';
import type { Log } from '../util/log.js';
import { Download, sizeOf, watch, wholeJson } from './artifact-arrival.js';
import { MANIFEST_FILE, loadProblems, parseManifest, type ArchiveEntry, type ImagesManifest } from './artifact-manifest.js';
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
  /** The archives whose load started while the download went on. */
  loadedDuringDownload: number;
  /** From the start of the download to the end of the check. */
  seconds: number;
}

export async function restoreImagesArtifact(request: RestoreRequest): Promise<RestoreResult> {
  const started = Date.now();
  const { engine, log, signal, name, dir } = request;
  await mkdir(dir, { recursive: true });
  const download = new Download(downloadImagesArtifact({ name, runId: request.runId, token: request.token, dir }, request.github));
  try {
    const manifest = await arrivedManifest(download, name, dir);
    const damaged = (archive: ArchiveEntry, error: unknown) =>
      new Error(`loading ${archive.file} of the images artifact '${name}' failed: ${(error as Error).message}\nThe artifact is damaged; run the images job again.`);
    // A load that fails while the download goes on is tried again once it has ended: the client
    // starts the download over when the stream breaks, rewriting the files it had written.
    const again: ArchiveEntry[] = [];
    let loadedDuringDownload = 0;
    for (const archive of manifest.archives) {
      signal?.throwIfAborted();
      const path = join(dir, archive.file);
      const whole = await watch(download, async () => ((await sizeOf(path)) === archive.bytes ? true : undefined));
      if (whole === undefined) {
        await download.result;
        const size = await sizeOf(path);
        throw new Error(
          `${archive.file} of the images artifact '${name}' is ${size === undefined ? 'missing' : `${size} bytes`}; ` +
            `its manifest records ${archive.bytes} bytes: the artifact is damaged; run the images job again`,
        );
      }
      const during = download.isRunning;
      log.info(`Loading ${archive.file} (${archive.images.join(', ')}) into ${engine.name}${during ? ' while the download goes on' : ''}`);
      try {
        await engine.load(path, { signal, log });
        if (during) loadedDuringDownload += 1;
      } catch (error) {
        if (!during) throw damaged(archive, error);
        again.push(archive);
      }
    }
    const { size } = await download.result;
    log.info(`Downloaded the images artifact '${name}' (${size} bytes), its digest checked`);
    for (const archive of again) {
      log.info(`Loading ${archive.file} again, now that the download has ended`);
      await engine.load(join(dir, archive.file), { signal, log }).catch((error: unknown) => {
        throw damaged(archive, error);
      });
    }
    const references = manifest.images.map((image) => image.reference);
    const problems = loadProblems(manifest, await engine.localImages(references, { signal, log }));
    if (problems.length > 0) {
      throw new Error([`the images loaded from the artifact '${name}' do not match its manifest:`, ...problems.map((p) => `  - ${p}`), 'Run the images job again.'].join('\n'));
    }
    log.info(`Loaded and checked ${references.length} images from the artifact '${name}' into ${engine.name}: ${references.join(', ')}`);
    return { manifest, downloadedBytes: size, loadedDuringDownload, seconds: (Date.now() - started) / 1000 };
  } finally {
    // The client cannot be stopped; its files go only once it is done writing them.
    await download.ended;
    await rm(dir, { recursive: true, force: true });
  }
}

/** The manifest, as soon as the download has written it whole (it is the zip's first entry). */
async function arrivedManifest(download: Download<unknown>, name: string, dir: string): Promise<ImagesManifest> {
  const path = join(dir, MANIFEST_FILE);
  const where = `${MANIFEST_FILE} of the images artifact '${name}'`;
  const text = await watch(download, () => wholeJson(path));
  if (text !== undefined) return parseManifest(text, where);
  await download.result;
  const left = await readFile(path, 'utf8').catch(() => {
    throw new Error(`the images artifact '${name}' has no ${MANIFEST_FILE}: it was not written by an images-only run of this action`);
  });
  return parseManifest(left, where);
}
