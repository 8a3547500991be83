// The images of a workflow run as one artifact (build.imagesArtifact): an images-only run ends
// with writing it; a run with image source `artifact` starts by loading it, before the source
// decisions, which then find every image in the engine and build none. The images job also keeps
// what it builds in the GitHub cache by content tag, and takes from there what it would build.
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import type { ContainerEngine } from '../engine/types.js';
import type { Host } from '../host/host.js';
import { imagesArtifactTask } from '../images/artifact-publish.js';
import { restoreImagesArtifact } from '../images/artifact-restore.js';
import type { ImagePlan } from '../plan/plan.js';
import type { ArtifactImage, SourceDecision, SourceProbes } from '../images/source.js';
import { cacheImageTask, restoreCachedImage, type ImageCacheOptions } from '../images/image-cache.js';
import type { Section } from '../document/document.js';
import type { Task } from '../scheduler/task.js';
import { formatBytes } from '../util/bytes.js';

/** Whether this run is an images job: images only, handing them on as an artifact. */
export const isImagesJob = (config: Config): boolean => config.run.imagesOnly && config.build.imagesArtifact.name !== '';

/** The images job's GitHub cache of whole images (src/images/image-cache.ts). */
const imageCacheOf = (host: Host, engine: ContainerEngine): ImageCacheOptions => ({ engine, dir: join(host.workDir, 'image-cache'), github: host.github });

/** The source probe of an images job that takes an image it would build from the GitHub cache. */
export function imagesJobRestore(config: Config, host: Host, engine: ContainerEngine): Pick<SourceProbes, 'restore'> {
  if (!isImagesJob(config)) return {};
  return { restore: (image, reference) => restoreCachedImage(imageCacheOf(host, engine), image, reference, host.log) };
}

/**
 * The image phase's tasks of an images-only run; for an images job, followed by keeping each
 * built image in the GitHub cache and by the artifact.
 */
export function withImagesArtifact(config: Config, host: Host, engine: ContainerEngine, images: readonly ImagePlan[], decisions: readonly SourceDecision[], tasks: Task[]): Task[] {
  if (!isImagesJob(config)) return tasks;
  const dir = join(host.workDir, 'images-artifact-out');
  const built = decisions.filter((decision) => decision.source === 'build');
  const caching = built.map((decision) => cacheImageTask(imageCacheOf(host, engine), decision.image));
  const { name } = config.build.imagesArtifact;
  return [...tasks, ...caching, imagesArtifactTask({ engine, images, after: tasks, name, retentionDays: config.report.retentionDays, dir, github: host.github })];
}

/** Loads the images artifact when the image source is `artifact`: what it held, and the summary's account of it. */
export async function loadImagesArtifact(
  config: Config,
  host: Host,
  engine: ContainerEngine,
  signal: AbortSignal,
): Promise<{ images?: ArtifactImage[]; sections: Section[] }> {
  if (config.build.imageSource !== 'artifact') return { sections: [] };
  const { name, runId } = config.build.imagesArtifact;
  const restored = await host.log.group(`Load the images artifact ${name}`, () =>
    restoreImagesArtifact({ engine, name, runId, token: config.githubToken, dir: join(host.workDir, 'images-artifact-in'), log: host.log, signal, github: host.github }),
  );
  const from = runId === 0 ? 'this workflow run' : `workflow run ${runId}`;
  const section = {
    heading: 'Images artifact',
    paragraphs: [
      `${restored.manifest.images.length} images from artifact \`${name}\` of ${from} (${formatBytes(restored.downloadedBytes)}), ` +
        `downloaded, loaded into ${engine.name} and checked against its manifest in ${restored.seconds.toFixed(1)} s ` +
        `(${restored.loadedDuringDownload} of ${restored.manifest.archives.length} archives loaded while the download went on); none built.`,
    ],
  };
  return { images: restored.manifest.images, sections: [section] };
}
