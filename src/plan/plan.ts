// The plan of one run, derived from the validated Config: what would be built or pulled,
// which cluster, which deploy stages, which suite command. It is computed before any work
// and is what `dry-run` prints.
import type { Config, InputsMode } from '../config/index.js';

export interface ImagePlan {
  name: string;
  repository: string;
  dockerfile: string;
  context: string;
  buildArgs: Record<string, string>;
  target: string;
  platform: string;
  memoryMiB: number;
  heavy: boolean;
  /** Which files of the context make its content tag (inputs.ts). */
  inputs: InputsMode;
  /** Context-relative main package directory for inputs 'go'; '' when read from the Dockerfile. */
  goPackage: string;
}

export interface DependencyPlan {
  name: string;
  image: string;
}

export interface Plan {
  /** suite: the suite builds, creates its cluster and deploys; action: the action deploys. */
  setup: Config['setup'];
  /** Only the images: no dependencies, cluster, deploy or suite. */
  imagesOnly: boolean;
  imageSource: Config['build']['imageSource'];
  registry: string;
  push: boolean;
  images: ImagePlan[];
  dependencies: DependencyPlan[];
  cluster: {
    name: string;
    /** The container engine kind runs the nodes with; auto: the build engine's. */
    provider: Config['cluster']['provider'];
    /** setup suite: whether the action creates the cluster for the suite to reuse, and why (not). */
    createAhead: { create: boolean; reason: string };
    /** Repository path of the kind config, or empty. */
    kindConfig: string;
    kindVersion: string;
    nodeImage: string;
    reuse: boolean;
    keep: boolean;
    /** build-first: the cluster is created once every image is ready (kubernaut's DD-TEST-002). */
    order: Config['build']['order'];
  };
  deploy: {
    namespace: string;
    crds: string[];
    stages: { name: string; manifests: string[]; timeoutSeconds: number }[];
  };
  suite: {
    command: string[];
    contract: Config['suite']['contract'];
    handoff: Config['suite']['handoff'];
    ginkgoPackages: string[];
    evidence: string[];
    workingDirectory: string;
    /** Variables of the configuration; the run adds the hand-off, filters and reports (src/suite/invocation.ts). */
    env: Record<string, string>;
    focus: string;
    label: string;
    junitReport: string;
    timeoutMinutes: number;
    stopGraceSeconds: number;
    shard: Config['suite']['shard'];
    /** Lists the specs for sharding; null: the suite command in dry-run mode. */
    listCommand: string[] | null;
  };
  coverage: { enabled: boolean; deployments: string[]; profile: string };
}

/** Build args of one image: its own, plus the coverage args when coverage is on for it. */
function buildArgsOf(config: Config, image: Config['images'][string]): Record<string, string> {
  const coverage = config.coverage.enabled && image.coverage ? config.coverage.buildArgs : {};
  return { ...image.buildArgs, ...coverage };
}

/**
 * The suite's own variables as kubernaut reads them: E2E_COVERAGE only as "true" (it compares
 * with "true"), KEEP_CLUSTER only when the cluster is kept (any non-empty value, "false"
 * included, keeps it and skips must-gather, coverage and deletion).
 */
function suiteEnv(config: Config): Record<string, string> {
  return {
    ...config.suite.env,
    ...(config.coverage.enabled ? { E2E_COVERAGE: 'true' } : {}),
    ...(config.cluster.keep ? { KEEP_CLUSTER: 'true' } : {}),
  };
}

/**
 * A cluster made ahead is only worth it where the suite then reuses it. With coverage on, the
 * suite's make target (ensure-coverage-dirs) deletes and recreates the coverage folder after
 * the node has mounted it: the pods would write their counters into a deleted folder.
 */
function createAhead(config: Config): Plan['cluster']['createAhead'] {
  if (config.setup !== 'suite') return { create: true, reason: 'the action deploys into it' };
  if (!config.cluster.createAhead) return { create: false, reason: 'the suite creates its cluster (cluster.createAhead is off)' };
  if (config.coverage.enabled) {
    return {
      create: false,
      reason: "coverage is on: the suite's make target recreates the coverage folder, which a cluster made earlier would have mounted already",
    };
  }
  return { create: true, reason: 'created while the images are resolved; the suite reuses a cluster of its name' };
}

export function makePlan(config: Config): Plan {
  return {
    setup: config.setup,
    imagesOnly: config.run.imagesOnly,
    imageSource: config.build.imageSource,
    registry: config.registry.prefix,
    push: config.registry.push,
    images: Object.entries(config.images).map(([name, image]) => ({
      name,
      repository: image.repository,
      dockerfile: image.dockerfile,
      context: image.context,
      buildArgs: buildArgsOf(config, image),
      target: image.target,
      platform: image.platform,
      memoryMiB: image.memoryMiB,
      heavy: image.heavy,
      inputs: image.inputs,
      goPackage: image.goPackage,
    })),
    // The dependencies serve the deployed stack only; a suite that sets up its own pulls its own.
    dependencies: config.run.imagesOnly || config.setup === 'suite'
      ? []
      : Object.entries(config.dependencies).map(([name, dependency]) => ({ name, image: dependency.image })),
    cluster: {
      name: config.cluster.name,
      provider: config.cluster.provider,
      createAhead: createAhead(config),
      kindConfig: config.cluster.kindConfig,
      kindVersion: config.cluster.kindVersion,
      nodeImage: config.cluster.nodeImage,
      reuse: config.cluster.reuse,
      keep: config.cluster.keep,
      order: config.build.order,
    },
    deploy: {
      namespace: config.deploy.namespace,
      crds: [...config.deploy.crds],
      stages: config.deploy.stages.map((stage) => ({
        name: stage.name,
        manifests: [...stage.manifests],
        timeoutSeconds: stage.timeoutSeconds,
      })),
    },
    suite: {
      command: [...config.suite.command],
      contract: config.suite.contract,
      handoff: config.suite.handoff,
      ginkgoPackages: [...config.suite.ginkgoPackages],
      evidence: [...config.suite.evidence],
      workingDirectory: config.suite.workingDirectory,
      env: suiteEnv(config),
      focus: config.suite.ginkgoFocus,
      label: config.suite.ginkgoLabel,
      junitReport: config.suite.junitReport,
      timeoutMinutes: config.suite.timeoutMinutes,
      stopGraceSeconds: config.suite.stopGraceSeconds,
      shard: config.suite.shard,
      listCommand: config.suite.listCommand ? [...config.suite.listCommand] : null,
    },
    coverage: { enabled: config.coverage.enabled, deployments: [...config.coverage.deployments], profile: config.coverage.profile },
  };
}
