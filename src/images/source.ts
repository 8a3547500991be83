/**
 * Where each image of a run comes from: reused from the local engine, pulled from the registry,
 * or built. The probes are injected, so the decision itself is pure.
 */
import { formatReference, referenceUnder } from '../config/index.js';
import type { Config } from '../config/index.js';
import type { InputsIdentity } from '../image-inputs/inputs.js';

export type ImageSourceMode = Config['build']['imageSource'];
export type ImageSource = 'reuse' | 'pull' | 'build';

/** One image's decision; dry-run prints it, the run acts on it. */
export interface SourceDecision {
  /** The image's name in the configuration. */
  image: string;
  source: ImageSource;
  /** The reference the run uses from here on: reused as is, pulled, or given to the build as its tag. */
  reference: string;
  /** Why, for people: "registry has …", "not in the registry", "local image present"… */
  reason: string;
  /** What the tag was computed from; a built image carries it as labels. */
  inputs?: InputsIdentity;
}

/** An image with its content tag (see hash.ts). */
export interface TaggedImage {
  name: string;
  repository: string;
  tag: string;
  inputs?: InputsIdentity;
}

export interface SourceProbes {
  /** Which of `references` the local engine holds: asked once for all the images of the run. */
  localImages(references: readonly string[]): Promise<Pick<ReadonlySet<string>, 'has'>>;
  /**
   * Whether the registry holds `reference`, asked without pulling (RegistryProbe.manifest). A
   * thrown error with `transient: true` means the registry could not be asked.
   */
  registryHas(reference: string): Promise<{ present: boolean; detail?: string }>;
  /** `auto`: puts an image that would be built into the local engine from elsewhere (the GitHub cache); true when it did. */
  restore?(image: string, reference: string): Promise<boolean>;
}

/** An image as the images artifact's manifest lists it. */
export interface ArtifactImage {
  name: string;
  reference: string;
  contentTag: string;
}

export interface SourceSettings {
  mode: ImageSourceMode;
  /** registry.prefix; empty when there is none. */
  registry: string;
  /** mode `artifact`: what the loaded artifact holds; absent in a dry run. */
  artifact?: readonly ArtifactImage[];
}

/**
 * The one reference of an image for this run, whatever its source: `<registry>/<repository>:<tag>`,
 * or `localhost/<repository>:<tag>` without a registry. Docker would read a bare name as
 * `docker.io/library/…` and podman would qualify it as `localhost/…`: with the prefix written out
 * every engine, archive and kind node names the image alike, and no engine looks for it on Docker Hub.
 */
export function imageReference(registry: string, repository: string, tag: string): string {
  return formatReference(referenceUnder(registry === '' ? 'localhost' : registry, repository, tag));
}

/** image-source is `pull` and the registry lacks some images; names every one of them. */
export class MissingImagesError extends Error {
  constructor(readonly missing: readonly { image: string; reference: string; detail?: string }[]) {
    super(
      [
        `image-source is 'pull' but the registry lacks ${missing.length} image(s):`,
        ...missing.map((m) => `  - ${m.reference} (image '${m.image}'${m.detail === undefined ? '' : `: ${m.detail}`})`),
        'Publish them for this commit (run the image publishing workflow), or set image-source to ' +
          "'auto' to build what the registry lacks.",
      ].join('\n'),
    );
    this.name = 'MissingImagesError';
  }
}

export async function decideSources(
  settings: SourceSettings,
  images: readonly TaggedImage[],
  probes: SourceProbes,
): Promise<SourceDecision[]> {
  const withReferences = images.map((image) => ({
    image: image.name,
    reference: imageReference(settings.registry, image.repository, image.tag),
    ...(image.inputs ? { inputs: image.inputs } : {}),
  }));
  switch (settings.mode) {
    case 'build':
      return withReferences.map((i) => ({ ...i, source: 'build', reason: "image-source is 'build'" }));
    case 'pull':
      return requireInRegistry(settings.registry, withReferences, probes);
    case 'artifact':
      // The dry run loads nothing: it shows where the images will come from.
      if (settings.artifact === undefined) return withReferences.map((i) => ({ ...i, source: 'reuse', reason: 'loaded from the images artifact when the run starts' }));
      return fromArtifact(images, settings.artifact, probes);
    case 'auto': {
      const local = await probes.localImages(withReferences.map((i) => i.reference));
      return Promise.all(
        withReferences.map((i): SourceDecision | Promise<SourceDecision> =>
          local.has(i.reference) ? { ...i, source: 'reuse', reason: 'local image present' } : decideRemote(settings.registry, i, probes).then((d) => restoreInstead(d, probes)),
        ),
      );
    }
  }
}

/** An image that would be built is taken from the GitHub cache when an earlier run kept it there. */
async function restoreInstead(decision: SourceDecision, probes: SourceProbes): Promise<SourceDecision> {
  if (decision.source !== 'build' || probes.restore === undefined) return decision;
  const restored = await probes.restore(decision.image, decision.reference);
  return restored ? { ...decision, source: 'reuse', reason: `restored from the GitHub cache (${decision.reason})` } : decision;
}

/** `auto` for an image the engine does not hold: pull it if the registry has it, else build it. */
async function decideRemote(
  registry: string,
  tagged: Pick<SourceDecision, 'image' | 'reference' | 'inputs'>,
  probes: SourceProbes,
): Promise<SourceDecision> {
  const { reference } = tagged;
  if (registry === '') return { ...tagged, source: 'build', reason: 'no registry configured' };
  try {
    const answer = await probes.registryHas(reference);
    if (answer.present) return { ...tagged, source: 'pull', reason: `registry has ${reference}` };
    const detail = answer.detail === undefined ? '' : ` (${answer.detail})`;
    return { ...tagged, source: 'build', reason: `not in the registry${detail}` };
  } catch (error) {
    // `auto` only saves time with the registry: when it cannot be asked, building still works.
    if ((error as { transient?: unknown }).transient !== true) throw error;
    return { ...tagged, source: 'build', reason: `registry unreachable (${(error as Error).message})` };
  }
}

/**
 * `artifact`: the images job's artifact was loaded before the decision. Each image is taken at
 * the reference the artifact holds it under, which must carry this checkout's content tag.
 * Nothing is ever built or pulled.
 */
async function fromArtifact(images: readonly TaggedImage[], artifact: readonly ArtifactImage[], probes: SourceProbes): Promise<SourceDecision[]> {
  const problems: string[] = [];
  const decisions = images.flatMap((image): SourceDecision[] => {
    const held = artifact.find((entry) => entry.name === image.name);
    if (held === undefined) {
      problems.push(`image '${image.name}' is not in the artifact`);
      return [];
    }
    if (held.contentTag !== image.tag) {
      problems.push(`image '${image.name}': the artifact holds ${held.reference}, but this checkout's inputs give the content tag ${image.tag}`);
      return [];
    }
    return [{ image: image.name, reference: held.reference, source: 'reuse', reason: 'loaded from the images artifact', ...(image.inputs ? { inputs: image.inputs } : {}) }];
  });
  const local = await probes.localImages(decisions.map((decision) => decision.reference));
  for (const decision of decisions.filter((d) => !local.has(d.reference))) problems.push(`${decision.reference} (image '${decision.image}') is not in the engine`);
  if (problems.length > 0) {
    throw new Error(
      [
        `image-source is 'artifact' but the images artifact does not hold what this checkout needs:`,
        ...problems.map((problem) => `  - ${problem}`),
        'The artifact was made from other inputs (another commit or configuration): run the images job on this commit, ' +
          'or give images-artifact-run-id a run of this commit.',
      ].join('\n'),
    );
  }
  return decisions;
}

async function requireInRegistry(
  registry: string,
  images: readonly Pick<SourceDecision, 'image' | 'reference' | 'inputs'>[],
  probes: SourceProbes,
): Promise<SourceDecision[]> {
  if (registry === '') throw new Error("image-source is 'pull' but no registry is configured: set the input 'registry'");
  const answers = await Promise.all(images.map((i) => probes.registryHas(i.reference)));
  const missing = images.flatMap((i, index) =>
    answers[index].present ? [] : [{ ...i, ...(answers[index].detail === undefined ? {} : { detail: answers[index].detail }) }],
  );
  if (missing.length > 0) throw new MissingImagesError(missing);
  return images.map((i) => ({ ...i, source: 'pull', reason: `registry has ${i.reference}` }));
}
