/**
 * The `local` build cache directory (buildx only): kept between workflow runs with the GitHub
 * cache, and bounded to one build's worth. buildx's local exporter adds to a directory without
 * ever removing anything, so each build writes a fresh directory that then replaces the old one.
 */
import { rename, rm } from 'node:fs/promises';
import { CacheEntryExistsError, type CacheService } from '../github/services.js';
import type { Log } from '../util/log.js';

const KEY_PREFIX = 'aianalysis-e2e-buildx';
/** Long enough to tell content hashes apart, short enough to read in the cache list. */
const HASH_PREFIX_LENGTH = 16;

/** The GitHub cache key of one image's local build cache: image name and content-hash prefix. */
export function localCacheKey(image: string, contentHash: string): { key: string; restoreKeys: string[] } {
  const base = `${KEY_PREFIX}-${image}-`;
  return { key: `${base}${contentHash.slice(0, HASH_PREFIX_LENGTH)}`, restoreKeys: [base] };
}

/** Replaces `dir` with the cache the last build wrote to `next`. */
export async function rotateLocalCache(dir: string, next: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await rename(next, dir);
}

/** Restores the newest cache of this image into `dir`; false when there is none (or no GitHub cache here). */
export async function restoreLocalCache(cache: CacheService | undefined, dir: string, image: string, contentHash: string, log: Log): Promise<boolean> {
  if (cache === undefined) return false;
  const { key, restoreKeys } = localCacheKey(image, contentHash);
  try {
    const hit = await cache.restore([dir], key, restoreKeys);
    log.info(hit ? `build cache of ${image} restored from ${hit}` : `no build cache of ${image} yet`);
    return hit !== undefined;
  } catch (error) {
    log.warning(`could not restore the build cache of ${image}: ${(error as Error).message}`);
    return false;
  }
}

/** Saves `dir` under this image's key; a key that exists already (same content) is left alone. */
export async function saveLocalCache(cache: CacheService | undefined, dir: string, image: string, contentHash: string, log: Log): Promise<void> {
  if (cache === undefined) return;
  const { key } = localCacheKey(image, contentHash);
  try {
    await cache.save([dir], key);
    log.info(`build cache of ${image} saved as ${key}`);
  } catch (error) {
    if (error instanceof CacheEntryExistsError) log.info(`build cache ${key} exists already`);
    else log.warning(`could not save the build cache of ${image}: ${(error as Error).message}`);
  }
}
