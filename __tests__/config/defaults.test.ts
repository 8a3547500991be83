import { defaultConfig, INPUTS, loadConfig, parseReference } from '../../src/config/index.js';
import { tempTree, type TempTree } from './temp-repo.js';

describe("the built-in defaults are kubernaut's AIAnalysis E2E on its main branch", () => {
  const config = defaultConfig();

  test('the suite sets up its own stack; the action hands it the images as localhost/<service>:<tag>', () => {
    expect(config.setup).toBe('suite');
    expect(config.suite).toMatchObject({ contract: 'makefile', handoff: 'artifact-tag', ginkgoPackages: ['./test/e2e/aianalysis/...'] });
  });

  test("four Go images named as kubernaut's suite looks them up, from its Dockerfiles, context the repository", () => {
    expect(Object.keys(config.images)).toEqual(['datastorage', 'kubernautagent', 'aianalysis', 'mock-llm']);
    for (const [name, image] of Object.entries(config.images)) expect(image).toMatchObject({ repository: name, context: '.', heavy: false });
    expect(config.images.datastorage?.dockerfile).toBe('docker/data-storage.Dockerfile');
    expect(config.images.kubernautagent?.dockerfile).toBe('docker/kubernautagent.Dockerfile');
    expect(config.images.aianalysis?.dockerfile).toBe('docker/aianalysis.Dockerfile');
    expect(config.images['mock-llm']?.dockerfile).toBe('test/services/mock-llm/go.Dockerfile');
    // kubernaut instruments Data Storage and the controller only.
    expect(Object.entries(config.images).filter(([, image]) => image.coverage).map(([name]) => name)).toEqual(['datastorage', 'aianalysis']);
  });

  test('nothing is pulled beside the images: the suite deploys its own databases', () => {
    expect(config.dependencies).toEqual({});
  });

  test("the cluster is the suite's: its name, podman, its own kind config, made ahead for it to reuse", () => {
    expect(config.cluster).toMatchObject({
      name: 'aianalysis-e2e',
      provider: 'podman',
      createAhead: true,
      kindConfig: 'test/infrastructure/kind-aianalysis-config.yaml',
      portMappings: [],
    });
    const node = parseReference(config.cluster.nodeImage);
    expect(node.path).toBe('kindest/node');
    expect(node.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(config.cluster.kindVersion).toMatch(/^v\d+\.\d+\.\d+$/);
  });

  test('with setup action, the CRD is applied first, then databases, migrations, Data Storage, then HAPI and the controller', () => {
    expect(config.deploy.namespace).toBe('kubernaut-system');
    expect(config.deploy.crds).toEqual(['config/crd/bases/kubernaut.ai_aianalyses.yaml']);
    const order = config.deploy.stages.flatMap((stage) => stage.manifests);
    const position = (manifest: string) => order.indexOf(manifest);
    expect(position('postgresql.yaml')).toBeLessThan(position('datastorage-migrations.yaml'));
    expect(position('redis.yaml')).toBeLessThan(position('datastorage.yaml'));
    expect(position('datastorage-migrations.yaml')).toBeLessThan(position('datastorage.yaml'));
    expect(position('datastorage.yaml')).toBeLessThan(position('aianalysis.yaml'));
    expect(position('datastorage.yaml')).toBeLessThan(position('holmesgpt-api.yaml'));
    const stageOf = (manifest: string) => config.deploy.stages.find((stage) => stage.manifests.includes(manifest))?.name;
    expect(stageOf('aianalysis.yaml')).toBe(stageOf('holmesgpt-api.yaml'));
  });

  test("the suite runs the make target and what it leaves is kept; coverage paths follow DD-TEST-007", () => {
    expect(config.suite.command).toEqual(['make', 'test-e2e-aianalysis']);
    expect(config.suite.evidence).toEqual([
      '/tmp/kubernaut-must-gather/aianalysis/aianalysis-e2e',
      '/tmp/aianalysis-e2e-logs-*',
      'coverdata',
      'coverage_e2e_aianalysis_binary.out',
    ]);
    expect(config.suite.timeoutMinutes).toBeGreaterThan(18);
    expect(config.suite.listCommand).toBeNull();
    expect(config.suite.stopGraceSeconds).toBeGreaterThanOrEqual(30);
    expect(config.coverage).toEqual({
      enabled: false,
      podDir: '/coverdata',
      buildPath: '/opt/app-root/src',
      buildArgs: { GOFLAGS: '-cover' },
      deployments: ['datastorage', 'aianalysis-controller'],
      profile: 'coverage_e2e_aianalysis_binary.out',
      ciArtifacts: '',
    });
    expect(config.cluster.coverageHostDir).toBe('coverdata');
  });

  test('nothing is pushed and no credentials are set', () => {
    expect(config.registry).toEqual({ prefix: '', push: false, username: '', password: null });
    expect(config.configFile).toBeNull();
  });

  test('each call returns a fresh copy', () => {
    const mine = defaultConfig();
    mine.suite.command.push('extra');
    expect(defaultConfig().suite.command).toEqual(['make', 'test-e2e-aianalysis']);
  });
});

describe('loading without file or inputs', () => {
  let repo: TempTree;
  beforeEach(() => (repo = tempTree()));
  afterEach(() => repo.remove());

  test('gives the built-in defaults', () => {
    expect(loadConfig({ inputs: {}, repoRoot: repo.root })).toEqual(defaultConfig());
  });

  test('empty inputs count as not given', () => {
    const inputs = Object.fromEntries(INPUTS.map((input) => [input.name, '']));
    expect(loadConfig({ inputs, repoRoot: repo.root })).toEqual(defaultConfig());
  });
});
