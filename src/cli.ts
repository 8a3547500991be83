// The local command: `aianalysis-e2e run [flags]` runs the same engine as the action, with the
// action's inputs as flags and a console reporter; `aianalysis-e2e paths` prints (or checks) the
// `paths` filter for the workflows.
import { join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { runWithHost } from './app.js';
import { INPUTS } from './config/index.js';
import { consoleHost } from './host/console.js';
import { workflowRun } from './host/workflow-run.js';
import { routeToolkitDebug } from './host/toolkit-debug.js';
import { CLUSTER_STATE_KEY, REGISTRY_AUTH_STATE_KEY } from './pipeline/state-keys.js';
import { cancellationOnSignals } from './scheduler/cancel.js';
import { PASSWORD_VARIABLE } from './util/child-env.js';
import { consoleLog, registerSecret } from './util/log.js';
import { VERSION } from './version.js';

const OWN_FLAGS = {
  repo: { type: 'string', default: '.' },
  'work-dir': { type: 'string' },
  verbose: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
  explain: { type: 'string' },
  check: { type: 'string', multiple: true },
} as const satisfies ParseArgsConfig['options'];

// A secret input is read from PASSWORD_VARIABLE, never from a flag (flags show in `ps` and shell history).
const FLAG_INPUTS = INPUTS.filter((input) => !('secret' in input));

/** Boolean inputs are flags without a value (`--dry-run`); the others take one (`--shard 1/2`). */
const INPUT_FLAGS = Object.fromEntries(
  FLAG_INPUTS.map((input) => [input.name, { type: input.syntax === 'boolean' ? 'boolean' : 'string' }]),
) as Record<string, { type: 'boolean' | 'string' }>;

export function usage(): string {
  const inputs = FLAG_INPUTS.map((input) => `  --${input.name}${input.syntax === 'boolean' ? '' : ' VALUE'}`).join('\n');
  return `Usage: aianalysis-e2e run [flags]
       aianalysis-e2e paths [--repo DIR] [--config FILE] [--check WORKFLOW]...

Runs kubernaut's AIAnalysis E2E suite on a local Kind cluster with Docker or Podman, exactly as
the GitHub Action does. Every flag is the action input of the same name (see action.yml);
an absent flag takes the config file's value, else the built-in default.

Flags:
  --repo DIR        the repository to test (default: the current directory)
  --work-dir DIR    scratch space for kubeconfig, logs, reports and outputs.json
                    (default: ${defaultWorkDir()}); the run writes nothing outside it
  --verbose         print debug lines, the GitHub toolkit's included (--debug does the same)
  --help, -h        this text
  --version         the version
  --explain IMAGE   list the files that make IMAGE's content tag, each with why, then stop
${inputs}

The registry password is read from the environment variable ${PASSWORD_VARIABLE}.

\`paths\` prints the \`paths:\` filter for the workflows (on.pull_request and on.push): every
file an image or the suite depends on, under the configuration in effect. With --check it prints
nothing and fails when a \`paths\` list of a WORKFLOW file differs from it.

Examples: aianalysis-e2e run --repo ../kubernaut --dry-run
          aianalysis-e2e paths --repo ../kubernaut --check ../kubernaut/.github/workflows/aianalysis-e2e-pr.yml
`;
}

/**
 * The user's own work folder, beside the tool cache (src/host/toolkit.ts): not the system temp
 * folder, which all users share.
 */
function defaultWorkDir(): string {
  return join(homedir(), '.cache', 'aianalysis-e2e', 'work');
}

/** Returns the action inputs given on the command line, or throws with a message naming the flag. */
export function parseCommandLine(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...OWN_FLAGS, ...INPUT_FLAGS },
    allowPositionals: true,
    strict: true,
  });
  const inputs: Record<string, string> = {};
  const given: Record<string, string | string[] | boolean | undefined> = values;
  for (const input of FLAG_INPUTS) {
    const value = given[input.name];
    if (value !== undefined) inputs[input.name] = String(value);
  }
  const password = process.env[PASSWORD_VARIABLE];
  if (password) {
    registerSecret(password);
    inputs['registry-password'] = password;
  }
  return { command: positionals[0], extra: positionals.slice(1), values, inputs };
}

export async function runCli(argv: string[] = process.argv.slice(2)): Promise<void> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n\n${usage()}`);
    process.exitCode = 2;
    return;
  }
  const { command, extra, values, inputs } = parsed;
  if (values.help) return void process.stdout.write(usage());
  if (values.version) return void process.stdout.write(`${VERSION}\n`);
  if ((command !== 'run' && command !== 'paths') || extra.length > 0) {
    process.stderr.write(`error: expected the command 'run' or 'paths'${command ? `, got '${[command, ...extra].join(' ')}'` : ''}\n\n${usage()}`);
    process.exitCode = 2;
    return;
  }
  if (command === 'paths') return paths(resolve(String(values.repo)), inputs, values.check ?? []);
  if (values.explain !== undefined) return explain(String(values.explain), resolve(String(values.repo)), inputs);
  const log = consoleLog(process.stdout, { debug: Boolean(values.verbose || values.debug) });
  const unrouteDebug = routeToolkitDebug(log);
  log.info(`aianalysis-e2e ${VERSION}`);
  const repoRoot = resolve(String(values.repo));
  const host = consoleHost({
    log,
    inputs,
    repoRoot,
    workDir: resolve(values['work-dir'] !== undefined ? String(values['work-dir']) : defaultWorkDir()),
    run: workflowRun(process.env),
  });
  const cancellation = cancellationOnSignals({ log });
  try {
    await runWithHost(host, cancellation);
  } finally {
    cancellation.dispose();
    // The local command has no post step: it removes its credentials and its cluster itself, last.
    const auth = host.state.get(REGISTRY_AUTH_STATE_KEY);
    if (auth) await (await import('./pipeline/cleanup.js')).cleanupRegistryAuth(auth, log);
    const saved = host.state.get(CLUSTER_STATE_KEY);
    if (saved) await (await import('./pipeline/cleanup.js')).cleanupCluster(saved, log);
    unrouteDebug();
  }
}

/** Loads the configuration for a command that only reads the repository; undefined (with the problems printed) when it is invalid. */
async function configOrProblems(repoRoot: string, inputs: Record<string, string>) {
  const { BUILT_IN_MANIFESTS, loadConfig, problemLocation, ConfigError } = await import('./config/index.js');
  try {
    return loadConfig({ inputs, repoRoot, builtInManifests: BUILT_IN_MANIFESTS });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`error: ${error.problems.map((problem) => `${problemLocation(problem)}: ${problem.message}`).join('\n')}\n`);
    process.exitCode = 1;
    return undefined;
  }
}

/**
 * `paths`: the workflows' `paths` filter, one YAML list; notes about what widened it go to stderr.
 * With `--check`, fails naming each workflow list that differs and how.
 */
async function paths(repoRoot: string, inputs: Record<string, string>, workflows: readonly string[]): Promise<void> {
  const config = await configOrProblems(repoRoot, inputs);
  if (!config) return;
  const { pathsFilter } = await import('./image-inputs/paths-filter.js');
  const { pathsDrift, pathsYaml, workflowPathsLists } = await import('./image-inputs/paths-workflow.js');
  const { readFile } = await import('node:fs/promises');
  let filter: Awaited<ReturnType<typeof pathsFilter>>;
  try {
    filter = await pathsFilter(config, repoRoot);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  for (const note of filter.notes) process.stderr.write(`note: ${note}\n`);
  if (workflows.length === 0) return void process.stdout.write(pathsYaml(filter.paths));
  for (const workflow of workflows) {
    let lists: ReturnType<typeof workflowPathsLists>;
    try {
      lists = workflowPathsLists(await readFile(workflow, 'utf8'));
    } catch (error) {
      lists = [];
      process.stderr.write(`error: ${workflow}: ${(error as Error).message}\n`);
    }
    if (lists.length === 0) process.stderr.write(`error: ${workflow}: no on.<event>.paths list to check\n`);
    const drifts = pathsDrift(lists, filter.paths);
    for (const drift of drifts) {
      const missing = drift.missing.map((path) => `\n  missing: ${path}`).join('');
      const extra = drift.extra.map((path) => `\n  not an input: ${path}`).join('');
      process.stderr.write(`error: ${workflow}: on.${drift.event}.paths differs from \`aianalysis-e2e paths\`${missing || extra ? `${missing}${extra}` : ' in order'}\n`);
    }
    if (lists.length === 0 || drifts.length > 0) process.exitCode = 1;
  }
}

/** `--explain IMAGE`: the image's inputs under the configuration in effect, one `path<TAB>why` a line. */
async function explain(name: string, repoRoot: string, inputs: Record<string, string>): Promise<void> {
  const config = await configOrProblems(repoRoot, inputs);
  if (!config) return;
  const { makePlan } = await import('./plan/plan.js');
  const { hashImage } = await import('./image-inputs/hash.js');
  const { explainInputs } = await import('./report/plan-render.js');
  const image = makePlan(config).images.find((candidate) => candidate.name === name);
  if (!image) {
    process.stderr.write(`error: --explain: no image '${name}'; the images are ${Object.keys(config.images).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  try {
    const limits = { warnMiB: config.build.contextWarnMiB, limitMiB: config.build.contextLimitMiB };
    const hash = await hashImage(repoRoot, image, limits);
    process.stdout.write(`tag ${hash.tag}; paths relative to the context ${image.context}\n${explainInputs(image.name, image.dockerfile, hash.inputs)}`);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
