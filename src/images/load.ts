/**
 * Puts every image of the run into the cluster at once: ONE archive of the built, pulled and
 * dependency images, loaded by kind into every node. The archive is then removed, and so are the
 * images this run left dangling (GitHub-hosted runners have about 14 GB of free disk): those its
 * references named before it rebuilt or pulled them. Other dangling images belong to other runs
 * or to the user and are never touched. The archive is a plain docker-archive, never gzip
 * (Podman 4.3 cannot load a compressed one).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ContainerEngine } from '../engine/types.js';
import type { Task } from '../scheduler/task.js';
import { formatBytes } from '../util/bytes.js';
import type { ImageOutcome } from './image-tasks.js';
import type { LoadResult } from './types.js';

export const LOAD_TASK_ID = 'load-images';

/** What loading needs of the cluster (src/cluster/kind.ts's Kind). */
export interface ImageArchiveLoader {
  loadImageArchive(archive: string): Promise<void>;
}

export interface LoadTaskOptions {
  engine: ContainerEngine;
  kind: ImageArchiveLoader;
  /** Where the archive is written (it is removed after loading). */
  workDir: string;
  /** The image and dependency tasks (their results are ImageOutcomes). */
  imageTasks: readonly string[];
  /** Further tasks to wait for, such as the cluster's creation. */
  needs?: readonly string[];
  /** Ids of the images the run's references named before it started (see removeDangling). */
  replacedImageIds: readonly string[];
}

export function loadTask(options: LoadTaskOptions): Task {
  return {
    id: LOAD_TASK_ID,
    title: 'Load images into the cluster',
    phase: 'images',
    needs: [...options.imageTasks, ...(options.needs ?? [])],
    run: async (ctx): Promise<LoadResult> => {
      const { engine } = options;
      const references = [...new Set(options.imageTasks.map((id) => ctx.result<ImageOutcome>(id).result.reference))];
      await mkdir(options.workDir, { recursive: true });
      const archive = path.join(options.workDir, `images-${randomBytes(4).toString('hex')}.tar`);
      let archiveBytes = 0;
      try {
        archiveBytes = (await engine.save(references, archive, { signal: ctx.signal, log: ctx.log })).bytes;
        ctx.log.info(`saved ${references.length} images into one archive of ${formatBytes(archiveBytes)}`);
        await options.kind.loadImageArchive(archive);
      } finally {
        await rm(archive, { force: true });
      }
      const prunedBytes = await pruneQuietly(engine, options.replacedImageIds, ctx.log, ctx.signal);
      const bytesFreed = archiveBytes + prunedBytes;
      ctx.span.set('archiveBytes', archiveBytes);
      ctx.span.set('bytesFreed', bytesFreed);
      ctx.log.info(`loaded ${references.length} images; freed ${formatBytes(bytesFreed)} (archive and images this run left dangling)`);
      return { images: references.length, archiveBytes, bytesFreed };
    },
  };
}

/** Pruning is housekeeping: a failure is a warning, not a failed run. */
async function pruneQuietly(
  engine: ContainerEngine,
  ids: readonly string[],
  log: { warning(text: string): void },
  signal: AbortSignal,
): Promise<number> {
  try {
    return (await engine.removeDangling(ids, { signal })).bytesReclaimed;
  } catch (error) {
    log.warning(`could not prune dangling images: ${(error as Error).message.split('\n')[0]}`);
    return 0;
  }
}
