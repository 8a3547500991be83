/**
 * Running the E2E suite: the configured command (an argument vector, never a shell) in its
 * working directory, its output streaming live, with its own timeout and cancellation. Stopping
 * sends SIGTERM to the whole process tree and SIGKILL only after a grace period, because Ginkgo
 * answers SIGTERM by running its cleanup and writing its reports: a stopped run still leaves its
 * evidence.
 *
 * How the focus, the label filter and the JUnit report reach the suite is its contract:
 *  - makefile (kubernaut): make variables GINKGO (a wrapper adding --junit-report),
 *    GINKGO_FOCUS and GINKGO_LABEL, as the Makefile reads them (see makefile.ts); specs of a
 *    shard are listed by the repository's ginkgo with --dry-run, which runs no BeforeSuite;
 *  - environment: GINKGO_FOCUS, GINKGO_LABEL and GINKGO_JUNIT_REPORT as environment variables,
 *    for a suite of one's own; specs are listed by the command with GINKGO_DRY_RUN=true.
 * Beside that the suite gets what the run decided: the hand-off variables, E2E_COVERAGE,
 * KEEP_CLUSTER, KUBECONFIG (a deployed stack), KIND_EXPERIMENTAL_PROVIDER, and suite.env.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Shard } from '../config/index.js';
import type { Log } from '../util/log.js';
import { displayCommand, run } from '../util/process.js';
import { makeUnsafeLabel } from './make-quoting.js';
import { makeArguments, WRAPPER_GINKGO_ENV, WRAPPER_JUNIT_ENV, type MakefileFilters } from './makefile.js';
import { selectShard, shardFocus, type ShardSelection } from './shard.js';
import { listSpecs } from './spec-listing.js';

export type SuiteContract =
  | { kind: 'environment'; /** The dry run that lists the specs for sharding; null: the suite command. */ listCommand: readonly string[] | null }
  | {
      kind: 'makefile';
      /** Named as GINKGO; runs `ginkgo` with the JUnit report. */
      wrapper: string;
      /** The repository's ginkgo. */
      ginkgo: string;
      packages: readonly string[];
      filters: MakefileFilters;
    };

/** The suite part of the plan, with the settings that only the suite uses. */
export interface SuiteRunSettings {
  command: readonly string[];
  /** Repository-relative. */
  workingDirectory: string;
  /** From the plan: suite.env, E2E_COVERAGE, KEEP_CLUSTER. */
  env: Readonly<Record<string, string>>;
  focus: string;
  label: string;
  /** Where the suite writes its JUnit report: absolute, or relative to the repository. */
  junitReport: string;
  timeoutMinutes: number;
  stopGraceSeconds: number;
  shard: Shard | null;
  contract: SuiteContract;
}

/** What the run provides. */
export interface SuiteRunContext {
  repoRoot: string;
  /** The deployed stack's cluster (setup action). */
  kubeconfig?: string;
  /** The variables through which the suite finds the images (setup suite). */
  handoffEnv?: Readonly<Record<string, string>>;
  /** The engine the cluster's nodes run on, for the suite's own kind calls. */
  provider?: 'docker' | 'podman';
  /** Put first on PATH (the kind the action installed). */
  toolDirs?: readonly string[];
  log: Log;
  signal?: AbortSignal;
  /** Limit of the spec listing of a sharded run. */
  listTimeoutMs?: number;
}

export interface SuiteRun {
  /** As shown in the log. */
  command: string;
  /** Absolute path the suite was told to write its JUnit report to. */
  junitReport: string;
  /** The reports found after the run: that file, or Ginkgo's per-suite `<suite>_<name>` files beside it. */
  reportFiles: string[];
  /** False when nothing ran: the shard had no specs, or the run was cancelled before the suite started. */
  started: boolean;
  /** null when the suite was ended by a signal or did not start. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  cancelled: boolean;
  /** When the suite process started (epoch ms); what it leaves is newer. */
  startedAt: number;
  durationMs: number;
  timeoutMinutes: number;
  /** The last lines of output (redacted), shown when the suite left no results. */
  tail: string[];
  shard: ShardSelection | null;
}

/** Inherited values of these would change what runs; only the ones the run sets count. */
const CONTROLLED = [
  'GINKGO',
  'GINKGO_FOCUS',
  'GINKGO_LABEL',
  'GINKGO_SKIP',
  'GINKGO_DRY_RUN',
  'GINKGO_JSON_REPORT',
  'GINKGO_JUNIT_REPORT',
  'IMAGE_REGISTRY',
  'IMAGE_TAG',
  'KUBERNAUT_CI_ARTIFACT_TAG',
  'KEEP_CLUSTER',
  'SKIP_CLEANUP',
  'E2E_COVERAGE',
  'KIND_EXPERIMENTAL_PROVIDER',
  WRAPPER_GINKGO_ENV,
  WRAPPER_JUNIT_ENV,
] as const;

/** The suite's environment (merged over the action's own); `undefined` removes a variable. */
export function suiteEnvironment(
  settings: Pick<SuiteRunSettings, 'env' | 'focus' | 'label' | 'contract'>,
  context: Pick<SuiteRunContext, 'kubeconfig' | 'handoffEnv' | 'provider' | 'toolDirs'>,
  junitReport: string,
): Record<string, string | undefined> {
  const contract =
    settings.contract.kind === 'makefile'
      ? { [WRAPPER_GINKGO_ENV]: settings.contract.ginkgo, [WRAPPER_JUNIT_ENV]: junitReport }
      : {
          GINKGO_JUNIT_REPORT: junitReport,
          ...(settings.focus ? { GINKGO_FOCUS: settings.focus } : {}),
          ...(settings.label ? { GINKGO_LABEL: settings.label } : {}),
        };
  return {
    ...Object.fromEntries(CONTROLLED.map((name) => [name, undefined])),
    ...settings.env,
    ...context.handoffEnv,
    ...(context.kubeconfig ? { KUBECONFIG: context.kubeconfig } : {}),
    ...(context.provider ? { KIND_EXPERIMENTAL_PROVIDER: context.provider } : {}),
    ...(context.toolDirs?.length ? { PATH: [...context.toolDirs, process.env.PATH ?? ''].join(path.delimiter) } : {}),
    ...contract,
  };
}

/** The program and arguments that run the suite with the given focus. */
export function suiteCommand(settings: Pick<SuiteRunSettings, 'command' | 'label' | 'contract'>, focus: string): { program: string; args: string[] } {
  if (settings.contract.kind === 'makefile') return makeArguments(settings.command, { wrapper: settings.contract.wrapper, focus, label: settings.label });
  const [program, ...args] = settings.command as [string, ...string[]];
  return { program, args };
}

/**
 * Why the settings cannot run as asked, or undefined: filters a Makefile does not pass on are
 * refused instead of silently running every spec (in every shard).
 */
export function contractProblem(settings: Pick<SuiteRunSettings, 'command' | 'focus' | 'label' | 'shard' | 'contract'>): string | undefined {
  const { contract } = settings;
  if (contract.kind !== 'makefile') return undefined;
  const target = settings.command.join(' ');
  if (!contract.filters.ginkgoVariable) {
    return `${target} does not run ginkgo through the GINKGO variable, so no JUnit report can be asked for: use suite.contract 'environment' with a command of your own`;
  }
  const needsFocus = settings.shard !== null ? `shard ${settings.shard.index}/${settings.shard.total}` : settings.focus ? 'ginkgo-focus' : undefined;
  if (needsFocus && !contract.filters.focus) {
    return `${needsFocus} needs a focus, but ${target} passes no GINKGO_FOCUS to ginkgo (this Makefile has no spec filter): run without it, or with a suite.command that filters`;
  }
  if (settings.label && !contract.filters.label) return `ginkgo-label is set, but ${target} passes no GINKGO_LABEL to ginkgo`;
  const unsafeLabel = settings.label ? makeUnsafeLabel(settings.label) : undefined;
  return unsafeLabel ? `ginkgo-label '${settings.label}': ${unsafeLabel}` : undefined;
}

/** How the specs of a shard are listed. */
function listCommandOf(settings: SuiteRunSettings): readonly string[] {
  const { contract } = settings;
  if (contract.kind === 'environment') return contract.listCommand ?? settings.command;
  return [
    contract.ginkgo,
    '--dry-run',
    '--json-report={jsonReport}',
    ...(settings.focus ? [`--focus=${settings.focus}`] : []),
    ...(settings.label ? [`--label-filter=${settings.label}`] : []),
    ...contract.packages,
  ];
}

export async function runSuite(settings: SuiteRunSettings, context: SuiteRunContext): Promise<SuiteRun> {
  const { log } = context;
  const cwd = path.resolve(context.repoRoot, settings.workingDirectory);
  const junitReport = path.resolve(context.repoRoot, settings.junitReport);
  const problem = contractProblem(settings);
  if (problem) throw new Error(problem);
  const env = suiteEnvironment(settings, context, junitReport);
  const killGraceMs = settings.stopGraceSeconds * 1000;
  let { program, args } = suiteCommand(settings, settings.focus);
  // What is known before the suite starts; a run that never starts ends with this.
  const before: SuiteRun = {
    command: displayCommand(program, args),
    junitReport,
    reportFiles: [],
    started: false,
    exitCode: null,
    signal: null,
    timedOut: false,
    cancelled: false,
    startedAt: Date.now(),
    durationMs: 0,
    timeoutMinutes: settings.timeoutMinutes,
    tail: [],
    shard: null,
  };

  let shard: ShardSelection | null = null;
  if (settings.shard !== null) {
    const listing = await listSpecs({
      command: listCommandOf(settings),
      cwd,
      env,
      focus: settings.focus,
      label: settings.label,
      log,
      signal: context.signal,
      timeoutMs: context.listTimeoutMs,
      killGraceMs,
    });
    if (listing.specs === undefined) return { ...before, cancelled: true };
    shard = selectShard(listing.specs, settings.shard);
    log.info(`Shard ${shard.index}/${shard.total} runs ${shard.specs.length} of the ${shard.listed} listed specs.`);
    if (shard.specs.length === 0) return { ...before, shard };
    const focus = shardFocus(shard.specs);
    if (settings.contract.kind === 'environment') env.GINKGO_FOCUS = focus;
    ({ program, args } = suiteCommand(settings, focus));
  }

  // A report left by an earlier run would be read as this run's.
  await removeReports(junitReport);
  await mkdir(path.dirname(junitReport), { recursive: true });
  const startedAt = Date.now();
  const result = await run(program, args, {
    cwd,
    env,
    log,
    group: `E2E suite: ${displayCommand(program, args)}`,
    timeoutMs: settings.timeoutMinutes * 60_000,
    killGraceMs,
    signal: context.signal,
  });
  return {
    ...before,
    shard,
    command: result.command,
    reportFiles: await findReports(junitReport),
    started: result.pid !== undefined,
    exitCode: result.exitCode,
    signal: result.signal,
    timedOut: result.timedOut,
    cancelled: result.cancelled,
    startedAt,
    durationMs: result.durationMs,
    tail: result.tail,
  };
}

/**
 * The report, or the per-suite reports Ginkgo writes with --keep-separate-reports and
 * --output-dir (`<dir>/<suite>_<name>`), in name order.
 */
export async function findReports(junitReport: string): Promise<string[]> {
  const dir = path.dirname(junitReport);
  const name = path.basename(junitReport);
  const entries = await readdir(dir).catch(() => [] as string[]);
  const candidates = entries.filter((entry) => entry === name || entry.endsWith(`_${name}`)).sort();
  const files: string[] = [];
  for (const entry of candidates) {
    const file = path.join(dir, entry);
    if ((await stat(file)).isFile()) files.push(file);
  }
  return files;
}

async function removeReports(junitReport: string): Promise<void> {
  for (const file of await findReports(junitReport)) await rm(file, { force: true });
}
