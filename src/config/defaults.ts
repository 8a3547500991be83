import type { ConfigFileData } from './schema.js';

/** Looked for when the `config` input is empty; its absence means built-in defaults only. */
export const DEFAULT_CONFIG_FILE = '.github/aianalysis-e2e.yaml';

/** The manifests shipped with the action (manifests/ in the action's tree). */
export const BUILT_IN_MANIFESTS: readonly string[] = [
  'namespace.yaml',
  'postgresql.yaml',
  'redis.yaml',
  'datastorage-migrations.yaml',
  'datastorage.yaml',
  'holmesgpt-api.yaml',
  'aianalysis.yaml',
];

/**
 * kind v0.33.0 is the newest kind release; among the node images it publishes, v1.34.11 is the
 * one on kubernaut's Kubernetes 1.34 line. kind requires the image to be pinned by the digest
 * listed in that release's notes.
 */
const KIND_VERSION = 'v0.33.0';
const NODE_IMAGE = 'kindest/node:v1.34.11@sha256:44e222ee2132dab25ff87301682f89eb82c7880ea3a1bf543bfe9708fd08d67d';

/**
 * kubernaut's AIAnalysis E2E stack, in the form of the configuration file. A section given in
 * the file is merged key by key with these; a map or list given in the file replaces the
 * built-in one as a whole.
 */
export const BUILT_IN_DEFAULTS = {
  engine: 'auto',
  images: {
    datastorage: {
      repository: 'kubernaut-datastorage',
      dockerfile: 'docker/data-storage.Dockerfile',
      context: '.',
      buildArgs: {},
      target: '',
      platform: 'linux/amd64',
      memoryMiB: 2048,
      heavy: false,
      coverage: true,
    },
    // Python, ~2.8 GB: the slowest and most memory-hungry build.
    'holmesgpt-api': {
      repository: 'kubernaut-holmesgpt-api',
      dockerfile: 'holmesgpt-api/Dockerfile',
      context: '.',
      buildArgs: {},
      target: '',
      platform: 'linux/amd64',
      memoryMiB: 6144,
      heavy: true,
      coverage: false,
    },
    aianalysis: {
      repository: 'kubernaut-aianalysis',
      dockerfile: 'docker/aianalysis.Dockerfile',
      context: '.',
      buildArgs: {},
      target: '',
      platform: 'linux/amd64',
      memoryMiB: 2048,
      heavy: false,
      coverage: true,
    },
  },
  dependencies: {
    postgresql: { image: 'postgres:16-alpine' },
    redis: { image: 'redis:7-alpine' },
  },
  registry: {
    prefix: '',
    push: false,
  },
  build: {
    imageSource: 'auto',
    concurrency: 'auto',
    cache: 'gha',
    timeoutMinutes: 30,
    memoryBudgetMiB: 'auto',
    contextWarnMiB: 200,
    contextLimitMiB: 1024,
    order: 'overlap',
    engineRestartCommand: '',
  },
  cluster: {
    name: 'aianalysis-e2e',
    kindVersion: KIND_VERSION,
    nodeImage: NODE_IMAGE,
    kindConfig: '',
    reuse: false,
    keep: false,
    portMappings: [
      { containerPort: 30084, hostPort: 8084 }, // AIAnalysis API
      { containerPort: 30184, hostPort: 9184 }, // AIAnalysis metrics
      { containerPort: 30284, hostPort: 8184 }, // AIAnalysis health
      { containerPort: 30088, hostPort: 8088 }, // HolmesGPT-API
      { containerPort: 30081, hostPort: 8091 }, // Data Storage
    ],
    coverageHostDir: 'coverdata',
  },
  deploy: {
    namespace: 'kubernaut-system',
    manifestsDir: '',
    crds: ['config/crd/bases/kubernaut.ai_aianalyses.yaml'],
    extraManifests: [],
    replaceManifests: {},
    stages: [
      { name: 'namespace', manifests: ['namespace.yaml'], timeoutSeconds: 60 },
      { name: 'databases', manifests: ['postgresql.yaml', 'redis.yaml'], timeoutSeconds: 300 },
      // goose migrations must have run before Data Storage serves.
      { name: 'migrations', manifests: ['datastorage-migrations.yaml'], timeoutSeconds: 300 },
      { name: 'datastorage', manifests: ['datastorage.yaml'], timeoutSeconds: 300 },
      { name: 'services', manifests: ['holmesgpt-api.yaml', 'aianalysis.yaml'], timeoutSeconds: 600 },
    ],
  },
  suite: {
    command: ['make', 'test-e2e-aianalysis'],
    workingDirectory: '.',
    // Longer than the suite's own `ginkgo --timeout=30m`, so Ginkgo times out first and still
    // writes its report.
    timeoutMinutes: 35,
    // Ginkgo runs cleanup and reporting nodes when interrupted; AfterSuite may tear down a cluster.
    stopGraceSeconds: 60,
    junitReport: 'e2e-junit.xml',
    // The make target with GINKGO_DRY_RUN=true and GINKGO_JSON_REPORT set (see src/suite/shard.ts).
    listCommand: '',
    env: {},
    ginkgoFocus: '',
    ginkgoLabel: '',
    shard: '',
    knownFailures: [],
  },
  coverage: {
    enabled: false,
    // Must match GOCOVERDIR, the volumeMount and the hostPath in the manifests (DD-TEST-007).
    podDir: '/coverdata',
    buildPath: '/opt/app-root/src',
    buildArgs: { GOFLAGS: '-cover' },
    deployments: ['datastorage', 'aianalysis-controller'],
  },
  report: {
    artifactName: 'aianalysis-e2e',
    retentionDays: 14,
    baselineSlowdownRatio: 1.5,
    logsOnSuccess: false,
  },
  run: {
    timeoutMinutes: 60,
    dryRun: false,
    imagesOnly: false,
  },
} satisfies ConfigFileData;
