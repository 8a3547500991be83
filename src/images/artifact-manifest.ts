/**
 * The manifest that travels with the images of a workflow run in their one workflow artifact:
 * per image its reference (which carries the content tag), the engine's image id and, when it
 * went to a registry, the registry's digest. The jobs that load the artifact check what they
 * loaded against it, so an image that was swapped, lost or made from other inputs stops the run.
 */
import { z } from 'zod';
import { parseReference } from '../config/index.js';
import type { ImageInfo } from '../engine/types.js';
import type { ImageResult } from './types.js';

export const MANIFEST_FILE = 'images.json';
export const ARCHIVE_FILE = 'images.tar';
const FORMAT = 'aianalysis-e2e-images/1';

const sha256 = z.string().regex(/^sha256:[0-9a-f]{64}$/);

const manifestSchema = z.strictObject({
  format: z.literal(FORMAT),
  /** The docker-archive in the artifact that holds every image. */
  archive: z.literal(ARCHIVE_FILE),
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

export function manifestOf(images: readonly ImageResult[]): ImagesManifest {
  return {
    format: FORMAT,
    archive: ARCHIVE_FILE,
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
  return parsed.data;
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
