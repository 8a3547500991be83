// The images of a workflow run as one artifact (build.imagesArtifact): an images-only run ends
// with writing it; a run with image source `artifact` starts by loading it, before the source
// decisions, which then find every image in the engine and build none.
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import type { ContainerEngine } from '../engine/types.js';
import type { Host } from '../host/host.js';
import { imagesArtifactTask } from '../images/artifact-publish.js';
import { restoreImagesArtifact } from '../images/artifact-restore.js';
import type { ImagePlan } from '../plan/plan.js';
import type { ArtifactImage } from '../plan/source.js';
import type { Section } from '../report/document.js';
import type { Task } from '../run/task.js';
import { formatBytes } from '../util/bytes.js';

/** The image phase's tasks of an images-only run, followed by the artifact when one is named. */
export function withImagesArtifact(config: Config, host: Host, engine: ContainerEngine, images: readonly ImagePlan[], tasks: Task[]): Task[] {
  const { name } = config.build.imagesArtifact;
  if (name === '') return tasks;
  const dir = join(host.workDir, 'images-artifact-out');
  return [...tasks, imagesArtifactTask({ engine, images, after: tasks, name, retentionDays: config.report.retentionDays, dir })];
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
    restoreImagesArtifact({ engine, name, runId, token: config.githubToken, dir: join(host.workDir, 'images-artifact-in'), log: host.log, signal }),
  );
  const from = runId === 0 ? 'this workflow run' : `workflow run ${runId}`;
  const section = {
    heading: 'Images artifact',
    paragraphs: [
      `${restored.manifest.images.length} images from artifact \`${name}\` of ${from} (${formatBytes(restored.downloadedBytes)}), ` +
        `downloaded, loaded into ${engine.name} and checked against its manifest in ${restored.seconds.toFixed(1)} s; none built.`,
    ],
  };
  return { images: restored.manifest.images, sections: [section] };
}
