/** The images part of the job summary, and the `images` output. */
import type { Section } from '../document/document.js';
import { formatDuration } from '../util/duration.js';
import { formatBytes } from '../util/bytes.js';
import type { ImagePhaseReport } from './phase.js';
import { describeCrash } from './recovery.js';
import type { ImageResult } from './types.js';

const SHORT_DIGEST_HEX = 12;

function shortDigest(digest: string | null): string {
  if (digest === null) return '—';
  const [algorithm, hex = ''] = digest.split(':');
  return `${algorithm}:${hex.slice(0, SHORT_DIGEST_HEX)}`;
}

function row(result: ImageResult, name: string): string[] {
  return [
    name,
    result.source,
    result.reference,
    shortDigest(result.digest),
    formatBytes(result.sizeBytes),
    formatDuration(result.seconds * 1000),
  ];
}

export function imagesSection(report: ImagePhaseReport): Section {
  const paragraphs: string[] = [...report.notices];
  if (report.images.some((image) => image.source === 'built-from-cache')) {
    paragraphs.push('**built-from-cache**: the build ran, but every step came from the layer cache, so nothing was executed.');
  }
  for (const crash of report.crashes) paragraphs.push(`⚠️ ${describeCrash(crash)}.`);
  if (report.load) {
    paragraphs.push(
      `Loaded ${report.load.images} images into the cluster from one archive of ${formatBytes(report.load.archiveBytes)}; ` +
        `freed ${formatBytes(report.load.bytesFreed)} afterwards (archive and dangling images).`,
    );
  }
  return {
    heading: 'Images',
    ...(paragraphs.length > 0 ? { paragraphs } : {}),
    table: {
      header: ['image', 'source', 'reference', 'digest', 'size', 'time'],
      rows: [
        ...report.images.map((image) => row(image, image.name)),
        ...report.dependencies.map((dependency) => row(dependency, `${dependency.name} (dependency)`)),
      ],
      numeric: [4, 5],
    },
  };
}

/** The `images` output: per image its reference, digest, source and seconds (JSON). */
export function imagesOutput(report: ImagePhaseReport): string {
  return JSON.stringify(report.images);
}
