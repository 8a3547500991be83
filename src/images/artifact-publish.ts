/**
 * The images job's hand-on: once every image of the run is there (and pushed, where pushing is
 * allowed), each is saved as its own docker-archive and all are uploaded with their manifest as
 * ONE workflow artifact, which every E2E job of the run loads instead of resolving the images
 * again. The files go to the toolkit manifest first, then the archives smallest first, and its zip
 * keeps that order as far as its concurrent file reads finish in order: a job that loads the
 * artifact loads each archive as soon as the download has written it (and the manifest), while
 * the rest arrives; any order still loads, only with less overlap.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerEngine, OperationOptions } from '../engine/types.js';
import type { GitHubServices } from '../github/services.js';
import type { ImagePlan } from '../plan/plan.js';
import type { Task } from '../scheduler/task.js';
import { formatBytes } from '../util/bytes.js';
import { MANIFEST_FILE, archiveFileOf, manifestOf, type ArchiveEntry } from './artifact-manifest.js';
import { uploadImagesArtifact } from './artifact-transfer.js';
import { imageTaskId, pushTaskId, type ImageOutcome, type PushOutcome } from './image-tasks.js';
import type { ImageResult } from './types.js';

export const IMAGES_ARTIFACT_TASK_ID = 'images-artifact';

export interface ImagesArtifactTaskOptions {
  engine: ContainerEngine;
  images: readonly ImagePlan[];
  /** The image phase's tasks: the artifact waits for all of them. */
  after: readonly Task[];
  name: string;
  retentionDays: number;
  /** Where the archives are written; removed after the upload. */
  dir: string;
  github: GitHubServices;
}

export interface ImagesArtifactResult {
  name: string;
  id: number;
  archiveBytes: number;
  uploadedBytes: number;
}

export function imagesArtifactTask(options: ImagesArtifactTaskOptions): Task {
  const needs = options.after.map((task) => task.id);
  return {
    id: IMAGES_ARTIFACT_TASK_ID,
    title: `Write the images artifact ${options.name}`,
    phase: 'images',
    needs,
    run: async (ctx): Promise<ImagesArtifactResult> => {
      const results = options.images.map((image) => {
        const { result } = ctx.result<ImageOutcome>(imageTaskId(image.name));
        const pushed = needs.includes(pushTaskId(image.name)) ? ctx.result<PushOutcome>(pushTaskId(image.name)).digest : null;
        return { ...result, digest: pushed ?? result.digest };
      });
      await mkdir(options.dir, { recursive: true });
      try {
        const { files, bytes } = await writeArtifactFiles(options.engine, results, options.dir, { signal: ctx.signal, log: ctx.log });
        const uploaded = await uploadImagesArtifact({ name: options.name, rootDir: options.dir, files, retentionDays: options.retentionDays }, options.github);
        ctx.span.note(`${results.length} images, archives ${formatBytes(bytes)}, uploaded ${formatBytes(uploaded.size)}`);
        return { name: options.name, id: uploaded.id, archiveBytes: bytes, uploadedBytes: uploaded.size };
      } finally {
        await rm(options.dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Saves each image as its own docker-archive in `dir` and writes the manifest; returns the files
 * in the order the artifact's zip must hold them (the client zips them in the order given):
 * the manifest, then the archives smallest first, so the first loads start soonest.
 */
export async function writeArtifactFiles(
  engine: ContainerEngine,
  images: readonly ImageResult[],
  dir: string,
  options: OperationOptions = {},
): Promise<{ files: string[]; bytes: number }> {
  const archives: ArchiveEntry[] = [];
  for (const image of images) {
    const file = archiveFileOf(image.name);
    const { bytes } = await engine.save([image.reference], join(dir, file), options);
    archives.push({ file, bytes, images: [image.name] });
  }
  archives.sort((a, b) => a.bytes - b.bytes);
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifestOf(images, archives), null, 2)}\n`);
  return {
    files: [MANIFEST_FILE, ...archives.map((archive) => archive.file)].map((file) => join(dir, file)),
    bytes: archives.reduce((sum, archive) => sum + archive.bytes, 0),
  };
}
