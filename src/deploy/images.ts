/**
 * Image placeholders: a container image `aianalysis-e2e.local/<logical-name>` is replaced by the reference the
 * run resolved for that logical name (built, pulled or reused), with its pull policy.
 */
import type { KubeObject } from '../kube/types.js';
import { containersOf, podSpecOf } from './pod-spec.js';

export const IMAGE_PLACEHOLDER_PREFIX = 'aianalysis-e2e.local/';
const LOGICAL_NAME = /^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/;

export interface ResolvedImage {
  reference: string;
  /** `Never` for images loaded into the cluster, `IfNotPresent` for images it may pull. */
  pullPolicy: 'IfNotPresent' | 'Never';
}

export type ImageMap = Readonly<Record<string, ResolvedImage>>;

/** Why an image reference would make the run irreproducible, if it would. */
export function imageTagProblem(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const colon = image.lastIndexOf(':');
  if (colon <= image.lastIndexOf('/')) return 'has no tag (it would mean :latest); pin a tag or a digest';
  if (image.slice(colon + 1) === 'latest') return 'uses the tag :latest; pin a tag or a digest';
  return undefined;
}

/** Substitutes the placeholders of the object's containers in place; returns the problems found. */
export function substituteImages(obj: KubeObject, images: ImageMap, where: string): string[] {
  const spec = podSpecOf(obj);
  if (!spec) return [];
  const problems: string[] = [];
  for (const container of containersOf(spec)) {
    const at = `${where}: ${obj.kind} ${obj.metadata.name}, container ${container.name}`;
    const image = container.image;
    if (typeof image !== 'string' || !image) {
      problems.push(`${at} has no image`);
      continue;
    }
    if (image.startsWith(IMAGE_PLACEHOLDER_PREFIX)) {
      const logical = image.slice(IMAGE_PLACEHOLDER_PREFIX.length);
      const resolved = images[logical];
      if (!LOGICAL_NAME.test(logical)) {
        problems.push(`${at}: image placeholder "${image}" is malformed; write ${IMAGE_PLACEHOLDER_PREFIX}<logical-name> without a tag`);
        continue;
      }
      if (!resolved) {
        const known = Object.keys(images);
        problems.push(`${at}: image placeholder "${image}" names no known image; known logical names: `
          + (known.length ? known.join(', ') : '(none)'));
        continue;
      }
      container.image = resolved.reference;
      container.imagePullPolicy = resolved.pullPolicy;
    }
    const tagProblem = imageTagProblem(container.image as string);
    if (tagProblem) problems.push(`${at}: image "${container.image}" ${tagProblem}`);
  }
  return problems;
}
