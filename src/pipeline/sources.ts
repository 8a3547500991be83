// Where each image comes from, decided before any work: the content hash of each build context,
// then reuse / pull / build. The dry run shows the same decisions the real run takes.
import type { Config } from '../config/index.js';
import { RegistryProbe } from '../engine/registry.js';
import { hashImage, type ImageHash } from '../image-inputs/hash.js';
import type { Plan } from '../plan/plan.js';
import { decideSources, type ArtifactImage, type SourceDecision, type SourceProbes } from '../images/source.js';
import type { Log } from '../util/log.js';

export interface ResolvedSources {
  hashes: ReadonlyMap<string, ImageHash>;
  decisions: SourceDecision[];
}

export async function resolveSources(
  config: Config,
  plan: Plan,
  { repoRoot, localImages, restore, log, artifact }: Pick<SourceProbes, 'localImages' | 'restore'> & { repoRoot: string; log: Log; artifact?: readonly ArtifactImage[] },
): Promise<ResolvedSources> {
  const limits = { warnMiB: config.build.contextWarnMiB, limitMiB: config.build.contextLimitMiB };
  const hashes = new Map<string, ImageHash>();
  // Every image is hashed before a failure is reported, and the first in the plan's order is the
  // one named, whichever finished first.
  const settled = await Promise.allSettled(plan.images.map((image) => hashImage(repoRoot, image, limits)));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  const hashed = settled.map((result) => (result as PromiseFulfilledResult<ImageHash>).value);
  plan.images.forEach((image, i) => {
    for (const warning of hashed[i].warnings) log.warning(`image ${image.name}: ${warning}`, { title: 'Build context' });
    hashes.set(image.name, hashed[i]);
  });
  const { username, password } = config.registry;
  const probe = new RegistryProbe({ credentials: password ? { username, password } : undefined, log });
  const decisions = await decideSources(
    { mode: plan.imageSource, registry: plan.registry, ...(artifact ? { artifact } : {}) },
    plan.images.map((image) => {
      const hash = hashes.get(image.name)!;
      return { name: image.name, repository: image.repository, tag: hash.tag, inputs: { mode: hash.inputs.mode, digest: hash.hash } };
    }),
    { localImages, registryHas: (reference) => probe.manifest(reference), ...(restore ? { restore } : {}) },
  );
  return { hashes, decisions };
}
