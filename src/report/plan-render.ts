// The plan as a report document: what `dry-run` prints and writes to the job summary.
import type { Handoff } from '../handoff/handoff.js';
import type { ReportDocument, Section } from '../document/document.js';
import type { SuiteContract } from '../suite/invocation.js';
import { formatBytes } from '../util/bytes.js';
import type { ImageHash } from '../image-inputs/hash.js';
import type { ImageInputs } from '../image-inputs/inputs.js';
import type { Plan } from '../plan/plan.js';
import type { SourceDecision } from '../images/source.js';

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

/** Who sets up the stack, in one sentence: the plan and the run's summary both say it. */
export function setupSentence(plan: Pick<Plan, 'setup' | 'suite'>): string {
  if (plan.setup === 'action') return 'Setup `action`: the action creates the cluster and deploys the stack; the suite runs its specs against it.';
  const images =
    plan.suite.handoff === 'none'
      ? 'the suite builds its own images (it has no way to be handed them)'
      : `the action resolves the images once and hands them over (${code(plan.suite.handoff)})`;
  return `Setup \`suite\`: the suite creates or reuses its cluster and deploys its stack; ${images}; the action deploys nothing, keeps the suite's evidence and cleans up.`;
}

function clusterSection(plan: Plan): Section {
  const { cluster } = plan;
  if (plan.setup === 'suite') {
    return {
      heading: 'Cluster',
      paragraphs: [
        `Kind ${code(cluster.kindVersion)} cluster ${code(cluster.name)} (provider ${code(cluster.provider)}) from ` +
          `${cluster.kindConfig ? code(cluster.kindConfig) : 'kind\'s defaults'}: ` +
          (cluster.createAhead.create ? `created ahead, ${cluster.createAhead.reason}` : `left to the suite, ${cluster.createAhead.reason}; a stale one is deleted first`) +
          `; ${cluster.keep ? 'kept after the run' : 'deleted after the run'}.`,
      ],
    };
  }
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
  const setup: Section = { heading: 'Setup', paragraphs: [setupSentence(plan)] };
  const deploy = plan.setup === 'action' ? [deploySection(plan)] : [];
  return [setup, imagesSection(plan), clusterSection(plan), ...deploy, suiteSection(plan)];
}

export interface SuiteInvocation {
  program: string;
  args: readonly string[];
  /** Variables set (a value) or removed (undefined) for the suite. */
  env: Readonly<Record<string, string | undefined>>;
  contract: SuiteContract;
  handoff?: Handoff;
  shard: Plan['suite']['shard'];
}

/** Why a variable the action sets is there: every one is read by the suite or by kind. */
const VARIABLE_READERS: Readonly<Record<string, string>> = {
  KUBERNAUT_CI_ARTIFACT_TAG: 'the suite uses localhost/<service>:<tag> from podman instead of building',
  IMAGE_REGISTRY: 'with IMAGE_TAG: the suite uses <registry>/<service>:<tag> instead of building',
  IMAGE_TAG: 'the one tag of every service in the registry',
  E2E_COVERAGE: 'the suite builds and collects coverage only when it is "true"',
  KEEP_CLUSTER: 'any non-empty value keeps the cluster (and skips must-gather, coverage, deletion)',
  KIND_EXPERIMENTAL_PROVIDER: "the suite's own kind calls find the nodes on this engine",
  PATH: 'the kind the action installed comes first',
  KUBECONFIG: 'the deployed stack',
  AIANALYSIS_E2E_GINKGO: "read by the GINKGO wrapper: the repository's ginkgo",
  AIANALYSIS_E2E_JUNIT_REPORT: 'read by the GINKGO wrapper: where --junit-report writes',
  GINKGO_FOCUS: 'the focus, read by the suite command',
  GINKGO_LABEL: 'the label filter, read by the suite command',
  GINKGO_JUNIT_REPORT: 'where the suite command writes JUnit',
};

/** The exact command line and environment of the suite, each variable with who reads it. */
export function suiteInvocationSection(invocation: SuiteInvocation): Section {
  const set = Object.entries(invocation.env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const removed = Object.entries(invocation.env).filter(([, value]) => value === undefined).map(([name]) => name);
  const { contract, handoff } = invocation;
  const paragraphs = [`Command: ${code([invocation.program, ...invocation.args].join(' '))}.`];
  if (contract.kind === 'makefile') {
    const passes = (['focus', 'label'] as const).filter((filter) => contract.filters[filter]);
    paragraphs.push(
      `The Makefile runs ginkgo as ${contract.filters.ginkgoVariable ? '`$(GINKGO)`: the JUnit report is added by a wrapper' : 'a fixed command: no JUnit report can be added'}; ` +
        `it passes on ${passes.length > 0 ? passes.join(' and ') : 'no spec filter (no focus, no label, no shards)'}. Repository ginkgo: ${code(contract.ginkgo)}.`,
    );
    if (invocation.shard) paragraphs.push(`Specs of shard ${invocation.shard.index}/${invocation.shard.total} are listed by ${code(`${contract.ginkgo} --dry-run`)}, which runs no BeforeSuite.`);
  }
  if (handoff && handoff.mode !== 'none') paragraphs.push(`Images handed over as: ${Object.values(handoff.references).map(code).join(', ')}.`);
  if (removed.length > 0) paragraphs.push(`Removed from the inherited environment: ${removed.map(code).join(', ')}.`);
  return {
    heading: 'Suite invocation',
    paragraphs,
    table: {
      header: ['variable', 'value', 'why'],
      rows: set.map(([name, value]) => [name, code(value), VARIABLE_READERS[name] ?? 'suite.env']),
    },
  };
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
