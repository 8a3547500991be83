import {
  ConfigError,
  defaultConfig,
  INPUTS,
  loadConfig,
  problemLocation,
  type Config,
  type ConfigProblem,
  type Inputs,
} from '../../src/config/index.js';
import { tempTree, type TempTree } from './temp-repo.js';

const FILE = '.github/aianalysis-e2e.yaml';

let repo: TempTree;
beforeEach(() => (repo = tempTree()));
afterEach(() => repo.remove());

function load(yaml: string | undefined, inputs: Inputs = {}): Config {
  if (yaml !== undefined) repo.write(FILE, yaml);
  return loadConfig({ inputs, repoRoot: repo.root });
}

function failure(yaml: string | undefined, inputs: Inputs = {}): ConfigError {
  try {
    load(yaml, inputs);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

/** The one problem reported at `location`; fails when there is none or several. */
function problemAt(error: ConfigError, location: string): ConfigProblem {
  const matching = error.problems.filter((problem) => problemLocation(problem) === location);
  if (matching.length !== 1) {
    throw new Error(`expected one problem at ${location}, got:\n${error.message}`);
  }
  return matching[0] as ConfigProblem;
}

describe('precedence: input, then file, then default', () => {
  const cases: [input: string, raw: string, fileYaml: string, read: (c: Config) => unknown, fromInput: unknown, fromFile: unknown][] = [
    ['cluster-name', 'from-input', 'cluster: {name: from-file}', (c) => c.cluster.name, 'from-input', 'from-file'],
    ['node-image', 'kindest/node:v1.35.0', 'cluster: {nodeImage: "kindest/node:v1.33.0"}', (c) => c.cluster.nodeImage, 'kindest/node:v1.35.0', 'kindest/node:v1.33.0'],
    ['kind-version', 'v0.31.0', 'cluster: {kindVersion: v0.30.0}', (c) => c.cluster.kindVersion, 'v0.31.0', 'v0.30.0'],
    ['test-command', 'ginkgo -v "--focus=a b"', 'suite: {command: [make, e2e]}', (c) => c.suite.command, ['ginkgo', '-v', '--focus=a b'], ['make', 'e2e']],
    ['coverage', 'True', 'coverage: {enabled: false}', (c) => c.coverage.enabled, true, false],
    ['build-concurrency', '3', 'build: {concurrency: 2}', (c) => c.build.concurrency, 3, 2],
    ['build-concurrency', 'auto', 'build: {concurrency: 2}', (c) => c.build.concurrency, 'auto', 2],
    ['cache', 'off', 'build: {cache: local}', (c) => c.build.cache, 'off', 'local'],
    ['container-engine', 'podman', 'engine: docker', (c) => c.engine, 'podman', 'docker'],
    ['keep-cluster', 'FALSE', 'cluster: {keep: true}', (c) => c.cluster.keep, false, true],
    ['retention-days', '3', 'report: {retentionDays: 30}', (c) => c.report.retentionDays, 3, 30],
    ['shard', '2/4', 'suite: {shard: "1/2"}', (c) => c.suite.shard, { index: 2, total: 4 }, { index: 1, total: 2 }],
    ['registry', 'ghcr.io/kubernaut', 'registry: {prefix: "localhost:5000"}', (c) => c.registry.prefix, 'ghcr.io/kubernaut', 'localhost:5000'],
    ['coverage-artifacts', 'aianalysis', 'coverage: {ciArtifacts: datastorage}', (c) => c.coverage.ciArtifacts, 'aianalysis', 'datastorage'],
    ['merge-coverage', 'true', 'run: {mergeCoverage: false}\ncoverage: {ciArtifacts: aianalysis}', (c) => c.run.mergeCoverage, true, false],
  ];

  test.each(cases)('%s', (input, raw, fileYaml, read, fromInput, fromFile) => {
    expect(read(load(fileYaml, { [input]: raw }))).toEqual(fromInput);
    expect(read(load(fileYaml, { [input]: '' }))).toEqual(fromFile);
    repo.remove();
    repo = tempTree();
    expect(read(load(undefined, { [input]: '' }))).toEqual(read(defaultConfig()));
  });

  test('every file-backed input names a key the configuration has', () => {
    const config = defaultConfig() as unknown as Record<string, unknown>;
    for (const input of INPUTS) {
      if (!('fileKey' in input)) continue;
      const value = input.fileKey.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], config);
      expect([input.name, value]).not.toEqual([input.name, undefined]);
    }
  });

  test('a section in the file merges key by key with the defaults', () => {
    const config = load('cluster:\n  reuse: true\n');
    expect(config.cluster).toEqual({ ...defaultConfig().cluster, reuse: true });
  });

  test('a map in the file replaces the built-in one, with per-image defaults', () => {
    const config = load('images:\n  api:\n    dockerfile: Dockerfile\n');
    expect(config.images).toEqual({
      api: {
        repository: 'api',
        dockerfile: 'Dockerfile',
        context: '.',
        buildArgs: {},
        target: '',
        platform: 'linux/amd64',
        memoryMiB: 2048,
        heavy: false,
        coverage: false,
        inputs: 'context',
        goPackage: '',
      },
    });
  });

  test('inputs go with a main package: ./dir/ is read as dir; a path out of the context is refused by name', () => {
    const config = load('images:\n  api:\n    dockerfile: Dockerfile\n    inputs: go\n    goPackage: ./cmd/api/\n');
    expect(config.images.api).toMatchObject({ inputs: 'go', goPackage: 'cmd/api' });
    expect(() => load('images:\n  api:\n    dockerfile: Dockerfile\n    goPackage: ../elsewhere\n')).toThrow(/goPackage/);
    expect(() => load('images:\n  api:\n    dockerfile: Dockerfile\n    inputs: closure\n')).toThrow(/inputs/);
  });

  test('numbers and booleans in build arguments and env become text', () => {
    const config = load('suite:\n  env: {E2E_COVERAGE: true, PROCS: 4}\ncoverage:\n  buildArgs: {CGO_ENABLED: 0}\n');
    expect(config.suite.env).toEqual({ E2E_COVERAGE: 'true', PROCS: '4' });
    expect(config.coverage.buildArgs).toEqual({ CGO_ENABLED: '0' });
  });

  test('the config input names another file', () => {
    repo.write('ci/e2e.yml', 'cluster: {name: other}\n');
    const config = loadConfig({ inputs: { config: 'ci/e2e.yml' }, repoRoot: repo.root });
    expect(config.cluster.name).toBe('other');
    expect(config.configFile).toBe('ci/e2e.yml');
  });

  test('readFile can supply the file', () => {
    const read: string[] = [];
    const config = loadConfig({
      inputs: {},
      repoRoot: repo.root,
      readFile: (file) => {
        read.push(file);
        return 'run: {dryRun: true}\n';
      },
    });
    expect(read).toEqual([`${repo.root}/${FILE}`]);
    expect(config.run.dryRun).toBe(true);
    expect(config.configFile).toBe(FILE);
  });
});

describe('inputs', () => {
  test.each(['true', 'True', 'TRUE'])('boolean %s', (raw) => {
    expect(load(undefined, { 'dry-run': raw }).run.dryRun).toBe(true);
  });

  test.each(['yes', 'on', '1', 'tRue'])('boolean %s is refused, naming the input', (raw) => {
    const error = failure(undefined, { 'keep-cluster': raw });
    expect(problemAt(error, "input 'keep-cluster'").message).toBe(`got '${raw}'; expected true or false`);
  });

  test.each(['0', '17', '2.5', 'many', '-1'])('build-concurrency %s is refused with what is allowed', (raw) => {
    const error = failure(undefined, { 'build-concurrency': raw });
    expect(problemAt(error, "input 'build-concurrency'").message).toBe(
      `got '${raw}'; expected 'auto' or an integer from 1 to 16`,
    );
  });

  test.each([
    ['retention-days', '91', 'an integer from 1 to 90'],
    ['timeout-minutes', '0', 'an integer from 1 to 360'],
    ['image-source', 'cache', "one of 'auto', 'build', 'pull'"],
    ['cache', 'gh', "one of 'gha', 'registry', 'local', 'off'"],
    ['container-engine', 'nerdctl', "one of 'auto', 'docker', 'podman'"],
    ['cluster-name', 'AIAnalysis_E2E', 'a cluster name: lowercase letters'],
    ['kind-version', '0.33.0', 'a kind release version such as v0.33.0'],
    ['node-image', 'kindest/node:v1.34.0@sha256:123', 'sha256:<64 hex digits>'],
    ['node-image', `kindest/node@sha256:${'A'.repeat(64)}`, '64 lowercase hex digits'],
    ['registry', 'ghcr.io/Kubernaut', "path component 'Kubernaut'"],
    ['artifact-name', 'a/b', 'an artifact name'],
    ['test-command', 'make a && make b', "'&' is shell syntax"],
  ])('%s %s', (input, raw, allowed) => {
    const message = problemAt(failure(undefined, { [input]: raw }), `input '${input}'`).message;
    expect(message).toContain(`got '${raw}'`);
    expect(message).toContain(allowed);
  });

  test.each(['3/2', '0/2', 'a/b', '1/65', '2', '1/2/3'])('shard %s is refused', (raw) => {
    const message = problemAt(failure(undefined, { shard: raw }), "input 'shard'").message;
    expect(message).toContain(`got '${raw}'`);
    expect(message).toContain('i/n with 1 <= i <= n <= 64');
  });

  test('inputs are trimmed like getInput does', () => {
    expect(load(undefined, { 'cluster-name': '  e2e  ', push: ' false ' }).cluster.name).toBe('e2e');
  });

  test('an unknown input name gets a suggestion', () => {
    const error = failure(undefined, { 'cluster-nmae': 'x' });
    expect(problemAt(error, "input 'cluster-nmae'").message).toBe("unknown input; did you mean 'cluster-name'?");
  });

  test('pushing, pulling and a registry cache need a registry', () => {
    const error = failure(undefined, { push: 'true', 'image-source': 'pull', cache: 'registry' });
    expect(problemAt(error, "input 'push'").message).toBe(
      "got 'true'; pushing needs a registry: set the input 'registry' or registry.prefix in the configuration file",
    );
    expect(problemAt(error, "input 'image-source'").message).toContain("'pull' needs a registry");
    expect(problemAt(error, "input 'cache'").message).toContain("the 'registry' cache needs a registry");
    expect(load(undefined, { push: 'true', registry: 'localhost:5000' }).registry.push).toBe(true);
  });

  test('a registry password needs a user name; a user name alone is kept', () => {
    const error = failure(undefined, { 'registry-password': 'p' });
    expect(problemAt(error, "input 'registry-password'").message).toBe("given without input 'registry-username'; give both");
    expect(load(undefined, { 'registry-username': 'bot' }).registry).toMatchObject({ username: 'bot', password: null });
    const config = load(undefined, { 'registry-username': 'bot', 'registry-password': 'p' });
    expect(config.registry.username).toBe('bot');
    expect(config.registry.password?.reveal()).toBe('p');
  });
});

describe('the configuration file', () => {
  test('an unknown key gets a did-you-mean hint at any depth', () => {
    const error = failure(
      [
        'imagse: {}', // 1
        'images:', // 2
        '  api:', // 3
        '    dockerFile: Dockerfile', // 4
        'deploy:', // 5
        '  stages:', // 6
        '    - name: all', // 7
        '      manifests: [namespace.yaml]', // 8
        '      timeoutSecond: 5', // 9
        'suite:', // 10
        '  knownFailures:', // 11
        '    - {spec: s, owner: "@o", reason: r, expiry: 2027-01-01}', // 12
        'cluster: {zzz: 1}', // 13
      ].join('\n'),
    );
    expect(problemAt(error, `${FILE}: imagse (line 1)`).message).toBe("unknown key; did you mean 'images'?");
    expect(problemAt(error, `${FILE}: images.api.dockerFile (line 4)`).message).toBe("unknown key; did you mean 'dockerfile'?");
    expect(problemAt(error, `${FILE}: images.api.dockerfile (line 3)`).message).toMatch(/^missing; expected the Dockerfile/);
    expect(problemAt(error, `${FILE}: deploy.stages[0].timeoutSecond (line 9)`).message).toBe(
      "unknown key; did you mean 'timeoutSeconds'?",
    );
    expect(problemAt(error, `${FILE}: suite.knownFailures[0].expiry (line 12)`).message).toBe(
      "unknown key; did you mean 'expires'?",
    );
    expect(problemAt(error, `${FILE}: cluster.zzz (line 13)`).message).toMatch(/^unknown key; allowed: 'name', 'provider', 'createAhead', 'kindVersion', /);
  });

  test('every problem is reported at once, inputs first, then the file by line', () => {
    const error = failure(
      'images:\n  api:\n    dockerfile: Dockerfile\n    memoryMiB: 10\ncluster:\n  name: Bad\n  reuse: maybe\n',
      { 'retention-days': '0', shard: '3/2' },
    );
    expect(error.problems.map(problemLocation)).toEqual([
      "input 'shard'",
      "input 'retention-days'",
      `${FILE}: images.api.memoryMiB (line 4)`,
      `${FILE}: cluster.name (line 6)`,
      `${FILE}: cluster.reuse (line 7)`,
    ]);
    expect(error.message).toMatch(/^Invalid configuration \(5 problems\):\n {2}- input 'shard': got '3\/2'; /);
    expect(error.problems[2]?.message).toBe('got 10; expected an integer from 64 to 262144');
    expect(error.problems[4]?.message).toBe("got 'maybe'; expected true or false");
  });

  test('an input overriding a bad file value hides it; the problem is named after the input otherwise', () => {
    expect(load('cluster: {name: Bad}\n', { 'cluster-name': 'good' }).cluster.name).toBe('good');
    const error = failure('cluster: {name: good}\n', { 'cluster-name': 'Bad' });
    expect(error.problems.map(problemLocation)).toEqual(["input 'cluster-name'"]);
  });

  test('a YAML syntax error names the file and the line', () => {
    const error = failure('cluster:\n  name: e2e\n  name: again\n', { 'retention-days': '100' });
    expect(problemAt(error, `${FILE} (line 3)`).message).toBe('YAML syntax error: Map keys must be unique');
    expect(problemAt(error, "input 'retention-days'").message).toContain('from 1 to 90');
  });

  test('a __proto__ key is an unknown key like any other', () => {
    const error = failure('__proto__: {engine: podman}\ncluster:\n  __proto__: {name: x}\n');
    expect(error.problems.map(problemLocation)).toEqual([`${FILE}: __proto__ (line 1)`, `${FILE}: cluster.__proto__ (line 3)`]);
    expect(defaultConfig().engine).toBe('auto');
  });

  test('a file that is not a mapping is refused', () => {
    expect(problemAt(failure('- a\n- b\n'), `${FILE} (line 1)`).message).toMatch(/expected a mapping of sections/);
  });

  test('an empty file means defaults', () => {
    expect(load('# nothing yet\n')).toEqual({ ...defaultConfig(), configFile: FILE });
  });

  test('an explicitly named file must exist', () => {
    const error = failure(undefined, { config: 'ci/missing.yaml' });
    expect(problemAt(error, "input 'config'").message).toBe("got 'ci/missing.yaml'; no such file in the repository");
  });

  test('a directory is not a configuration file', () => {
    repo.write('ci/dir/x', '');
    expect(problemAt(failure(undefined, { config: 'ci/dir' }), "input 'config'").message).toContain('cannot be read (EISDIR)');
  });

  test.each([
    ['engine: [docker]', 'engine', "got [\"docker\"]; expected one of 'auto', 'docker', 'podman'"],
    ['images: {api: {dockerfile: D, memoryMiB: "1G"}}', 'images.api.memoryMiB', "got '1G'; expected an integer from 64 to 262144"],
    ['images: {Api: {dockerfile: D}}', 'images.Api', "invalid name 'Api'; expected an image name"],
    ['images: {api: {dockerfile: D, repository: "ghcr.io/x/api"}}', 'images.api.repository', "'ghcr.io' would be read as a registry host"],
    ['images: {api: {dockerfile: D, repository: "api:v1"}}', 'images.api.repository', 'expected an image repository path'],
    ['images: {api: {dockerfile: D, platform: amd64}}', 'images.api.platform', 'expected an OCI platform'],
    ['dependencies: {db: {image: "Postgres:16"}}', 'dependencies.db.image', "path component 'Postgres'"],
    ['build: {order: parallel}', 'build.order', "got 'parallel'; expected one of 'overlap', 'build-first'"],
    ['build: {memoryBudgetMiB: 100}', 'build.memoryBudgetMiB', "expected 'auto' or an integer from 512 to 1048576"],
    ['build: {contextWarnMiB: 2000}', 'build.contextWarnMiB', 'got 2000; expected at most build.contextLimitMiB (1024)'],
    ['build: {engineRestartCommand: "systemctl restart docker"}', 'build.engineRestartCommand', "stops the kind nodes too; set build.order to 'build-first'"],
    ['cluster: {portMappings: [{containerPort: 1, hostPort: 80}, {containerPort: 2, hostPort: 80}]}', 'cluster.portMappings[1].hostPort', 'host ports must be unique'],
    ['cluster: {portMappings: [{containerPort: 70000, hostPort: 80}]}', 'cluster.portMappings[0].containerPort', 'got 70000; expected an integer from 1 to 65535'],
    ['deploy: {namespace: Kubernaut}', 'deploy.namespace', 'expected a namespace'],
    ['suite: {command: []}', 'suite.command', 'expected a command'],
    ['suite: {command: [make, ""]}', 'suite.command[1]', "got ''; expected a non-empty word"],
    ['suite: {env: {"1BAD": x}}', 'suite.env.1BAD', 'expected an environment variable name'],
    ['suite: {stopGraceSeconds: 0}', 'suite.stopGraceSeconds', 'got 0; expected an integer from 1 to 600'],
    ['suite: {listCommand: "ginkgo --dry-run | tee"}', 'suite.listCommand', "'|' is shell syntax"],
    ['suite: {listCommand: [ginkgo, "--json-report={json}"]}', 'suite.listCommand[1]', 'unknown placeholder {json}; expected {jsonReport}, {focus}, {label}'],
    ['suite: {env: {A: {b: c}}}', 'suite.env.A', 'expected a text, number or boolean value'],
    ['suite: {knownFailures: [{spec: s, owner: o, reason: r, expires: 2026-02-30}]}', 'suite.knownFailures[0].expires', "got '2026-02-30'; expected the date the exemption ends: a real calendar date"],
    ['suite: {knownFailures: [{spec: s, owner: o, reason: r}]}', 'suite.knownFailures[0].expires', 'missing; expected the date'],
    ['coverage: {podDir: coverdata}', 'coverage.podDir', 'an absolute path inside the container'],
    ['coverage: {deployments: [Data_Storage]}', 'coverage.deployments[0]', 'expected a Deployment name'],
    ['report: {baselineSlowdownRatio: 0.5}', 'report.baselineSlowdownRatio', 'got 0.5; expected a number of at least 1'],
    ['run: {timeoutMinutes: 361}', 'run.timeoutMinutes', 'got 361; expected an integer from 1 to 360'],
    ['cluster: {kindVersion: 0.33}', 'cluster.kindVersion', 'got 0.33; expected a kind release version'],
    ['cluster: {keep: yes}', 'cluster.keep', "got 'yes'; expected true or false"],
    ['images: {a: {dockerfile: D, repository: same}, b: {dockerfile: D, repository: same}}', 'images.b.repository', "repositories must be unique; image 'a' already uses it"],
  ])('%s', (yaml, field, expected) => {
    const error = failure(`${yaml}\n`);
    expect(error.problems).toHaveLength(1);
    expect(problemLocation(error.problems[0] as ConfigProblem)).toBe(`${FILE}: ${field} (line 1)`);
    expect(error.problems[0]?.message).toContain(expected);
  });

  test('an empty list command stands for the suite command; placeholders pass through unchanged', () => {
    expect(load('suite: {listCommand: ""}\n').suite.listCommand).toBeNull();
    const config = load('suite: {listCommand: "ginkgo --dry-run --json-report={jsonReport} --focus={focus} ./test/e2e/..."}\n');
    expect(config.suite.listCommand).toEqual(['ginkgo', '--dry-run', '--json-report={jsonReport}', '--focus={focus}', './test/e2e/...']);
  });

  test('a docker restart command is taken as words when the images are built before the cluster', () => {
    expect(load('build: {order: build-first, engineRestartCommand: "sudo systemctl restart docker"}\n').build.engineRestartCommand).toEqual([
      'sudo',
      'systemctl',
      'restart',
      'docker',
    ]);
    expect(load('build: {order: build-first}\n').build.engineRestartCommand).toBeNull();
  });

  test('known failures with a real date are accepted, leap days included', () => {
    const config = load('suite:\n  knownFailures:\n    - {spec: "AIAnalysis full flow", owner: "@kubernaut/ai", reason: flaky, expires: 2028-02-29}\n');
    expect(config.suite.knownFailures).toEqual([
      { spec: 'AIAnalysis full flow', owner: '@kubernaut/ai', reason: 'flaky', expires: '2028-02-29' },
    ]);
  });
});

describe('deploy stages', () => {
  test('stages apply built-in manifests, replacements and extra manifests', () => {
    const config = load(
      [
        'deploy:',
        '  extraManifests: [./test/e2e/mock-llm.yaml]',
        '  replaceManifests: {redis.yaml: test/e2e/redis.yaml}',
        '  stages:',
        '    - {name: base, manifests: [namespace.yaml, redis.yaml]}',
        '    - {name: llm, manifests: [test/e2e/mock-llm.yaml], timeoutSeconds: 120}',
      ].join('\n'),
    );
    expect(config.deploy.extraManifests).toEqual(['test/e2e/mock-llm.yaml']);
    expect(config.deploy.replaceManifests).toEqual({ 'redis.yaml': 'test/e2e/redis.yaml' });
    expect(config.deploy.stages).toEqual([
      { name: 'base', manifests: ['namespace.yaml', 'redis.yaml'], timeoutSeconds: 300 },
      { name: 'llm', manifests: ['test/e2e/mock-llm.yaml'], timeoutSeconds: 120 },
    ]);
  });

  test('unknown, repeated and unplaced manifests and repeated stage names are refused together', () => {
    const error = failure(
      [
        'deploy:', // 1
        '  extraManifests: [extra/a.yaml, extra/b.yaml]', // 2
        '  replaceManifests: {postgres.yaml: x.yaml}', // 3
        '  stages:', // 4
        '    - {name: one, manifests: [redis.yml, extra/a.yaml]}', // 5
        '    - {name: one, manifests: [extra/a.yaml]}', // 6
      ].join('\n'),
      { 'ginkgo-label': 'smoke' },
    );
    const described = error.problems.map((problem) => `${problemLocation(problem)}: ${problem.message}`);
    expect(described).toHaveLength(5);
    expect(described).toEqual(expect.arrayContaining([
      `${FILE}: deploy.extraManifests[1] (line 2): got 'extra/b.yaml'; expected to be applied by a stage; add it to the manifests of the stage of deploy.stages that must apply it`,
      `${FILE}: deploy.replaceManifests['postgres.yaml'] (line 3): got 'postgres.yaml'; expected the file name of a built-in manifest; did you mean 'postgresql.yaml'?`,
      `${FILE}: deploy.stages[0].manifests[0] (line 5): got 'redis.yml'; expected a built-in manifest or an entry of deploy.extraManifests; did you mean 'redis.yaml'?`,
      `${FILE}: deploy.stages[1].name (line 6): got 'one'; stage names must be unique; stages[0] already uses it`,
      `${FILE}: deploy.stages[1].manifests[0] (line 6): got 'extra/a.yaml'; each manifest is applied once; stage 'one' already applies it`,
    ]));
  });

  test('stage checks still run when another deploy field is wrong', () => {
    const error = failure('deploy:\n  namespace: Bad\n  stages: [{name: s, manifests: [nope.yaml]}]\n');
    expect(error.problems.map(problemLocation)).toEqual([`${FILE}: deploy.namespace (line 2)`, `${FILE}: deploy.stages[0].manifests[0] (line 3)`]);
  });

  test('the built-in manifest list is taken from the caller', () => {
    repo.write(FILE, 'deploy: {stages: [{name: only, manifests: [custom.yaml]}]}\n');
    const config = loadConfig({ inputs: {}, repoRoot: repo.root, builtInManifests: ['custom.yaml'] });
    expect(config.deploy.stages[0]?.manifests).toEqual(['custom.yaml']);
    expect(() => loadConfig({ inputs: {}, repoRoot: repo.root })).toThrow(/custom\.yaml/);
  });
});

describe('coverage for a CI summary job', () => {
  test('merge-coverage needs the service name of the artifacts, and says which input gives it', () => {
    const error = failure(undefined, { 'merge-coverage': 'true' });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.message).toBe(
      "got ''; merging coverage needs the service name of the coverage artifacts: set the input 'coverage-artifacts' as in the shard jobs (e.g. aianalysis)",
    );
  });

  test('coverage-artifacts takes a service name as kubernaut spells them', () => {
    expect(load(undefined, { 'merge-coverage': 'true', 'coverage-artifacts': 'aianalysis' }).coverage.ciArtifacts).toBe('aianalysis');
    const error = failure(undefined, { 'coverage-artifacts': 'AI Analysis' });
    expect(problemAt(error, "input 'coverage-artifacts'").message).toMatch(/expected a service name of lower-case letters, digits and dashes/);
  });
});
