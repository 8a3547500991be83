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
 * A Go service of kubernaut: context `.`, one Dockerfile, `go build` of one main package. Its
 * tag follows the package's import closure (inputs `go`), so an edit elsewhere in the tree does
 * not rebuild it; the package is read from the Dockerfile's `go build` line.
 */
function goService(dockerfile: string, coverage: boolean) {
  return { dockerfile, context: '.', buildArgs: {}, target: '', platform: 'linux/amd64', memoryMiB: 2048, heavy: false, coverage, inputs: 'go', goPackage: '' } as const;
}

/**
 * kubernaut's AIAnalysis E2E on its main branch, in the form of the configuration file: the Go
 * suite builds (unless handed images), creates or reuses Kind cluster `aianalysis-e2e` with
 * podman from its own kind config, and deploys; the action resolves the four images once, hands
 * them over as `localhost/<service>:<tag>` with KUBERNAUT_CI_ARTIFACT_TAG, creates the cluster
 * ahead for the suite to reuse, runs `make test-e2e-aianalysis` and keeps what the suite leaves.
 * A section given in the file is merged key by key with these; a map or list given in the file
 * replaces the built-in one as a whole.
 */
export const BUILT_IN_DEFAULTS = {
  setup: 'suite',
  engine: 'auto',
  // Named as kubernaut's suite names them: the repository is the service name it looks up.
  images: {
    datastorage: goService('docker/data-storage.Dockerfile', true),
    kubernautagent: goService('docker/kubernautagent.Dockerfile', false),
    aianalysis: goService('docker/aianalysis.Dockerfile', true),
    'mock-llm': goService('test/services/mock-llm/go.Dockerfile', false),
  },
  // The suite pulls what it deploys beside the services itself.
  dependencies: {},
  registry: {
    prefix: '',
    push: false,
  },
  build: {
    imageSource: 'auto',
    imagesArtifact: { name: '', runId: 0 },
    concurrency: 'auto',
    cache: 'gha',
    timeoutMinutes: 30,
    memoryBudgetMiB: 'auto',
    contextWarnMiB: 200,
    contextLimitMiB: 1024,
    // The engines print a line per layer state; a large layer can download silently for minutes.
    stallSeconds: 300,
    order: 'overlap',
    engineRestartCommand: '',
  },
  cluster: {
    name: 'aianalysis-e2e',
    // The suite runs kind with KIND_EXPERIMENTAL_PROVIDER=podman.
    provider: 'podman',
    createAhead: true,
    kindVersion: KIND_VERSION,
    nodeImage: NODE_IMAGE,
    kindConfig: 'test/infrastructure/kind-aianalysis-config.yaml',
    reuse: false,
    keep: false,
    // The suite's kind config maps its NodePorts.
    portMappings: [],
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
    contract: 'makefile',
    handoff: 'artifact-tag',
    ginkgoPackages: ['./test/e2e/aianalysis/...'],
    // Read by the suite's setup when it runs: the Makefile target, the kind config and the
    // manifests, CRDs and migrations it deploys (its Go source follows from ginkgoPackages).
    inputs: ['Makefile', 'test/infrastructure', 'config/crd', 'migrations', 'deploy/data-storage', 'deploy/cert-manager'],
    evidence: [
      // Written on a failure by the suite's must-gather and by its `kind export logs`.
      '/tmp/kubernaut-must-gather/aianalysis/aianalysis-e2e',
      '/tmp/aianalysis-e2e-logs-*',
      'coverdata',
      // Written by the suite's AfterSuite whatever the outcome; the Makefile copies it over
      // coverage_e2e_aianalysis.out (ginkgo's own profile of the test process) only after a pass.
      'coverage_e2e_aianalysis_binary.out',
    ],
    workingDirectory: '.',
    // Longer than the Makefile's `ginkgo --timeout` (18m), so Ginkgo times out first and still
    // writes its report.
    timeoutMinutes: 35,
    // Ginkgo runs cleanup and reporting nodes when interrupted; AfterSuite may tear down a cluster.
    stopGraceSeconds: 60,
    junitReport: 'e2e-junit.xml',
    // Contract environment only: the command that lists the specs of a shard; empty: the suite
    // command with GINKGO_DRY_RUN=true and GINKGO_JSON_REPORT set (see src/suite/shard.ts).
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
    profile: 'coverage_e2e_aianalysis_binary.out',
    ciArtifacts: '',
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
    mergeCoverage: false,
  },
} satisfies ConfigFileData;
