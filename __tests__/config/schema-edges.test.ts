/**
 * Edges of the configuration schema (schema.ts): the checks across fields and sections, which
 * run only once the sections they read are valid, and the section-level limits and defaults.
 */
import { defaultConfig } from '../../src/config/index.js';
import { configFileRepo, FILE } from './config-file.js';

const { load, problems: described } = configFileRepo();

describe('settings that need a registry', () => {
  test.each([
    ['registry: {push: true}', 'registry.push', "got true; pushing needs a registry: set the input 'registry' or registry.prefix in the configuration file"],
    ['build: {imageSource: pull}', 'build.imageSource', "got 'pull'; 'pull' needs a registry: set the input 'registry' or registry.prefix in the configuration file"],
    ['build: {cache: registry}', 'build.cache', "got 'registry'; the 'registry' cache needs a registry: set the input 'registry' or registry.prefix in the configuration file"],
  ])('%s without a registry prefix is refused at the setting', (yaml, field, message) => {
    expect(described(`${yaml}\n`)).toEqual([`${FILE}: ${field} (line 1): ${message}`]);
    expect(() => load(`${yaml}\n`, { registry: 'localhost:5000' })).not.toThrow();
  });

  test("image source 'artifact' needs the artifact's name", () => {
    expect(described('build:\n  imageSource: artifact\n  imagesArtifact: {name: "", runId: 0}\n')).toEqual([
      `${FILE}: build.imagesArtifact.name (line 3): got ''; image source 'artifact' needs the images artifact's name: set the input 'images-artifact' (the name the images job wrote)`,
    ]);
    expect(load('build: {imageSource: artifact, imagesArtifact: {name: e2e-images, runId: 0}}\n').build.imagesArtifact.name).toBe('e2e-images');
    expect(load('build: {imageSource: build}\n').build.imagesArtifact.name).toBe('');
  });

  test('they are checked only once the registry and build sections are valid', () => {
    expect(described('registry: {push: maybe}\n')).toEqual([`${FILE}: registry.push (line 1): got 'maybe'; expected true or false`]);
    expect(described('build: {cache: registry, timeoutMinutes: 0}\n')).toEqual([
      `${FILE}: build.timeoutMinutes (line 1): got 0; expected an integer from 1 to 360`,
    ]);
  });
});

describe('the images artifact name (build.imagesArtifact.name)', () => {
  test.each(['e2e-images', 'images of run 42', 'a.b_c'])('%s is accepted', (name) => {
    expect(load(`build: {imagesArtifact: {name: "${name}", runId: 0}}\n`).build.imagesArtifact.name).toBe(name);
  });

  test.each(['"line\\nbreak"', '"a/b"', '"a:b"', '"x*"', '7'])('%s is refused, saying what a name may hold', (written) => {
    expect(described(`build: {imagesArtifact: {name: ${written}, runId: 0}}\n`)).toEqual([
      expect.stringMatching(
        /^[^:]+: build\.imagesArtifact\.name \(line 1\): got [\s\S]+; expected an artifact name without " : < > \| \* \? \\ \/ or line breaks, or empty for none$/,
      ),
    ]);
  });
});

describe('merging coverage', () => {
  test('needs the service name of the coverage artifacts, named where the file sets it', () => {
    expect(described('run: {mergeCoverage: true}\ncoverage: {ciArtifacts: ""}\n')).toEqual([
      `${FILE}: coverage.ciArtifacts (line 2): got ''; merging coverage needs the service name of the coverage artifacts: set the input 'coverage-artifacts' as in the shard jobs (e.g. aianalysis)`,
    ]);
  });

  test('is checked only once the coverage and run sections are valid, whatever else is wrong', () => {
    expect(described('run: {mergeCoverage: true}\ncoverage: {enabled: maybe}\n')).toEqual([
      `${FILE}: coverage.enabled (line 2): got 'maybe'; expected true or false`,
    ]);
    expect(described('run: {mergeCoverage: true, timeoutMinutes: 0}\n')).toEqual([
      `${FILE}: run.timeoutMinutes (line 1): got 0; expected an integer from 1 to 360`,
    ]);
    expect(described('run: {mergeCoverage: true}\ncluster: {keep: maybe}\n')).toEqual([
      `${FILE}: cluster.keep (line 2): got 'maybe'; expected true or false`,
      "built-in default coverage.ciArtifacts: got ''; merging coverage needs the service name of the coverage artifacts: set the input 'coverage-artifacts' as in the shard jobs (e.g. aianalysis)",
    ]);
  });

  test.each(['aianalysis', 'data-storage', 'a1-b2-c3', ''])('service name %j is accepted', (name) => {
    expect(load(`coverage: {ciArtifacts: "${name}"}\n`).coverage.ciArtifacts).toBe(name);
  });

  test.each(['data--storage', '-x', 'x-', 'Data'])('service name %s is refused', (name) => {
    expect(described(`coverage: {ciArtifacts: "${name}"}\n`)).toEqual([
      `${FILE}: coverage.ciArtifacts (line 1): got '${name}'; expected a service name of lower-case letters, digits and dashes (aianalysis), or empty for none`,
    ]);
  });
});

describe('a suite that sets up its own stack (setup suite)', () => {
  const noneMessage = (count: number) =>
    `got 'none'; the suite builds its own images, so the ${count} configured images would be built for nothing; set images: {} or choose a hand-off (artifact-tag, registry)`;
  const registryMessage =
    "got 'registry'; the 'registry' hand-off needs a registry: set the input 'registry' or registry.prefix, or choose 'artifact-tag'";

  test('hand-off none with images to build is refused, counting them', () => {
    expect(described('suite: {handoff: none}\n')).toEqual([`${FILE}: suite.handoff (line 1): ${noneMessage(4)}`]);
    expect(described('images: {api: {dockerfile: D}}\nsuite: {handoff: none}\n')).toEqual([`${FILE}: suite.handoff (line 2): ${noneMessage(1)}`]);
  });

  test('hand-off none without images, or with setup action, is accepted', () => {
    expect(load('images: {}\nsuite: {handoff: none}\n').suite.handoff).toBe('none');
    expect(load('setup: action\nsuite: {handoff: none}\n').setup).toBe('action');
  });

  test("the 'registry' hand-off needs a registry", () => {
    expect(described('suite: {handoff: registry}\n')).toEqual([`${FILE}: suite.handoff (line 1): ${registryMessage}`]);
    expect(load('registry: {prefix: "localhost:5000"}\nsuite: {handoff: registry}\n').suite.handoff).toBe('registry');
    expect(load('setup: action\nsuite: {handoff: registry}\n').setup).toBe('action');
  });

  test('is checked only once setup, suite, images and registry are valid, whatever else is wrong', () => {
    expect(described('suite: {handoff: none, timeoutMinutes: 0}\n')).toEqual([
      `${FILE}: suite.timeoutMinutes (line 1): got 0; expected an integer from 1 to 360`,
    ]);
    expect(described('images: {api: {}}\nsuite: {handoff: none}\n')).toEqual([
      `${FILE}: images.api.dockerfile (line 1): missing; expected the Dockerfile: a path inside the repository, relative to its root`,
    ]);
    expect(described('registry: {push: maybe}\nsuite: {handoff: registry}\n')).toEqual([
      `${FILE}: registry.push (line 1): got 'maybe'; expected true or false`,
    ]);
    expect(described('suite: {handoff: none}\ncluster: {keep: maybe}\n')).toEqual([
      `${FILE}: suite.handoff (line 1): ${noneMessage(4)}`,
      `${FILE}: cluster.keep (line 2): got 'maybe'; expected true or false`,
    ]);
  });
});

describe('build limits', () => {
  test('the context warning may equal the limit, not exceed it', () => {
    expect(load('build: {contextWarnMiB: 1024, contextLimitMiB: 1024}\n').build.contextWarnMiB).toBe(1024);
    expect(described('build: {contextWarnMiB: 1025, contextLimitMiB: 1024}\n')).toEqual([
      `${FILE}: build.contextWarnMiB (line 1): got 1025; expected at most build.contextLimitMiB (1024)`,
    ]);
  });
});

describe('cluster port mappings', () => {
  test('distinct host ports are accepted, even for one container port', () => {
    const config = load('cluster: {portMappings: [{containerPort: 30080, hostPort: 8080}, {containerPort: 30080, hostPort: 8081}]}\n');
    expect(config.cluster.portMappings.map((mapping) => mapping.hostPort)).toEqual([8080, 8081]);
  });
});

describe('deploy stages', () => {
  test.each([
    ['deploy: {stages: []}', 'deploy.stages', 'got []; expected at least one stage'],
    ['deploy: {stages: [{name: s, manifests: []}]}', 'deploy.stages[0].manifests', 'got []; expected at least one manifest'],
  ])('%s is refused', (yaml, field, message) => {
    expect(described(`${yaml}\n`)).toEqual([`${FILE}: ${field} (line 1): ${message}`]);
  });

  test('a manifest that is not a name is reported once, not also as unknown', () => {
    expect(described('deploy: {stages: [{name: s, manifests: [""]}]}\n')).toEqual([
      `${FILE}: deploy.stages[0].manifests[0] (line 1): got ''; expected a manifest name`,
    ]);
  });

  test('stage checks run whatever else is wrong in the file', () => {
    expect(described('deploy: {namespace: 5, stages: [{name: s, manifests: [nope.yaml]}]}\n')).toEqual([
      `${FILE}: deploy.namespace (line 1): got 5; expected a namespace: lowercase letters, digits and '-', starting and ending alphanumeric, at most 63 characters`,
      expect.stringContaining(`${FILE}: deploy.stages[0].manifests[0] (line 1): got 'nope.yaml'; expected a built-in manifest or an entry of deploy.extraManifests`),
    ]);
  });
});

describe('defaults the built-in configuration leaves to the schema', () => {
  test('no environment variable is passed on unless listed', () => {
    expect(defaultConfig().suite.passEnv).toEqual([]);
  });
});
