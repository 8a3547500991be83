import { defaultConfig, type Config } from '../../src/config/index.js';
import { makePlan } from '../../src/plan/plan.js';

type Editable = { -readonly [K in keyof Config]: Config[K] };

/** The built-in configuration with the given changes, as a validated Config would carry them. */
function configWith(change: (config: Editable) => void): Config {
  const config = structuredClone(defaultConfig());
  change(config);
  return config;
}

test('each image keeps its own settings, in the order of the configuration', () => {
  const config = configWith((c) => {
    c.images = {
      first: { ...c.images.datastorage!, repository: 'ex/first', dockerfile: 'a/Dockerfile', context: 'a', target: 't1', platform: 'linux/arm64', memoryMiB: 1234, heavy: true, inputs: 'go', goPackage: './cmd/first', buildArgs: { A: '1' } },
      second: { ...c.images.datastorage!, repository: 'ex/second', dockerfile: 'b/Dockerfile', context: 'b', target: '', platform: 'linux/amd64', memoryMiB: 512, heavy: false, inputs: 'dockerfile', goPackage: '', buildArgs: {} },
    };
  });
  expect(makePlan(config).images).toEqual([
    { name: 'first', repository: 'ex/first', dockerfile: 'a/Dockerfile', context: 'a', buildArgs: { A: '1' }, target: 't1', platform: 'linux/arm64', memoryMiB: 1234, heavy: true, inputs: 'go', goPackage: './cmd/first' },
    { name: 'second', repository: 'ex/second', dockerfile: 'b/Dockerfile', context: 'b', buildArgs: {}, target: '', platform: 'linux/amd64', memoryMiB: 512, heavy: false, inputs: 'dockerfile', goPackage: '' },
  ]);
});

test('coverage adds its build args, over the image own, only to the images that take coverage and only when it is on', () => {
  const config = (enabled: boolean) =>
    configWith((c) => {
      c.coverage.enabled = enabled;
      c.coverage.buildArgs = { GOFLAGS: '-cover' };
      c.images.datastorage!.buildArgs = { GOFLAGS: '-trimpath', VERSION: '1' };
      c.images.kubernautagent!.buildArgs = { VERSION: '2' };
    });
  const argsOf = (plan: ReturnType<typeof makePlan>, name: string) => plan.images.find((image) => image.name === name)?.buildArgs;

  const on = makePlan(config(true));
  expect(argsOf(on, 'datastorage')).toEqual({ GOFLAGS: '-cover', VERSION: '1' });
  expect(argsOf(on, 'kubernautagent')).toEqual({ VERSION: '2' });

  const off = makePlan(config(false));
  expect(argsOf(off, 'datastorage')).toEqual({ GOFLAGS: '-trimpath', VERSION: '1' });
});

test("the suite's variables: its own, E2E_COVERAGE=true with coverage, KEEP_CLUSTER=true with a kept cluster", () => {
  const env = (coverage: boolean, keep: boolean) =>
    makePlan(
      configWith((c) => {
        c.suite.env = { LOG_LEVEL: 'debug' };
        c.coverage.enabled = coverage;
        c.cluster.keep = keep;
      }),
    ).suite.env;
  expect(env(false, false)).toEqual({ LOG_LEVEL: 'debug' });
  expect(env(true, false)).toEqual({ LOG_LEVEL: 'debug', E2E_COVERAGE: 'true' });
  expect(env(false, true)).toEqual({ LOG_LEVEL: 'debug', KEEP_CLUSTER: 'true' });
});

describe('whether the action creates the cluster ahead', () => {
  const createAhead = (change: (config: Editable) => void) => makePlan(configWith(change)).cluster.createAhead;

  test('always when the action deploys', () => {
    expect(createAhead((c) => {
      c.setup = 'action';
      c.cluster.createAhead = false;
    })).toEqual({ create: true, reason: 'the action deploys into it' });
  });

  test('not when switched off for a suite that sets up its own world', () => {
    expect(createAhead((c) => (c.cluster.createAhead = false))).toEqual({ create: false, reason: expect.stringContaining('cluster.createAhead is off') });
  });

  test('not with coverage, whose make target would recreate the folder the node mounted', () => {
    expect(createAhead((c) => (c.coverage.enabled = true))).toEqual({ create: false, reason: expect.stringContaining('coverage is on') });
  });

  test('otherwise, for the suite to reuse', () => {
    expect(createAhead(() => undefined)).toEqual({ create: true, reason: expect.stringContaining('the suite reuses') });
  });
});

test('the dependencies are pulled only for a stack the action deploys', () => {
  const dependencies = (change: (config: Editable) => void) =>
    makePlan(
      configWith((c) => {
        c.dependencies = { postgres: { image: 'postgres:16' }, redis: { image: 'redis:7' } } as Config['dependencies'];
        change(c);
      }),
    ).dependencies;
  expect(dependencies((c) => (c.setup = 'action'))).toEqual([
    { name: 'postgres', image: 'postgres:16' },
    { name: 'redis', image: 'redis:7' },
  ]);
  expect(dependencies((c) => (c.setup = 'suite'))).toEqual([]);
  expect(dependencies((c) => {
    c.setup = 'action';
    c.run.imagesOnly = true;
  })).toEqual([]);
});

test('cluster, deploy, suite and coverage carry the configuration, and later changes to it do not reach the plan', () => {
  const config = configWith((c) => {
    c.setup = 'action';
    c.run.imagesOnly = true;
    c.build.imageSource = 'pull';
    c.registry = { ...c.registry, prefix: 'ghcr.io/ex', push: true };
    c.cluster = { ...c.cluster, name: 'c1', provider: 'docker', kindConfig: 'kind.yaml', kindVersion: 'v0.40.0', nodeImage: 'node:1', reuse: true, keep: false };
    c.build.order = 'build-first';
    c.deploy.namespace = 'ns';
    c.deploy.crds = ['crd.yaml'];
    c.deploy.stages = [{ ...c.deploy.stages[0]!, name: 'db', manifests: ['db.yaml'], timeoutSeconds: 90 }];
    c.suite = {
      ...c.suite,
      command: ['go', 'test'],
      ginkgoPackages: ['./e2e/...'],
      evidence: ['logs'],
      workingDirectory: 'sub',
      ginkgoFocus: 'focus',
      ginkgoLabel: 'label',
      junitReport: 'j.xml',
      timeoutMinutes: 12,
      stopGraceSeconds: 7,
      listCommand: ['go', 'list'],
    };
    c.coverage.deployments = ['one'];
    c.coverage.profile = 'p.out';
  });
  const plan = makePlan(config);
  const expected = {
    setup: 'action',
    imagesOnly: true,
    imageSource: 'pull',
    registry: 'ghcr.io/ex',
    push: true,
    cluster: { name: 'c1', provider: 'docker', createAhead: { create: true, reason: 'the action deploys into it' }, kindConfig: 'kind.yaml', kindVersion: 'v0.40.0', nodeImage: 'node:1', reuse: true, keep: false, order: 'build-first' },
    deploy: { namespace: 'ns', crds: ['crd.yaml'], stages: [{ name: 'db', manifests: ['db.yaml'], timeoutSeconds: 90 }] },
    suite: {
      command: ['go', 'test'],
      contract: config.suite.contract,
      handoff: config.suite.handoff,
      ginkgoPackages: ['./e2e/...'],
      evidence: ['logs'],
      workingDirectory: 'sub',
      env: {},
      focus: 'focus',
      label: 'label',
      junitReport: 'j.xml',
      timeoutMinutes: 12,
      stopGraceSeconds: 7,
      shard: null,
      listCommand: ['go', 'list'],
    },
    coverage: { enabled: false, deployments: ['one'], profile: 'p.out' },
  };
  expect(plan).toMatchObject(expected);

  config.deploy.crds.push('late.yaml');
  config.deploy.stages[0]!.manifests.push('late.yaml');
  config.suite.command.push('late');
  config.suite.ginkgoPackages.push('late');
  config.suite.evidence.push('late');
  config.suite.listCommand!.push('late');
  config.coverage.deployments.push('late');
  expect(plan).toMatchObject(expected);
});

test('without a list command the plan says so', () => {
  expect(makePlan(defaultConfig()).suite.listCommand).toBeNull();
});
