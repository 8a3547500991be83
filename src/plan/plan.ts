// The plan of one run, derived from the validated Config: what would be built or pulled,
// which cluster, which deploy stages, which suite command. It is computed before any work
// and is what `dry-run` prints.
import type { Config } from '../config/index.js';
import type { InputsMode } from './inputs.js';

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
  /** Only the images: no dependencies, cluster, deploy or suite. */
  imagesOnly: boolean;
  imageSource: Config['build']['imageSource'];
  registry: string;
  push: boolean;
  images: ImagePlan[];
  dependencies: DependencyPlan[];
  cluster: {
    name: string;
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
    workingDirectory: string;
    env: Record<string, string>;
    junitReport: string;
    timeoutMinutes: number;
    stopGraceSeconds: number;
    shard: Config['suite']['shard'];
    /** Lists the specs for sharding; null: the suite command in dry-run mode. */
    listCommand: string[] | null;
  };
  coverage: { enabled: boolean; deployments: string[] };
}

/** Build args of one image: its own, plus the coverage args when coverage is on for it. */
function buildArgsOf(config: Config, image: Config['images'][string]): Record<string, string> {
  const coverage = config.coverage.enabled && image.coverage ? config.coverage.buildArgs : {};
  return { ...image.buildArgs, ...coverage };
}

/** The suite's environment as kubernaut's Makefile and Ginkgo read it. */
function suiteEnv(config: Config): Record<string, string> {
  const { suite } = config;
  const env: Record<string, string> = {
    ...suite.env,
    E2E_COVERAGE: String(config.coverage.enabled),
    KEEP_CLUSTER: String(config.cluster.keep),
  };
  if (suite.ginkgoFocus) env.GINKGO_FOCUS = suite.ginkgoFocus;
  if (suite.ginkgoLabel) env.GINKGO_LABEL = suite.ginkgoLabel;
  if (config.registry.prefix) env.IMAGE_REGISTRY = config.registry.prefix;
  return env;
}

export function makePlan(config: Config): Plan {
  return {
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
    // The dependencies serve the cluster only.
    dependencies: config.run.imagesOnly
      ? []
      : Object.entries(config.dependencies).map(([name, dependency]) => ({ name, image: dependency.image })),
    cluster: {
      name: config.cluster.name,
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
      workingDirectory: config.suite.workingDirectory,
      env: suiteEnv(config),
      junitReport: config.suite.junitReport,
      timeoutMinutes: config.suite.timeoutMinutes,
      stopGraceSeconds: config.suite.stopGraceSeconds,
      shard: config.suite.shard,
      listCommand: config.suite.listCommand ? [...config.suite.listCommand] : null,
    },
    coverage: { enabled: config.coverage.enabled, deployments: [...config.coverage.deployments] },
  };
}
