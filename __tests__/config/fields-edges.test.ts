/**
 * Edges of the field schemas (fields.ts) as a user meets them in the configuration file: which
 * values are accepted, what they normalize to, and what a refusal says about the field.
 */
import { problemLocation, type ConfigProblem } from '../../src/config/index.js';
import { configFileRepo, FILE } from './config-file.js';

const { load, failure } = configFileRepo();

/** The message of the only problem, which must be at `field` on line 1. */
function onlyProblem(yaml: string, field: string): string {
  const error = failure(`${yaml}\n`);
  expect(error.problems.map(problemLocation)).toEqual([`${FILE}: ${field} (line 1)`]);
  return (error.problems[0] as ConfigProblem).message;
}

const image = (extra: string) => `images: {api: {dockerfile: Dockerfile, ${extra}}}`;

describe('a Go main package directory (images.*.goPackage)', () => {
  test.each([
    ['""', ''],
    ['"."', ''],
    ['./', ''],
    ['./cmd/app/', 'cmd/app'],
    ['cmd//app', 'cmd/app'],
    ['cmd/tools/../app', 'cmd/app'],
  ])('%s is read as %j', (written, expected) => {
    expect(load(image(`inputs: go, goPackage: ${written}`)).images.api?.goPackage).toBe(expected);
  });

  test.each(['/abs/cmd', '"cmd\\\\app"', '..', '../cmd', 'cmd/../../app', '5'])('%s is refused, saying the path must stay inside the context', (written) => {
    const message = onlyProblem(image(`goPackage: ${written}`), 'images.api.goPackage');
    expect(message).toContain('expected the main package directory, relative to the build context (such as ./cmd/app): a relative path that stays inside the context');
  });
});

describe('required text', () => {
  test.each([
    ['deploy: {stages: [{name: s, manifests: [""]}]}', 'deploy.stages[0].manifests[0]', "got ''; expected a manifest name"],
    ['deploy: {stages: [{name: s, manifests: [7]}]}', 'deploy.stages[0].manifests[0]', 'got 7; expected a manifest name'],
    ['suite: {ginkgoPackages: [""]}', 'suite.ginkgoPackages[0]', "got ''; expected a Go package pattern such as ./test/e2e/aianalysis/..."],
    ['suite: {knownFailures: [{spec: "", owner: o, reason: r, expires: 2027-01-01}]}', 'suite.knownFailures[0].spec', "got ''; expected the full spec name"],
    ['suite: {knownFailures: [{spec: s, owner: "", reason: r, expires: 2027-01-01}]}', 'suite.knownFailures[0].owner', "got ''; expected who owns the fix, such as @team"],
    ['suite: {knownFailures: [{spec: s, owner: o, reason: "", expires: 2027-01-01}]}', 'suite.knownFailures[0].reason', "got ''; expected why the spec fails"],
  ])('%s', (yaml, field, message) => {
    expect(onlyProblem(yaml, field)).toBe(message);
  });
});

describe('absolute paths inside the container (coverage.podDir, coverage.buildPath)', () => {
  test.each([
    ['podDir', '/coverdata/../etc', 'expected the coverage directory in the pods: an absolute path inside the container'],
    ['podDir', 'coverdata', 'expected the coverage directory in the pods: an absolute path inside the container'],
    ['buildPath', 'src', 'expected the source path inside the build images: an absolute path inside the container'],
    ['buildPath', '/opt/../src', "without '..'"],
  ])('%s %s is refused', (key, written, phrase) => {
    expect(onlyProblem(`coverage: {${key}: "${written}"}`, `coverage.${key}`)).toContain(phrase);
  });

  test('a path with dots in names is kept', () => {
    expect(load('coverage: {podDir: /cover..data/x.y}\n').coverage.podDir).toBe('/cover..data/x.y');
  });
});

describe('evidence paths (suite.evidence)', () => {
  const allowed = "expected a file or folder the suite writes: absolute or relative to the repository, without '..', '*' only in the last name";

  test.each(['logs-*', '/tmp/e2e-*', 'out/run-*.log', 'a.b/..c', 'coverdata'])('%s is accepted as written', (path) => {
    expect(load(`suite: {evidence: ["${path}"]}\n`).suite.evidence).toEqual([path]);
  });

  test.each([
    ['""', "got ''; the path is empty; "],
    ['"  "', "got '  '; the path is empty; "],
    ['"out/../secret"', "got 'out/../secret'; '..' is not allowed; "],
    ['"logs-*/out"', "got 'logs-*/out'; '*' stands only in the last name; "],
    ['"out/run-*/x.log"', "got 'out/run-*/x.log'; '*' stands only in the last name; "],
    ['5', 'got 5; '],
  ])('%s is refused with the reason', (written, reason) => {
    expect(onlyProblem(`suite: {evidence: [${written}]}`, 'suite.evidence[0]')).toBe(`${reason}${allowed}`);
  });
});

describe('image references and registry prefixes', () => {
  const imageAllowed = 'expected an image reference such as postgres:16-alpine or ghcr.io/org/name@sha256:<64 hex>';
  test.each([
    ['dependencies: {db: {image: 16}}', 'dependencies.db.image', `got 16; ${imageAllowed}`],
    ['dependencies: {db: {image: "post gres"}}', 'dependencies.db.image', `; ${imageAllowed}`],
    ['cluster: {nodeImage: "kindest/node:"}', 'cluster.nodeImage', `; ${imageAllowed}`],
    ['registry: {prefix: 5000}', 'registry.prefix', 'got 5000; expected a registry prefix such as ghcr.io/kubernaut or localhost:5000, or empty for none'],
    ['registry: {prefix: "ghcr.io/Kubernaut"}', 'registry.prefix', "path component 'Kubernaut'"],
    ['registry: {prefix: "ghcr.io/Kubernaut"}', 'registry.prefix', '; expected a registry prefix such as ghcr.io/kubernaut or localhost:5000, or empty for none'],
    ['images: {api: {dockerfile: D, repository: 5}}', 'images.api.repository', 'got 5; expected an image repository path such as kubernaut-datastorage (no registry, tag or digest)'],
  ])('%s', (yaml, field, phrase) => {
    expect(onlyProblem(yaml, field)).toContain(phrase);
  });

  test('the problem with a bad reference comes first, then what is expected', () => {
    const message = onlyProblem('dependencies: {db: {image: "post gres"}}', 'dependencies.db.image');
    expect(message).toMatch(/^got 'post gres'; path component 'post gres' .+; expected an image reference such as /);
  });
});

describe('kind versions and platforms', () => {
  test.each(['v0.33.0', 'v10.20.30', 'v0.33.10'])('kind version %s is accepted', (version) => {
    expect(load(`cluster: {kindVersion: ${version}}\n`).cluster.kindVersion).toBe(version);
  });

  test.each(['0.33.0', 'kind-v0.33.0', 'v0.33.0-rc.1', 'v0.33'])('kind version %s is refused', (version) => {
    expect(onlyProblem(`cluster: {kindVersion: ${version}}`, 'cluster.kindVersion')).toBe(
      `got '${version}'; expected a kind release version such as v0.33.0`,
    );
  });

  test.each(['linux/amd64', 'linux/arm64/v8', 'linux/s390x', 'windows/amd64'])('platform %s is accepted', (platform) => {
    expect(load(image(`platform: ${platform}`)).images.api?.platform).toBe(platform);
  });

  test.each(['Linux/amd64', 'linux/amd64/v8/x', 'linux/arm64/', 'linux/arm64/V8', 'amd64'])('platform %s is refused', (platform) => {
    expect(onlyProblem(image(`platform: ${platform}`), 'images.api.platform')).toBe(
      `got '${platform}'; expected an OCI platform such as linux/amd64 or linux/arm64/v8`,
    );
  });
});

describe('commands', () => {
  const commandAllowed = 'expected a command: a list of words, or a command line';

  test.each([
    ['suite: {command: 5}', 'suite.command', `got 5; ${commandAllowed}`],
    ['suite: {command: {make: e2e}}', 'suite.command', commandAllowed],
    ['suite: {command: "make a && make b"}', 'suite.command', `got 'make a && make b'; `],
    ['suite: {command: "make a && make b"}', 'suite.command', `'&' is shell syntax`],
    ['suite: {command: "make a && make b"}', 'suite.command', `; ${commandAllowed}`],
    ['suite: {command: "   "}', 'suite.command', 'the command is empty'],
    ['suite: {listCommand: 5}', 'suite.listCommand', `got 5; ${commandAllowed}`],
    ['suite: {listCommand: 5}', 'suite.listCommand', ', or empty for the suite command'],
    ['suite: {listCommand: "ginkgo \'--focus"}', 'suite.listCommand', 'unterminated single quote'],
    ['suite: {listCommand: "ginkgo \'--focus"}', 'suite.listCommand', ', or empty for the suite command'],
    ['build: {order: build-first, engineRestartCommand: 5}', 'build.engineRestartCommand', `got 5; ${commandAllowed}`],
    [
      'build: {order: build-first, engineRestartCommand: {restart: docker}}',
      'build.engineRestartCommand',
      ', or empty for none: a crashed daemon is waited for, never restarted',
    ],
  ])('%s', (yaml, field, phrase) => {
    expect(onlyProblem(yaml, field)).toContain(phrase);
  });

  test('each bad word of a list is named', () => {
    const error = failure('suite: {command: [make, 5, ""]}\n');
    expect(error.problems.map((problem) => `${problemLocation(problem)}: ${problem.message}`)).toEqual([
      expect.stringMatching(/^[^:]+: suite\.command\[1\] \(line 1\): got 5; expected a command: a list of words/),
      `${FILE}: suite.command[2] (line 1): got ''; expected a non-empty word`,
    ]);
  });

  test('a blank list command stands for the suite command', () => {
    expect(load('suite: {listCommand: "   "}\n').suite.listCommand).toBeNull();
    expect(load('build: {order: build-first, engineRestartCommand: " \\t "}\n').build.engineRestartCommand).toBeNull();
  });
});

describe('shards (suite.shard)', () => {
  test.each([
    ['1/1', { index: 1, total: 1 }],
    ['2/2', { index: 2, total: 2 }],
    ['10/12', { index: 10, total: 12 }],
    ['64/64', { index: 64, total: 64 }],
    ['1/64', { index: 1, total: 64 }],
    ['""', null],
  ])('%s is read as %j', (written, expected) => {
    expect(load(`suite: {shard: ${written}}\n`).suite.shard).toEqual(expected);
  });

  test.each(['"3/2"', '"1/65"', '"0/1"', '"1/2 "', '5'])('%s is refused, saying what is allowed', (written) => {
    expect(onlyProblem(`suite: {shard: ${written}}`, 'suite.shard')).toMatch(
      /^got .+; expected i\/n with 1 <= i <= n <= 64 \(such as 2\/4\), or empty for no sharding$/,
    );
  });
});

describe('paths in the repository', () => {
  test.each([
    ['images: {api: {dockerfile: ""}}', 'images.api.dockerfile', "got ''; the path is empty; expected the Dockerfile: a path inside the repository, relative to its root"],
    ['images: {api: {dockerfile: D, context: ../up}}', 'images.api.context', 'expected the build context directory: a path inside the repository'],
    ['cluster: {kindConfig: ../kind.yaml}', 'cluster.kindConfig', 'expected a kind cluster configuration file: a path inside the repository, relative to its root, or empty'],
    ['cluster: {coverageHostDir: /abs}', 'cluster.coverageHostDir', 'expected the host directory mounted at the coverage directory of the node: a path inside the repository'],
    ['cluster: {coverageHostDir: ""}', 'cluster.coverageHostDir', "got ''; the path is empty; expected the host directory"],
    ['deploy: {manifestsDir: ../m}', 'deploy.manifestsDir', 'expected a directory of manifests that replaces the built-in set: a path inside the repository, relative to its root, or empty'],
    ['deploy: {crds: [../crd.yaml]}', 'deploy.crds[0]', 'expected a CustomResourceDefinition manifest: a path inside the repository'],
    ['deploy: {extraManifests: [../m.yaml]}', 'deploy.extraManifests[0]', 'expected a manifest to add: a path inside the repository'],
    ['deploy: {replaceManifests: {redis.yaml: ../r.yaml}}', "deploy.replaceManifests['redis.yaml']", 'expected a manifest replacing a built-in one: a path inside the repository'],
    ['suite: {inputs: [../Makefile]}', 'suite.inputs[0]', 'expected a file or folder the suite reads: a path inside the repository'],
    ['coverage: {profile: ../c.out}', 'coverage.profile', 'expected a Go coverage profile the suite writes: a path inside the repository, relative to its root, or empty'],
  ])('%s', (yaml, field, phrase) => {
    expect(onlyProblem(yaml, field)).toContain(phrase);
  });

  test('the reason a path is refused comes before what is expected', () => {
    expect(onlyProblem('suite: {junitReport: ../junit.xml}', 'suite.junitReport')).toMatch(
      /^got '\.\.\/junit\.xml'; .+; expected where the JUnit report is written: a path inside the repository, relative to its root$/,
    );
  });

  test('an optional path may be empty', () => {
    const config = load('cluster: {kindConfig: ""}\ndeploy: {manifestsDir: ""}\ncoverage: {profile: ""}\n');
    expect([config.cluster.kindConfig, config.deploy.manifestsDir, config.coverage.profile]).toEqual(['', '', '']);
  });
});

describe('names and maps', () => {
  test.each([
    ['images: {api: {dockerfile: D, buildArgs: {"1X": a}}}', 'images.api.buildArgs.1X', "invalid name '1X'; expected a build argument name: letters, digits and '_', not starting with a digit"],
    ['coverage: {buildArgs: {"GO-FLAGS": a}}', 'coverage.buildArgs.GO-FLAGS', "invalid name 'GO-FLAGS'; expected a build argument name: letters, digits and '_'"],
    ['suite: {passEnv: ["1TOKEN"]}', 'suite.passEnv[0]', "got '1TOKEN'; expected an environment variable name: letters, digits and '_', not starting with a digit"],
    ['deploy: {stages: [{name: Base, manifests: [namespace.yaml]}]}', 'deploy.stages[0].name', "got 'Base'; expected a stage name: lowercase letters, digits and '-'"],
  ])('%s', (yaml, field, phrase) => {
    expect(onlyProblem(yaml, field)).toContain(phrase);
  });

  test('variables to pass on are none unless listed', () => {
    expect(load('suite: {ginkgoFocus: x}\n').suite.passEnv).toEqual([]);
    expect(load('suite: {passEnv: [HOME, _X1]}\n').suite.passEnv).toEqual(['HOME', '_X1']);
  });
});
