// The plan as a report document: what `dry-run` prints and writes to the job summary.
import type { ReportDocument, Section } from '../report/document.js';
import { formatBytes } from '../util/bytes.js';
import type { ImageHash } from './hash.js';
import type { ImageInputs } from './inputs.js';
import type { Plan } from './plan.js';
import type { SourceDecision } from './source.js';

const code = (text: string): string => `\`${text}\``;
const args = (record: Record<string, string>): string =>
  Object.entries(record)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ') || '—';

function imagesSection(plan: Plan): Section {
  const where = plan.registry ? `registry ${code(plan.registry)}` : 'no registry (local builds only)';
  return {
    heading: 'Images',
    paragraphs: [`Image source ${code(plan.imageSource)}, ${where}${plan.push ? ', pushing built images' : ''}.`],
    table: {
      header: ['image', 'repository', 'dockerfile', 'context', 'build args', 'memory MiB', 'heavy'],
      rows: plan.images.map((image) => [
        image.name,
        image.repository,
        image.dockerfile,
        image.context,
        args(image.buildArgs),
        String(image.memoryMiB),
        image.heavy ? 'yes' : 'no',
      ]),
      numeric: [5],
    },
  };
}

function clusterSection(plan: Plan): Section {
  const { cluster } = plan;
  return {
    heading: 'Cluster',
    paragraphs: [
      `Kind ${code(cluster.kindVersion)} cluster ${code(cluster.name)} from ${code(cluster.nodeImage)}, ` +
        (cluster.order === 'build-first' ? 'created after the images are built' : 'created while the images build') +
        `; ${cluster.reuse ? 'a healthy existing cluster is reused' : 'an existing cluster is recreated'}` +
        `; ${cluster.keep ? 'kept after the run' : 'deleted after the run'}.`,
      `Dependencies pulled: ${plan.dependencies.map((d) => `${d.name} ${code(d.image)}`).join(', ') || 'none'}.`,
    ],
  };
}

function deploySection(plan: Plan): Section {
  const { deploy } = plan;
  return {
    heading: 'Deploy',
    paragraphs: [
      `Namespace ${code(deploy.namespace)}; CRDs applied first and waited Established: ${deploy.crds.map(code).join(', ') || 'none'}.`,
    ],
    table: {
      header: ['stage', 'manifests', 'timeout s'],
      rows: deploy.stages.map((stage) => [stage.name, stage.manifests.join(', '), String(stage.timeoutSeconds)]),
      numeric: [2],
    },
  };
}

function suiteSection(plan: Plan): Section {
  const { suite, coverage } = plan;
  const shard = suite.shard ? `shard ${suite.shard.index}/${suite.shard.total}` : 'all specs';
  return {
    heading: 'Suite',
    paragraphs: [
      `${code(suite.command.join(' '))} in ${code(suite.workingDirectory)}, ${shard}, timeout ${suite.timeoutMinutes} min, ` +
        `JUnit report ${code(suite.junitReport)}.`,
      `Environment: ${code(args(suite.env))}.`,
      coverage.enabled
        ? `Coverage collected from ${coverage.deployments.map(code).join(', ')}.`
        : 'Coverage off.',
    ],
  };
}

export function renderPlan(plan: Plan): ReportDocument {
  if (plan.imagesOnly) {
    const images = imagesSection(plan);
    return [{ ...images, paragraphs: [...(images.paragraphs ?? []), 'Images only: no cluster, deploy or suite.'] }];
  }
  return [imagesSection(plan), clusterSection(plan), deploySection(plan), suiteSection(plan)];
}

/** The inputs mode and file count; after a fallback, the mode asked for and why it was not used. */
export function inputsCell(inputs: ImageInputs): string {
  const count = `${inputs.mode}, ${inputs.files.length} files`;
  return inputs.fallback ? `${count} (${inputs.requested} not used: ${inputs.fallback})` : count;
}

/** Each input of an image with why it is one, for `--explain`: the Dockerfile first, then the files by path. */
export function explainInputs(image: string, dockerfile: string, inputs: ImageInputs): string {
  const lines = [`image ${image}: inputs ${inputsCell(inputs)}`, `${dockerfile}\tthe Dockerfile`];
  for (const file of inputs.files) lines.push(`${file.entry.path}\t${file.reason}`);
  return `${lines.join('\n')}\n`;
}

/** Where each image comes from and why; with the size of what its build would send. */
export function sourcesSection(decisions: readonly SourceDecision[], hashes: ReadonlyMap<string, ImageHash>): Section {
  return {
    heading: 'Image sources',
    table: {
      header: ['image', 'source', 'reference', 'why', 'context', 'inputs'],
      rows: decisions.map((decision) => {
        const hash = hashes.get(decision.image);
        return [
          decision.image,
          decision.source,
          code(decision.reference),
          decision.reason,
          hash ? `${hash.files} files, ${formatBytes(hash.bytes)}` : '—',
          hash ? inputsCell(hash.inputs) : '—',
        ];
      }),
    },
  };
}
