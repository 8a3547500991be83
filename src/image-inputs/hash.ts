/**
 * The content hash of an image: a digest of everything that can change what the build
 * produces, and the image tag derived from it. The same inputs give the same tag on any machine:
 * paths with `/`, sorted without locale; no times, owners or absolute paths. Paths are relative
 * to the context, as the engine sees them: the same context elsewhere in the repository
 * builds the same image.
 *
 * Hashed: the Dockerfile's bytes (always: the engine always receives it, even when the ignore
 * file excludes it), each input file of the image's inputs mode (inputs.ts) among those the
 * ignore file lets through (its path, its bytes, the owner's execute bit), symbolic links as
 * their target text, special files by path, the build arguments (sorted by name), the target
 * stage, the platform, and the inputs mode unless it is `context`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ImagePlan } from '../plan/plan.js';
import { checkContext, surveyContext, type ContextLimits, type DirectorySize } from './context-report.js';
import { byCodeUnit, listContext, type ContextEntry, type ContextListing } from './context.js';
import { ContextFiles, sha256 } from './context-files.js';
import { ContextIndex } from './context-index.js';
import { ignoreFileInEffect } from './dockerignore.js';
import { selectInputs, type ImageInputs } from './inputs.js';
import { TimeSlices } from './slices.js';

/** Changes whenever what is hashed or how changes, so older tags are never mistaken for new ones. */
const SCHEME = 'aianalysis-e2e image content v1';

/**
 * 32 hex digits (128 bits) of the sha256. Tags only need to tell apart the versions of one
 * repository: two of even a billion versions share 128 bits with a chance near 1e-21, and
 * finding a pair on purpose takes about 2^64 hashes. The tag stays 39 characters.
 */
const TAG_HEX_DIGITS = 32;

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
  /** The files hashed, why each, and by which mode. */
  inputs: ImageInputs;
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
  image: Pick<ImagePlan, 'name' | 'dockerfile' | 'context' | 'buildArgs' | 'target' | 'platform' | 'inputs' | 'goPackage'>,
  limits: ContextLimits,
): Promise<ImageHash> {
  const dockerfile = readDockerfile(repoRoot, image);
  const slices = new TimeSlices();
  const { listing, index, files } = await sharedContext(repoRoot, image, slices);
  const { entries, bytes, ignoreFile } = listing;
  const warnings = checkContext({ image: image.name, context: image.context, entries, bytes, ignoreFile }, limits);
  const inputs = await selectInputs(index, files, dockerfile.toString('utf8'), image);

  const digest = createHash('sha256').update(`${SCHEME}\n`);
  const line = (fields: readonly unknown[]) => digest.update(`${JSON.stringify(fields)}\n`);
  line(['dockerfile', sha256(dockerfile)]);
  line(['target', image.target]);
  line(['platform', image.platform]);
  for (const name of Object.keys(image.buildArgs).sort(byCodeUnit)) line(['arg', name, image.buildArgs[name]]);
  // `context` hashes as it always has; the other modes say which, so their tags never meet.
  if (inputs.mode !== 'context') line(['inputs', inputs.mode]);
  for (const { entry } of inputs.files) {
    line(entryFields(entry, files));
    if (slices.due()) await slices.release();
  }
  const hash = digest.digest('hex');

  return {
    hash,
    tag: tagOf(hash),
    files: entries.length,
    bytes,
    warnings,
    topDirectories: surveyContext(entries).top,
    ignoreFile,
    inputs,
  };
}

interface SharedContext {
  listing: ContextListing;
  index: ContextIndex;
  files: ContextFiles;
}

/** Listings being made, by context and ignore file: images hashed together walk and read a shared context once. */
const listingsInFlight = new Map<string, Promise<SharedContext>>();

function sharedContext(repoRoot: string, image: { name: string; context: string; dockerfile: string }, slices: TimeSlices): Promise<SharedContext> {
  const key = JSON.stringify([resolve(repoRoot, image.context), ignoreFileInEffect(repoRoot, image.context, image.dockerfile)]);
  const known = listingsInFlight.get(key);
  if (known) return known;
  const pending = listContext(repoRoot, image, slices).then((listing) => ({
    listing,
    index: new ContextIndex(listing.entries),
    files: new ContextFiles(listing.dir),
  }));
  listingsInFlight.set(key, pending);
  const forget = () => void listingsInFlight.delete(key);
  pending.then(forget, forget);
  return pending;
}

export function tagOf(hash: string): string {
  return `sha256-${hash.slice(0, TAG_HEX_DIGITS)}`;
}

function readDockerfile(repoRoot: string, image: { name: string; dockerfile: string }): Buffer {
  try {
    return readFileSync(join(repoRoot, image.dockerfile));
  } catch {
    throw new DockerfileNotFoundError(image.name, image.dockerfile);
  }
}

function entryFields(entry: ContextEntry, files: ContextFiles): unknown[] {
  switch (entry.kind) {
    case 'file':
      return ['file', entry.path, entry.executable ? 'x' : '-', files.digest(entry)];
    case 'symlink':
      return ['symlink', entry.path, entry.linkTarget];
    case 'special':
      return ['special', entry.path];
  }
}
