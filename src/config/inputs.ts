/**
 * The action's inputs (the CLI takes the same names). Inputs are strings; most of them override a
 * key of the configuration file, and an empty input means "the file's value, else the built-in
 * default". action.yml must therefore give those inputs an empty default.
 */

/** How an input's text becomes the value of its file key before validation. */
export type InputSyntax = 'text' | 'boolean' | 'integer';

export interface InputSpec {
  readonly name: string;
  /** The configuration file key the input overrides (dotted), if any. */
  readonly fileKey?: string;
  readonly syntax: InputSyntax;
  /** Never shown in messages or output. */
  readonly secret?: boolean;
}

export const INPUTS = [
  { name: 'config', syntax: 'text' },
  { name: 'setup', fileKey: 'setup', syntax: 'text' },
  { name: 'image-source', fileKey: 'build.imageSource', syntax: 'text' },
  { name: 'registry', fileKey: 'registry.prefix', syntax: 'text' },
  { name: 'registry-username', syntax: 'text' },
  { name: 'registry-password', syntax: 'text', secret: true },
  { name: 'push', fileKey: 'registry.push', syntax: 'boolean' },
  { name: 'cache', fileKey: 'build.cache', syntax: 'text' },
  { name: 'build-concurrency', fileKey: 'build.concurrency', syntax: 'integer' },
  { name: 'container-engine', fileKey: 'engine', syntax: 'text' },
  { name: 'kind-version', fileKey: 'cluster.kindVersion', syntax: 'text' },
  { name: 'node-image', fileKey: 'cluster.nodeImage', syntax: 'text' },
  { name: 'cluster-name', fileKey: 'cluster.name', syntax: 'text' },
  { name: 'keep-cluster', fileKey: 'cluster.keep', syntax: 'boolean' },
  { name: 'coverage', fileKey: 'coverage.enabled', syntax: 'boolean' },
  { name: 'test-command', fileKey: 'suite.command', syntax: 'text' },
  { name: 'ginkgo-focus', fileKey: 'suite.ginkgoFocus', syntax: 'text' },
  { name: 'ginkgo-label', fileKey: 'suite.ginkgoLabel', syntax: 'text' },
  { name: 'shard', fileKey: 'suite.shard', syntax: 'text' },
  { name: 'artifact-name', fileKey: 'report.artifactName', syntax: 'text' },
  { name: 'retention-days', fileKey: 'report.retentionDays', syntax: 'integer' },
  { name: 'timeout-minutes', fileKey: 'run.timeoutMinutes', syntax: 'integer' },
  { name: 'dry-run', fileKey: 'run.dryRun', syntax: 'boolean' },
  { name: 'images-only', fileKey: 'run.imagesOnly', syntax: 'boolean' },
  { name: 'images-artifact', fileKey: 'build.imagesArtifact.name', syntax: 'text' },
  { name: 'images-artifact-run-id', fileKey: 'build.imagesArtifact.runId', syntax: 'integer' },
  { name: 'github-token', syntax: 'text', secret: true },
  { name: 'coverage-artifacts', fileKey: 'coverage.ciArtifacts', syntax: 'text' },
  { name: 'merge-coverage', fileKey: 'run.mergeCoverage', syntax: 'boolean' },
] as const satisfies readonly InputSpec[];

export type InputName = (typeof INPUTS)[number]['name'];

export const INPUT_NAMES: readonly InputName[] = INPUTS.map((input) => input.name);

export type Inputs = Partial<Record<string, string>>;

/** The spellings @actions/core's getBooleanInput accepts. */
const BOOLEAN_TEXT: Readonly<Record<string, boolean>> = {
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false,
};

/**
 * The input's text as a value of its file key. Text that does not fit the syntax is passed on
 * unchanged, so that validation reports it against what the key allows.
 */
export function inputValue(syntax: InputSyntax, raw: string): unknown {
  switch (syntax) {
    case 'text':
      return raw;
    case 'boolean':
      return BOOLEAN_TEXT[raw] ?? raw;
    case 'integer':
      return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  }
}
