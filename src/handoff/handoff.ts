/**
 * Handing the resolved images to a suite that sets up its own stack, through the contracts
 * kubernaut's suite reads, so that it builds none of them:
 *  - artifact-tag: every image in podman's store as `localhost/<service>:<tag>` and
 *    KUBERNAUT_CI_ARTIFACT_TAG=<tag> (the suite asks `podman image exists`). Images of a docker
 *    engine are streamed over as ONE archive (`docker save | podman load`); the temporary docker
 *    tags are removed.
 *  - registry: `<registry>/<service>:<tag>` in the registry and IMAGE_REGISTRY + IMAGE_TAG (the
 *    suite's nodes pull them). A tag the registry lacks is pushed only where pushing is allowed.
 *  - none: the suite builds its own images; nothing is handed over.
 */
import type { ContainerEngine } from '../engine/types.js';
import type { Log } from '../util/log.js';
import { artifactReference, handoffTag, registryHandoffReference, type HandedImage } from './tag.js';

export type HandoffMode = 'artifact-tag' | 'registry' | 'none';

export interface Handoff {
  mode: HandoffMode;
  /** Empty for `none`. */
  tag: string;
  /** The variables the suite reads. */
  env: Record<string, string>;
  /** Image name → the reference the suite will use. */
  references: Record<string, string>;
}

/** What the suite will be given for these images: computed alike by the dry run and the run. */
export function planHandoff(mode: HandoffMode, images: readonly HandedImage[], registry: string): Handoff {
  if (mode === 'none' || images.length === 0) return { mode: 'none', tag: '', env: {}, references: {} };
  const tag = handoffTag(images);
  const referenceOf = (image: HandedImage) =>
    mode === 'registry' ? registryHandoffReference(registry, image.repository, tag) : artifactReference(image.repository, tag);
  return {
    mode,
    tag,
    env: mode === 'registry' ? { IMAGE_REGISTRY: registry, IMAGE_TAG: tag } : { KUBERNAUT_CI_ARTIFACT_TAG: tag },
    references: Object.fromEntries(images.map((image) => [image.name, referenceOf(image)])),
  };
}

export interface HandOverOptions {
  handoff: Handoff;
  images: readonly HandedImage[];
  /** The engine that holds the resolved images. */
  engine: ContainerEngine;
  /** Podman, where kubernaut's suite looks (artifact-tag); the engine itself when it is podman. */
  podman: ContainerEngine;
  /** Whether the registry already has a reference (registry). */
  registryHas: (reference: string) => Promise<boolean>;
  pushAllowed: boolean;
  log: Log;
  signal?: AbortSignal;
}

export interface HandOverResult {
  /** How the images got there: `tagged in podman`, `moved to podman in one archive`, `pushed 2, already in the registry 2`. */
  how: string;
}

export async function handOver(options: HandOverOptions): Promise<HandOverResult> {
  const { handoff } = options;
  if (handoff.mode === 'artifact-tag') return toPodman(options);
  if (handoff.mode === 'registry') return toRegistry(options);
  return { how: 'nothing handed over: the suite builds its own images' };
}

function pairs(options: HandOverOptions): { source: string; target: string; name: string }[] {
  return options.images.map((image) => ({ name: image.name, source: image.reference, target: options.handoff.references[image.name]! }));
}

async function toPodman(options: HandOverOptions): Promise<HandOverResult> {
  const { engine, podman, signal, log } = options;
  const moves = pairs(options);
  const targets = moves.map((move) => move.target);
  const tag = (move: (typeof moves)[number]) => engine.tag(move.source, move.target, { signal, log });
  // Docker's daemon takes tags side by side; concurrent `podman tag` calls on one image lose tags.
  if (engine.kind === 'podman') for (const move of moves) await tag(move);
  else await Promise.all(moves.map(tag));
  // Only the tags made here go; the content-hash tags stay. Done beside the check below.
  const removeTemporaryTags = () =>
    engine.remove(targets, { signal, log }).catch((error: Error) => log.warning(`could not remove the hand-off tags from ${engine.name}: ${error.message.split('\n')[0]}`));
  let how = 'tagged in podman';
  let removing: Promise<void> = Promise.resolve();
  if (engine !== podman) {
    await streamArchive(engine, podman, targets, { signal, log }).catch(async (error: unknown) => {
      await removeTemporaryTags();
      throw error;
    });
    removing = removeTemporaryTags();
    how = `streamed from ${engine.name} to podman as one archive`;
  }
  const [held] = await Promise.all([podman.localImages(targets, { signal, log }), removing]);
  const missing = targets.filter((target) => !held.has(target));
  if (missing.length > 0) throw new Error(`podman does not hold ${missing.join(', ')} after the hand-off: the suite would build them`);
  return { how };
}

/**
 * `save | load` between the engines: one archive of every image through one pipe between the two
 * programs, so loading runs while saving and nothing is written to disk. A failed save only ends
 * the stream: the loader then fails on the cut archive by itself, and is never killed while it
 * writes to its store (a podman stopped mid-commit leaves an image record without its manifest):
 * a cancel stops the save, and the load ends with the stream. A failed load stops the save.
 */
async function streamArchive(from: ContainerEngine, to: ContainerEngine, references: readonly string[], options: { signal?: AbortSignal; log: Log }): Promise<void> {
  const stopSaving = new AbortController();
  const saveSignal = options.signal ? AbortSignal.any([options.signal, stopSaving.signal]) : stopSaving.signal;
  let saving: Promise<void> = Promise.resolve();
  const loading = to
    .loadFrom(
      (stdin) => {
        saving = from.saveTo(references, stdin, { signal: saveSignal, log: options.log }).finally(() => stdin.end());
      },
      { log: options.log },
    )
    .catch((error: unknown) => {
      stopSaving.abort();
      throw error;
    });
  const loaded = await Promise.allSettled([loading]);
  const [saved] = await Promise.allSettled([saving]);
  // The save's own failure says what is wrong (a missing image); the load's follows from it.
  if (saved!.status === 'rejected') throw saved!.reason;
  if (loaded[0]!.status === 'rejected') throw loaded[0]!.reason;
}

async function toRegistry(options: HandOverOptions): Promise<HandOverResult> {
  const { engine, signal, log } = options;
  let pushed = 0;
  let present = 0;
  const refused: string[] = [];
  for (const move of pairs(options)) {
    if (await options.registryHas(move.target)) {
      present += 1;
    } else if (options.pushAllowed) {
      await engine.tag(move.source, move.target, { signal, log });
      await engine.push(move.target, { signal, log });
      pushed += 1;
    } else {
      refused.push(move.target);
    }
  }
  if (refused.length > 0) {
    throw new Error(
      `the registry lacks ${refused.join(', ')} and pushing is not allowed here (push is off, or a pull request from a fork): ` +
        "the suite's nodes could not pull them; use suite.handoff 'artifact-tag', or allow pushing",
    );
  }
  return { how: `pushed ${pushed}, already in the registry ${present}` };
}
