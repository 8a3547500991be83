/**
 * The hand-off tag: kubernaut's suite takes ONE tag for every service (KUBERNAUT_CI_ARTIFACT_TAG,
 * or IMAGE_TAG), while each image's identity is its own content-hash tag. The hand-off tag is
 * derived from all of them, so the same set of images always gets the same tag and any change
 * to one image gives a new one: a stale image can never answer to it.
 */
import { createHash } from 'node:crypto';

export interface HandedImage {
  name: string;
  /** The service name the suite looks the image up by (the configured repository). */
  repository: string;
  /** The resolved content-hash reference. */
  reference: string;
}

export function handoffTag(images: readonly HandedImage[]): string {
  const lines = images.map((image) => `${image.repository}=${image.reference}`).sort();
  return `e2e-${createHash('sha256').update(lines.join('\n'), 'utf8').digest('hex').slice(0, 24)}`;
}

/** Where kubernaut's suite looks for the image of `repository` with the hand-off tag. */
export function artifactReference(repository: string, tag: string): string {
  return `localhost/${repository}:${tag}`;
}

export function registryHandoffReference(registry: string, repository: string, tag: string): string {
  return `${registry}/${repository}:${tag}`;
}
