/**
 * The content hash of an image: a digest of everything that can change what the build
 * produces, and the image tag derived from it. The same inputs give the same tag on any machine:
 * paths with `/`, sorted without locale; no times, owners or absolute paths. Paths are relative
 * to the context, as the engine sees them: the same context elsewhere in the repository
 * builds the same image.
 *
 * Hashed: the Dockerfile's bytes (always: the engine always receives it, even when the ignore
 * file excludes it), each file the ignore file lets through (its path, its bytes, the owner's
 * execute bit), symbolic links as their target text, special files by path, the build
 * arguments (sorted by name), the target stage and the platform.
 */
import { createHash, hash as oneShotHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImagePlan } from './plan.js';
import { checkContext, topDirectories, type ContextLimits, type DirectorySize } from './context-report.js';
import { byCodeUnit, listContext, type ContextEntry } from './context.js';
import { TimeSlices } from './slices.js';

/** Changes whenever what is hashed or how changes, so older tags are never mistaken for new ones. */
const SCHEME = 'aianalysis-e2e image content v1';

/**
 * 32 hex digits (128 bits) of the sha256. Tags only need to tell apart the versions of one
 * repository: two of even a billion versions share 128 bits with a chance near 1e-21, and
 * finding a pair on purpose takes about 2^64 hashes. The tag stays 39 characters.
 */
const TAG_HEX_DIGITS = 32;

const READ_BUFFER_BYTES = 256 * 1024;

export interface ImageHash {
  /** sha256 (64 hex digits) of everything that can change the image. */
  hash: string;
  /** `sha256-<first 32 hex digits>`: a valid OCI tag. */
  tag: string;
  /** Entries of the context that are sent (files, symbolic links, special files). */
  files: number;
  bytes: number;
  /** Each says what to do about it. */
  warnings: string[];
  topDirectories: DirectorySize[];
  /** Repository-relative ignore file in effect, if any. */
  ignoreFile: string | undefined;
}

export class DockerfileNotFoundError extends Error {
  constructor(
    readonly image: string,
    readonly dockerfile: string,
  ) {
    super(`image '${image}': the Dockerfile '${dockerfile}' cannot be read; check images.${image}.dockerfile`);
    this.name = 'DockerfileNotFoundError';
  }
}

/**
 * Hashes the image's build inputs. Throws ContextTooLargeError (before reading any content)
 * when the context is above `limits.limitMiB`.
 */
export async function hashImage(
  repoRoot: string,
  image: Pick<ImagePlan, 'name' | 'dockerfile' | 'context' | 'buildArgs' | 'target' | 'platform'>,
  limits: ContextLimits,
): Promise<ImageHash> {
  const dockerfile = await readDockerfile(repoRoot, image);
  const slices = new TimeSlices();
  const listing = await listContext(repoRoot, image, slices);
  const { entries, bytes, ignoreFile } = listing;
  const warnings = checkContext({ image: image.name, context: image.context, entries, bytes, ignoreFile }, limits);

  const digest = createHash('sha256').update(`${SCHEME}\n`);
  const line = (fields: readonly unknown[]) => digest.update(`${JSON.stringify(fields)}\n`);
  line(['dockerfile', sha256(dockerfile)]);
  line(['target', image.target]);
  line(['platform', image.platform]);
  for (const name of Object.keys(image.buildArgs).sort(byCodeUnit)) line(['arg', name, image.buildArgs[name]]);
  const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
  for (const entry of entries) {
    line(entryFields(listing.dir, entry, buffer));
    if (slices.due()) await slices.release();
  }
  const hash = digest.digest('hex');

  return {
    hash,
    tag: tagOf(hash),
    files: entries.length,
    bytes,
    warnings,
    topDirectories: topDirectories(entries),
    ignoreFile,
  };
}

export function tagOf(hash: string): string {
  return `sha256-${hash.slice(0, TAG_HEX_DIGITS)}`;
}

async function readDockerfile(repoRoot: string, image: { name: string; dockerfile: string }): Promise<Buffer> {
  try {
    return await readFile(join(repoRoot, image.dockerfile));
  } catch {
    throw new DockerfileNotFoundError(image.name, image.dockerfile);
  }
}

function entryFields(root: string, entry: ContextEntry, buffer: Buffer): unknown[] {
  switch (entry.kind) {
    case 'file':
      return ['file', entry.path, entry.executable ? 'x' : '-', fileDigest(`${root}/${entry.path}`, entry.size, buffer)];
    case 'symlink':
      return ['symlink', entry.path, entry.linkTarget];
    case 'special':
      return ['special', entry.path];
  }
}

/**
 * Streams the file through sha256 in buffer-sized reads: memory stays bounded whatever its size.
 * A short read that completes the listed size is the end: most files fit one read, which saves
 * the read that would only return 0, and they are hashed in one call. The event loop gets its
 * turn between files (slices.ts); one file is read at once, about a second for 1 GiB.
 */
function fileDigest(path: string, size: number, buffer: Buffer): string {
  const fd = openSync(path, 'r');
  try {
    const first = readSync(fd, buffer);
    if (first < buffer.length && first >= size) return sha256(buffer.subarray(0, first));
    const hash = createHash('sha256').update(buffer.subarray(0, first));
    for (let read = first; read > 0; ) {
      read = readSync(fd, buffer);
      hash.update(buffer.subarray(0, read));
    }
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}

function sha256(bytes: Buffer): string {
  return oneShotHash('sha256', bytes);
}
