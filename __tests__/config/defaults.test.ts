import { defaultConfig, INPUTS, loadConfig, parseReference } from '../../src/config/index.js';
import { tempTree, type TempTree } from './temp-repo.js';

describe('the built-in defaults reproduce the AIAnalysis E2E stack', () => {
  const config = defaultConfig();

  test('images are built from the kubernaut Dockerfiles, HolmesGPT-API as the heavy one', () => {
    expect(Object.keys(config.images).sort()).toEqual(['aianalysis', 'datastorage', 'holmesgpt-api']);
    expect(config.images.datastorage).toMatchObject({ dockerfile: 'docker/data-storage.Dockerfile', context: '.', coverage: true, heavy: false });
    expect(config.images.aianalysis).toMatchObject({ dockerfile: 'docker/aianalysis.Dockerfile', context: '.', coverage: true, heavy: false });
    expect(config.images['holmesgpt-api']).toMatchObject({ dockerfile: 'holmesgpt-api/Dockerfile', context: '.', coverage: false, heavy: true });
    const memory = Object.values(config.images).map((image) => image.memoryMiB);
    expect(config.images['holmesgpt-api']?.memoryMiB).toBe(Math.max(...memory));
  });

  test('PostgreSQL and Redis are pulled', () => {
    expect(config.dependencies).toEqual({
      postgresql: { image: 'postgres:16-alpine' },
      redis: { image: 'redis:7-alpine' },
    });
  });

  test('the kind cluster exposes the five NodePorts and uses a digest-pinned 1.34 node', () => {
    expect(config.cluster.name).toBe('aianalysis-e2e');
    expect(config.cluster.portMappings).toEqual(
      expect.arrayContaining([
        { containerPort: 30084, hostPort: 8084 },
        { containerPort: 30184, hostPort: 9184 },
        { containerPort: 30284, hostPort: 8184 },
        { containerPort: 30088, hostPort: 8088 },
        { containerPort: 30081, hostPort: 8091 },
      ]),
    );
    expect(config.cluster.portMappings).toHaveLength(5);
    const node = parseReference(config.cluster.nodeImage);
    expect(node.path).toBe('kindest/node');
    expect(node.tag).toMatch(/^v1\.34\.\d+$/);
    expect(node.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(config.cluster.kindVersion).toMatch(/^v\d+\.\d+\.\d+$/);
  });

  test('the CRD is applied first, then databases, migrations, Data Storage, then HAPI and the controller', () => {
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

  test('the suite runs the make target; coverage paths follow DD-TEST-007', () => {
    expect(config.suite.command).toEqual(['make', 'test-e2e-aianalysis']);
    expect(config.suite.timeoutMinutes).toBeGreaterThan(30);
    expect(config.suite.listCommand).toBeNull();
    expect(config.suite.stopGraceSeconds).toBeGreaterThanOrEqual(30);
    expect(config.coverage).toEqual({
      enabled: false,
      podDir: '/coverdata',
      buildPath: '/opt/app-root/src',
      buildArgs: { GOFLAGS: '-cover' },
      deployments: ['datastorage', 'aianalysis-controller'],
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
