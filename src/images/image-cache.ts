/**
 * Images kept across workflow runs in the GitHub cache, one entry per image keyed by its content
 * tag, for repositories without a registry (or runs that may not push to it): the images job of
 * the next run restores an image it would otherwise build. The cache's limits apply (10 GB per
 * repository, entries evicted after 7 days unused; a pull request reads its own entries and the
 * default branch's).
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseReference } from '../config/index.js';
import type { ContainerEngine } from '../engine/types.js';
import { CacheEntryExistsError, type GitHubServices } from '../github/services.js';
import type { Task } from '../scheduler/task.js';
import type { Log } from '../util/log.js';
import { TRANSFER_MEMORY_MIB, imageTaskId, type ImageOutcome } from './image-tasks.js';

const KEY_PREFIX = 'aianalysis-e2e-image';

export const imageCacheTaskId = (name: string) => `cache-image-${name}`;

/** The cache key of one image: its name and the content tag of its reference. */
export function imageCacheKey(image: string, reference: string): string {
  return `${KEY_PREFIX}-${image}-${parseReference(reference).tag ?? ''}`;
}

export interface ImageCacheOptions {
  engine: ContainerEngine;
  /** Where archives are written and restored; the same path in every run (the cache's version depends on it). */
  dir: string;
  github: GitHubServices;
}

const archiveOf = (dir: string, image: string) => join(dir, `${image}.tar`);

/** Loads the image from the GitHub cache into the engine; false when the cache has no entry for it (or there is no cache here). */
export async function restoreCachedImage(options: ImageCacheOptions, image: string, reference: string, log: Log): Promise<boolean> {
  const cache = await options.github.cache();
  if (cache === undefined) return false;
  const archive = archiveOf(options.dir, image);
  const key = imageCacheKey(image, reference);
  await mkdir(options.dir, { recursive: true });
  try {
    if ((await cache.restore([archive], key)) === undefined) return false;
    await options.engine.load(archive, { log });
    const held = await options.engine.localImages([reference], { log });
    if (!held.has(reference)) throw new Error(`the cache entry ${key} does not hold ${reference}`);
    log.info(`image ${image}: restored ${reference} from the GitHub cache (${key})`);
    return true;
  } catch (error) {
    log.warning(`image ${image}: could not restore it from the GitHub cache, it is built instead: ${(error as Error).message}`);
    return false;
  } finally {
    await rm(archive, { force: true });
  }
}

/** A task that keeps a built image in the GitHub cache for the next runs; never fails the run. */
export function cacheImageTask(options: ImageCacheOptions, image: string): Task {
  return {
    id: imageCacheTaskId(image),
    title: `Keep image ${image} in the GitHub cache`,
    phase: 'images',
    needs: [imageTaskId(image)],
    weight: { memoryMiB: TRANSFER_MEMORY_MIB },
    run: async (ctx) => {
      const cache = await options.github.cache();
      if (cache === undefined) return ctx.span.note('no GitHub cache here');
      const { reference } = ctx.result<ImageOutcome>(imageTaskId(image)).result;
      const archive = archiveOf(options.dir, image);
      const key = imageCacheKey(image, reference);
      await mkdir(options.dir, { recursive: true });
      try {
        await options.engine.save([reference], archive, { signal: ctx.signal, log: ctx.log });
        await cache.save([archive], key);
        ctx.span.note(`saved as ${key}`);
      } catch (error) {
        if (error instanceof CacheEntryExistsError) ctx.span.note(`${key} exists already`);
        else ctx.log.warning(`image ${image}: not kept in the GitHub cache: ${(error as Error).message}`);
      } finally {
        await rm(archive, { force: true });
      }
    },
  };
}
