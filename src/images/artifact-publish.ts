/**
 * The images job's hand-on: once every image of the run is there (and pushed, where pushing is
 * allowed), they are saved as ONE docker-archive and uploaded with their manifest as ONE workflow
 * artifact, which every E2E job of the run loads instead of resolving the images again.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerEngine } from '../engine/types.js';
import type { GitHubServices } from '../host/github.js';
import type { ImagePlan } from '../plan/plan.js';
import type { Task } from '../run/task.js';
import { formatBytes } from '../util/bytes.js';
import { ARCHIVE_FILE, MANIFEST_FILE, manifestOf } from './artifact-manifest.js';
import { uploadImagesArtifact } from './artifact-transfer.js';
import { imageTaskId, pushTaskId, type ImageOutcome, type PushOutcome } from './image-tasks.js';

export const IMAGES_ARTIFACT_TASK_ID = 'images-artifact';

export interface ImagesArtifactTaskOptions {
  engine: ContainerEngine;
  images: readonly ImagePlan[];
  /** The image phase's tasks: the artifact waits for all of them. */
  after: readonly Task[];
  name: string;
  retentionDays: number;
  /** Where the archive is written; removed after the upload. */
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
        const { bytes } = await options.engine.save(
          results.map((image) => image.reference),
          join(options.dir, ARCHIVE_FILE),
          { signal: ctx.signal, log: ctx.log },
        );
        await writeFile(join(options.dir, MANIFEST_FILE), `${JSON.stringify(manifestOf(results), null, 2)}\n`);
        const files = [ARCHIVE_FILE, MANIFEST_FILE].map((file) => join(options.dir, file));
        const uploaded = await uploadImagesArtifact({ name: options.name, rootDir: options.dir, files, retentionDays: options.retentionDays }, options.github);
        ctx.span.note(`${results.length} images, archive ${formatBytes(bytes)}, uploaded ${formatBytes(uploaded.size)}`);
        return { name: options.name, id: uploaded.id, archiveBytes: bytes, uploadedBytes: uploaded.size };
      } finally {
        await rm(options.dir, { recursive: true, force: true });
      }
    },
  };
}
