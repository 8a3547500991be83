/**
 * The manifest that travels with the images of a workflow run in their one workflow artifact:
 * per image its reference (which carries the content tag), the engine's image id and, when it
 * went to a registry, the registry's digest; per docker-archive of the artifact its file, its
 * size and the images it holds, in the order of the artifact's zip. The manifest is the zip's first
 * entry, so a job that loads the artifact knows each archive's size before it arrives and can load
 * it as soon as it is complete. The jobs check what they loaded against it, so an image that was
 * swapped, lost, damaged or made from other inputs stops the run.
 */
import { z } from 'zod';
import { parseReference } from '../config/index.js';
import type { ImageInfo } from '../engine/types.js';
import type { ImageResult } from './types.js';

export const MANIFEST_FILE = 'images.json';
const FORMAT = 'aianalysis-e2e-images/2';

/** The docker-archive of one image in the artifact (image names are DNS labels). */
export const archiveFileOf = (image: string): string => `${image}.tar`;

const sha256 = z.string().regex(/^sha256:[0-9a-f]{64}$/);

const archiveSchema = z.strictObject({
  /** A file at the artifact's top level, never a path. */
  file: z.string().regex(/^[a-z0-9][a-z0-9._-]*\.tar$/),
  /** Its size, by which a job sees that the download has written all of it. */
  bytes: z.number().int().positive(),
  /** The names of the images it holds. */
  images: z.array(z.string().min(1)).min(1),
});

const manifestSchema = z.strictObject({
  format: z.literal(FORMAT),
  /** The docker-archives in the artifact, in the order of its zip: smallest first. */
  archives: z.array(archiveSchema).min(1),
  images: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        reference: z.string().min(1),
        /** The content tag of the reference, on its own for people and tools. */
        contentTag: z.string().min(1),
        /** The engine's image id: the digest of the image's configuration. */
        id: sha256,
        /** The registry's manifest digest, when the image came from or went to a registry. */
        digest: sha256.nullable(),
      }),
    )
    .min(1),
});

export type ImagesManifest = z.infer<typeof manifestSchema>;
export type ArchiveEntry = z.infer<typeof archiveSchema>;

export function manifestOf(images: readonly ImageResult[], archives: readonly ArchiveEntry[]): ImagesManifest {
  return {
    format: FORMAT,
    archives: [...archives],
    images: images.map((image) => ({
      name: image.name,
      reference: image.reference,
      contentTag: parseReference(image.reference).tag ?? '',
      id: image.id,
      digest: image.digest,
    })),
  };
}

/** The manifest as read from an artifact; `where` names the file in errors. */
export function parseManifest(text: string, where: string): ImagesManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not JSON (${(error as Error).message}): the images artifact is damaged; run the images job again`);
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `${where} is not a manifest of format ${FORMAT} (${issue.path.join('.') || 'top level'}: ${issue.message}): ` +
        'the artifact was written by another version of the action or by something else; run the images job again',
    );
  }
  const manifest = parsed.data;
  const names = manifest.images.map((image) => image.name);
  const held = manifest.archives.flatMap((archive) => archive.images);
  const files = manifest.archives.map((archive) => archive.file);
  const unheld = names.filter((name) => !held.includes(name));
  const strangers = held.filter((name) => !names.includes(name));
  if (unheld.length > 0 || strangers.length > 0 || new Set(held).size !== held.length || new Set(files).size !== files.length) {
    throw new Error(
      `${where} does not put every image in exactly one archive file (${[...unheld.map((n) => `'${n}' in none`), ...strangers.map((n) => `'${n}' not listed`)].join(', ') || 'an image or a file twice'}): ` +
        'the images artifact is damaged; run the images job again',
    );
  }
  return manifest;
}

/**
 * What is wrong with the images an engine holds after loading the archive, one line per image:
 * missing, or a different image id than the manifest records. Empty when every image checks out.
 */
export function loadProblems(manifest: ImagesManifest, held: ReadonlyMap<string, Pick<ImageInfo, 'id'>>): string[] {
  return manifest.images.flatMap((image) => {
    const info = held.get(image.reference);
    if (info === undefined) return [`${image.reference} (image '${image.name}') is not in the engine after loading the archive`];
    if (info.id !== image.id) return [`${image.reference} (image '${image.name}') has id ${info.id}; the manifest records ${image.id}`];
    return [];
  });
}
