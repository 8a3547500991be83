/**
 * The configuration file's schema (camelCase keys). Parsing the built-in defaults merged with the
 * file and the inputs through it yields the typed configuration.
 */
import { posix } from 'node:path';
import { z } from 'zod';
import {
  absolutePosixPath,
  choice,
  command,
  contextDirectory,
  dnsLabel,
  dnsSubdomain,
  flag,
  imageReference,
  integer,
  integerOrAuto,
  isoDate,
  kindVersion,
  evidencePath,
  nonEmptyText,
  optionalCommand,
  platform,
  repoPath,
  repositoryPath,
  repositoryPrefix,
  shard,
  stringMap,
  text,
  variableName,
  type PathResolver,
} from './fields.js';
import { suggestion } from './suggest.js';

export const CONTAINER_ENGINES = ['auto', 'docker', 'podman'] as const;
export const IMAGE_SOURCES = ['auto', 'build', 'pull', 'artifact'] as const;
export const CACHE_MODES = ['gha', 'registry', 'local', 'off'] as const;
export const BUILD_ORDERS = ['overlap', 'build-first'] as const;
/** suite: the suite builds, creates its cluster and deploys itself; action: the action deploys, the suite attaches. */
export const SETUPS = ['suite', 'action'] as const;
/** How the resolved images reach a suite that sets up its own stack (see src/handoff/). */
export const HANDOFF_MODES = ['artifact-tag', 'registry', 'none'] as const;
/** How focus, label filter and the JUnit report reach the suite (see src/suite/invocation.ts). */
export const SUITE_CONTRACTS = ['makefile', 'environment'] as const;
export const KIND_PROVIDERS = ['auto', 'docker', 'podman'] as const;
/** Which files of a build context make an image's content tag (src/image-inputs/inputs.ts). */
export const INPUTS_MODES = ['context', 'dockerfile', 'go'] as const;
export type InputsMode = (typeof INPUTS_MODES)[number];

export interface SchemaContext {
  readonly resolvePath: PathResolver;
  /** File names of the manifests shipped with the action. */
  readonly builtInManifests: readonly string[];
}

type Issue = z.core.$ZodRawIssue;

export function createConfigSchema(context: SchemaContext) {
  const paths = repoPaths(context.resolvePath);
  return z
    .strictObject({
      setup: choice(SETUPS),
      engine: choice(CONTAINER_ENGINES),
      images: imagesSection(paths),
      dependencies: z.record(dnsLabel('a dependency name'), z.strictObject({ image: imageReference() })),
      registry: z.strictObject({
        /** Empty: nothing is pulled from or pushed to a registry. */
        prefix: repositoryPrefix(),
        push: flag(),
      }),
      build: buildSection(),
      cluster: clusterSection(paths),
      deploy: deploySection(paths, context.builtInManifests),
      suite: suiteSection(paths),
      coverage: coverageSection(paths),
      report: reportSection(),
      run: runSection(),
    })
    .superRefine(checkRegistryNeeds, { when: (payload) => sectionsValid(payload.issues, ['registry', 'build']) })
    .superRefine(checkMergeNeeds, { when: (payload) => sectionsValid(payload.issues, ['coverage', 'run']) })
    .superRefine(checkSetup, { when: (payload) => sectionsValid(payload.issues, ['setup', 'suite', 'images', 'registry']) });
}

/** Paths in the repository, checked by the loader's resolver. */
function repoPaths(resolvePath: PathResolver) {
  return {
    path: (what: string) => repoPath(resolvePath, what),
    optionalPath: (what: string) => repoPath(resolvePath, what, { optional: true }),
  };
}

type RepoPaths = ReturnType<typeof repoPaths>;

/** The images to build, by name; each repository once. */
function imagesSection({ path }: RepoPaths) {
  const image = z.strictObject({
    /** Defaults to the image's name in the map. */
    repository: repositoryPath().optional(),
    dockerfile: path('the Dockerfile'),
    context: path('the build context directory').default('.'),
    buildArgs: stringMap('a build argument name').default({}),
    target: text().default(''),
    platform: platform().default('linux/amd64'),
    /** Memory the build is expected to take; the build scheduler packs builds by it. */
    memoryMiB: integer(64, 262144).default(2048),
    /** Heavy builds never run beside another heavy build. */
    heavy: flag().default(false),
    /** Built with the coverage build arguments when coverage is on (Go images). */
    coverage: flag().default(false),
    /** Which files of the context make the content tag: all, the Dockerfile's copies, or the Go main package's. */
    inputs: choice(INPUTS_MODES).default('context'),
    /** inputs 'go': the main package's directory in the context; empty: read from the Dockerfile's `go build`. */
    goPackage: contextDirectory('the main package directory, relative to the build context (such as ./cmd/app)').default(''),
  });

  return z
    .record(dnsLabel('an image name'), image)
    .transform((entries) =>
      Object.fromEntries(
        Object.entries(entries).map(([name, spec]) => [name, { ...spec, repository: spec.repository ?? name }]),
      ),
    )
    .superRefine((entries, ctx) =>
      reportDuplicates(ctx, Object.entries(entries), {
        keyOf: ([, spec]) => spec.repository,
        pathOf: ([name]) => [name, 'repository'],
        messageOf: ([first]) => `repositories must be unique; image '${first}' already uses it`,
      }),
    );
}

/** How the images are resolved: where from, how many at once, with which cache and limits. */
function buildSection() {
  return z
    .strictObject({
      imageSource: choice(IMAGE_SOURCES),
      /**
       * The images of a workflow run as one workflow artifact: an images-only run writes it, a run
       * with image source `artifact` loads it. Empty name: none.
       */
      imagesArtifact: z.strictObject({
        name: z
          .string({ error: 'expected an artifact name without " : < > | * ? \\ / or line breaks, or empty for none' })
          .regex(/^[^":<>|*?\\/\r\n]*$/),
        /** The workflow run that made it; 0: this run. */
        runId: integer(0, Number.MAX_SAFE_INTEGER),
      }),
      concurrency: integerOrAuto(1, 16),
      cache: choice(CACHE_MODES),
      timeoutMinutes: integer(1, 360),
      memoryBudgetMiB: integerOrAuto(512, 1048576),
      contextWarnMiB: integer(1, 1048576),
      /** Builds whose context is larger fail before they start. */
      contextLimitMiB: integer(1, 1048576),
      /** A pull or push that prints nothing this long is stopped as stalled and tried again. */
      stallSeconds: integer(1, 3600),
      /** overlap: the cluster is created while images build; build-first: images, then cluster. */
      order: choice(BUILD_ORDERS),
      /** Brings a crashed docker daemon back (e.g. `sudo systemctl restart docker`); null: wait for it. */
      engineRestartCommand: optionalCommand('none: a crashed daemon is waited for, never restarted'),
    })
    .superRefine(checkBuild);
}

/** The kind cluster. */
function clusterSection({ path, optionalPath }: RepoPaths) {
  const portMapping = z.strictObject({
    containerPort: integer(1, 65535),
    hostPort: integer(1, 65535),
  });

  return z.strictObject({
    name: dnsLabel('a cluster name'),
    /** auto: the engine that builds the images. */
    provider: choice(KIND_PROVIDERS),
    /** With setup suite: create the cluster before the suite, which then reuses it. */
    createAhead: flag(),
    kindVersion: kindVersion(),
    /** Should be pinned by digest. */
    nodeImage: imageReference(),
    /** setup action: merged into the generated kind configuration; setup suite: the suite's own, used as it is. */
    kindConfig: optionalPath('a kind cluster configuration file'),
    /** Reuse a healthy cluster of the same name instead of recreating it. */
    reuse: flag(),
    keep: flag(),
    portMappings: z.array(portMapping).superRefine((mappings, ctx) =>
      reportDuplicates(ctx, [...mappings.entries()], {
        keyOf: ([, mapping]) => mapping.hostPort,
        pathOf: ([index]) => [index, 'hostPort'],
        messageOf: ([first]) => `host ports must be unique; portMappings[${first}] already uses it`,
      }),
    ),
    coverageHostDir: path('the host directory mounted at the coverage directory of the node'),
  });
}

/** What is applied to the cluster, stage by stage. */
function deploySection({ path, optionalPath }: RepoPaths, builtInManifests: readonly string[]) {
  const stage = z.strictObject({
    name: dnsLabel('a stage name'),
    manifests: z.array(nonEmptyText('a manifest name')).min(1, { error: 'expected at least one manifest' }),
    timeoutSeconds: integer(1, 3600).default(300),
  });

  return z
    .strictObject({
      namespace: dnsLabel('a namespace'),
      /** Empty: the action's built-in manifests. */
      manifestsDir: optionalPath('a directory of manifests that replaces the built-in set'),
      /** Applied first and waited for until Established. */
      crds: z.array(path('a CustomResourceDefinition manifest')),
      extraManifests: z.array(path('a manifest to add')),
      /** Built-in manifest file name → repository path. */
      replaceManifests: z.record(z.string(), path('a manifest replacing a built-in one')),
      /** In order; the manifests inside one stage are applied in parallel. */
      stages: z.array(stage).min(1, { error: 'expected at least one stage' }),
    })
    .superRefine((value, ctx) => checkStages(value, ctx, builtInManifests), {
      when: (payload) => sectionsValid(payload.issues, ['stages', 'extraManifests']),
    });
}

/** The E2E suite: how it runs, what it leaves, which failures are known. */
function suiteSection({ path }: RepoPaths) {
  const knownFailure = z.strictObject({
    /** The full spec name as Ginkgo reports it. */
    spec: nonEmptyText('the full spec name'),
    owner: nonEmptyText('who owns the fix, such as @team'),
    reason: nonEmptyText('why the spec fails'),
    /** After this date the failure fails the job again. */
    expires: isoDate('the date the exemption ends'),
  });

  return z.strictObject({
    command: command(),
    contract: choice(SUITE_CONTRACTS),
    handoff: choice(HANDOFF_MODES),
    /** The Ginkgo packages the make target runs; the spec listing of a shard runs Ginkgo on them. */
    ginkgoPackages: z.array(nonEmptyText('a Go package pattern such as ./test/e2e/aianalysis/...')),
    /**
     * Files and folders the suite reads besides the Go source of its packages (what its
     * setup deploys or builds from): for the paths filter (`aianalysis-e2e paths`).
     */
    inputs: z.array(path('a file or folder the suite reads')).default([]),
    /** Files and folders the suite leaves (must-gather, coverage); `*` matches within the last name. */
    evidence: z.array(evidencePath()),
    workingDirectory: path('the directory the suite runs in'),
    timeoutMinutes: integer(1, 360),
    /** After the timeout or a cancellation, how long the suite may take to write its reports before SIGKILL. */
    stopGraceSeconds: integer(1, 600),
    junitReport: path('where the JUnit report is written'),
    /** Lists the specs for sharding (a Ginkgo dry run writing a JSON report); null: the suite command. */
    listCommand: optionalCommand('the suite command').superRefine(checkPlaceholders),
    env: stringMap('an environment variable name'),
    /**
     * Variables of the action's environment that programs it starts get although they are
     * withheld by default (inputs, secrets, the runner's command files: see util/child-env).
     */
    passEnv: z.array(variableName('an environment variable name')).default([]),
    ginkgoFocus: text(),
    ginkgoLabel: text(),
    shard: shard(),
    /** Run and reported, but do not fail the job until they expire. */
    knownFailures: z.array(knownFailure),
  });
}

/** Go coverage of the deployed services. */
function coverageSection({ optionalPath }: RepoPaths) {
  return z.strictObject({
    enabled: flag(),
    podDir: absolutePosixPath('the coverage directory in the pods'),
    /** Rewritten to the repository root in the coverage profile. */
    buildPath: absolutePosixPath('the source path inside the build images'),
    buildArgs: stringMap('a build argument name'),
    deployments: z.array(dnsSubdomain('a Deployment name')),
    /** setup suite: the Go coverage profile the suite writes; its total is the coverage-percent output. */
    profile: optionalPath('a Go coverage profile the suite writes'),
    /**
     * The service name of the coverage artifacts kubernaut's CI summary reads
     * (`coverage-e2e-<name>`, `coverage-profile-e2e-<name>`); empty: none. A shard uploads its
     * profile for the merging job instead.
     */
    ciArtifacts: z
      .string({ error: 'expected a service name of lower-case letters, digits and dashes (aianalysis), or empty for none' })
      .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/),
  });
}

/** The evidence artifact and the timing baseline. */
function reportSection() {
  return z.strictObject({
    artifactName: z
      .string({ error: 'expected an artifact name: not empty, without " : < > | * ? \\ / or line breaks' })
      .regex(/^[^":<>|*?\\/\r\n]+$/),
    retentionDays: integer(1, 90),
    /** A phase slower than its baseline by more than this factor is reported. */
    baselineSlowdownRatio: z.number({ error: 'expected a number of at least 1 (1.5 = 50% slower)' }).min(1),
    logsOnSuccess: flag(),
  });
}

/** The run as a whole. */
function runSection() {
  return z.strictObject({
    timeoutMinutes: integer(1, 360),
    dryRun: flag(),
    /** Resolve the images (and push them when asked), then stop: no cluster, deploy or suite. */
    imagesOnly: flag(),
    /** Only merge the coverage profiles the shard jobs of this workflow run uploaded (coverage.ciArtifacts). */
    mergeCoverage: flag(),
  });
}

/** The context warning comes below its limit; a daemon restart only before the cluster exists. */
function checkBuild(value: { contextWarnMiB: number; contextLimitMiB: number; engineRestartCommand: string[] | null; order: string }, ctx: z.RefinementCtx): void {
  if (value.contextWarnMiB > value.contextLimitMiB) {
    ctx.addIssue({
      code: 'custom',
      path: ['contextWarnMiB'],
      input: value.contextWarnMiB,
      message: `expected at most build.contextLimitMiB (${value.contextLimitMiB})`,
    });
  }
  // A daemon restart stops every container: the kind nodes must not exist yet.
  if (value.engineRestartCommand !== null && value.order !== 'build-first') {
    ctx.addIssue({
      code: 'custom',
      path: ['engineRestartCommand'],
      input: value.engineRestartCommand,
      message:
        "restarting the docker daemon stops the kind nodes too; set build.order to 'build-first' so the cluster is created after the images",
    });
  }
}

export type ConfigSchema = ReturnType<typeof createConfigSchema>;
/** The configuration file's content (every section optional there; complete once merged with the defaults). */
export type ConfigFileData = z.input<ConfigSchema>;
export type ParsedConfig = z.output<ConfigSchema>;

/** Words of suite.listCommand may contain these as `{name}`; they are replaced before it runs. */
export const LIST_COMMAND_PLACEHOLDERS = ['jsonReport', 'focus', 'label'] as const;

function checkPlaceholders(words: string[] | null, ctx: z.RefinementCtx): void {
  const allowed: readonly string[] = LIST_COMMAND_PLACEHOLDERS;
  words?.forEach((word, index) => {
    for (const [, name] of word.matchAll(/\{([^{}]*)\}/g)) {
      if (allowed.includes(name as string)) continue;
      ctx.addIssue({
        code: 'custom',
        path: [index],
        input: word,
        message: `unknown placeholder {${name}}; expected ${LIST_COMMAND_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
      });
    }
  });
}

type DeploySettings = {
  crds: string[];
  extraManifests: string[];
  replaceManifests: Record<string, string>;
  stages: { name: string; manifests: string[] }[];
};

/** Stages may only apply known manifests, each once; every extra manifest must be placed in a stage. */
function checkStages(deploy: DeploySettings, ctx: z.RefinementCtx, builtIns: readonly string[]): void {
  for (const name of Object.keys(deploy.replaceManifests)) {
    if (!builtIns.includes(name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['replaceManifests', name],
        input: name,
        message: `expected the file name of a built-in manifest; ${suggestion(name, builtIns)}`,
      });
    }
  }

  const known = [...builtIns, ...deploy.extraManifests];
  const placedBy = new Map<string, string>();
  deploy.stages.forEach((stage, stageIndex) => {
    stage.manifests.forEach((manifest, manifestIndex) => {
      const name = known.includes(manifest) ? manifest : posix.normalize(manifest);
      const path = ['stages', stageIndex, 'manifests', manifestIndex];
      const owner = placedBy.get(name);
      if (!known.includes(name)) {
        ctx.addIssue({
          code: 'custom',
          path,
          input: manifest,
          message: `expected a built-in manifest or an entry of deploy.extraManifests; ${suggestion(manifest, known)}`,
        });
      } else if (owner !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path,
          input: manifest,
          message: `each manifest is applied once; stage '${owner}' already applies it`,
        });
      } else {
        placedBy.set(name, stage.name);
      }
    });
  });
  reportDuplicates(ctx, [...deploy.stages.entries()], {
    keyOf: ([, stage]) => stage.name,
    pathOf: ([index]) => ['stages', index, 'name'],
    messageOf: ([first]) => `stage names must be unique; stages[${first}] already uses it`,
  });

  deploy.extraManifests.forEach((manifest, index) => {
    if (!placedBy.has(manifest)) {
      ctx.addIssue({
        code: 'custom',
        path: ['extraManifests', index],
        input: manifest,
        message: 'expected to be applied by a stage; add it to the manifests of the stage of deploy.stages that must apply it',
      });
    }
  });
}

type MergeNeeds = { coverage: { ciArtifacts: string }; run: { mergeCoverage: boolean } };

/** The merging job uploads under the CI names: it needs them. */
function checkMergeNeeds(config: MergeNeeds, ctx: z.RefinementCtx): void {
  if (!config.run.mergeCoverage || config.coverage.ciArtifacts !== '') return;
  ctx.addIssue({
    code: 'custom',
    path: ['coverage', 'ciArtifacts'],
    input: '',
    message: "merging coverage needs the service name of the coverage artifacts: set the input 'coverage-artifacts' as in the shard jobs (e.g. aianalysis)",
  });
}

type RegistryNeeds = {
  registry: { prefix: string; push: boolean };
  build: { imageSource: string; cache: string; imagesArtifact: { name: string } };
};

/** Settings that only make sense with a registry. */
function checkRegistryNeeds(config: RegistryNeeds, ctx: z.RefinementCtx): void {
  if (config.build.imageSource === 'artifact' && config.build.imagesArtifact.name === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['build', 'imagesArtifact', 'name'],
      input: '',
      message: "image source 'artifact' needs the images artifact's name: set the input 'images-artifact' (the name the images job wrote)",
    });
  }
  if (config.registry.prefix !== '') return;
  const needs = [
    { active: config.registry.push, path: ['registry', 'push'], input: true, reason: 'pushing needs a registry' },
    { active: config.build.imageSource === 'pull', path: ['build', 'imageSource'], input: 'pull', reason: "'pull' needs a registry" },
    { active: config.build.cache === 'registry', path: ['build', 'cache'], input: 'registry', reason: "the 'registry' cache needs a registry" },
  ];
  for (const need of needs.filter((n) => n.active)) {
    ctx.addIssue({
      code: 'custom',
      path: need.path,
      input: need.input,
      message: `${need.reason}: set the input 'registry' or registry.prefix in the configuration file`,
    });
  }
}

type SetupNeeds = {
  setup: (typeof SETUPS)[number];
  images: Record<string, unknown>;
  registry: { prefix: string };
  suite: { handoff: (typeof HANDOFF_MODES)[number] };
};

/** A suite that sets up its own stack must be able to take the images the action resolves. */
function checkSetup(config: SetupNeeds, ctx: z.RefinementCtx): void {
  if (config.setup !== 'suite') return;
  const imageCount = Object.keys(config.images).length;
  if (config.suite.handoff === 'none' && imageCount > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['suite', 'handoff'],
      input: 'none',
      message: `the suite builds its own images, so the ${imageCount} configured images would be built for nothing; set images: {} or choose a hand-off (artifact-tag, registry)`,
    });
  }
  if (config.suite.handoff === 'registry' && config.registry.prefix === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['suite', 'handoff'],
      input: 'registry',
      message: "the 'registry' hand-off needs a registry: set the input 'registry' or registry.prefix, or choose 'artifact-tag'",
    });
  }
}

/** Whether no issue lies under the given top-level keys of the value being refined. */
function sectionsValid(issues: readonly Issue[], sections: readonly string[]): boolean {
  return !issues.some((issue) => sections.includes(String(issue.path?.[0])));
}

/** Adds an issue at every entry whose key repeats the key of an earlier entry. */
function reportDuplicates<T>(
  ctx: z.RefinementCtx,
  entries: readonly T[],
  how: { keyOf: (entry: T) => unknown; pathOf: (entry: T) => PropertyKey[]; messageOf: (firstEntry: T) => string },
): void {
  const first = new Map<unknown, T>();
  for (const entry of entries) {
    const key = how.keyOf(entry);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, entry);
    else ctx.addIssue({ code: 'custom', path: how.pathOf(entry), input: key, message: how.messageOf(earlier) });
  }
}
