/**
 * Running the E2E suite: the configured command (an argument vector, never a shell) in its
 * working directory, its output streaming live, with its own timeout and cancellation. Stopping
 * sends SIGTERM to the whole process tree and SIGKILL only after a grace period, because Ginkgo
 * answers SIGTERM by running its cleanup and writing its reports: a stopped run still leaves its
 * evidence.
 *
 * What reaches the suite, as environment variables (kubernaut's Makefile hands them to ginkgo):
 *  - GINKGO_JUNIT_REPORT: the absolute path of the JUnit report (`ginkgo --junit-report`);
 *  - GINKGO_FOCUS, GINKGO_LABEL: the configured focus and label filter; a shard's focus replaces
 *    the configured focus (see shard.ts);
 *  - KUBECONFIG, IMAGE_REGISTRY, IMAGE_TAG, E2E_COVERAGE from the run, and suite.env.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Shard } from '../config/index.js';
import type { Log } from '../util/log.js';
import { displayCommand, run } from '../util/process.js';
import { listSpecs, selectShard, shardFocus, type ShardSelection } from './shard.js';

/** The suite part of the plan, with the settings that only the suite uses. */
export interface SuiteRunSettings {
  command: readonly string[];
  /** Repository-relative. */
  workingDirectory: string;
  /** From the plan: suite.env, E2E_COVERAGE, KEEP_CLUSTER, GINKGO_FOCUS, GINKGO_LABEL, IMAGE_REGISTRY. */
  env: Readonly<Record<string, string>>;
  /** Where the suite writes its JUnit report: absolute, or relative to the repository. */
  junitReport: string;
  timeoutMinutes: number;
  stopGraceSeconds: number;
  shard: Shard | null;
  /** The dry run that lists the specs for sharding; null: the suite command. */
  listCommand: readonly string[] | null;
}

/** What the run provides. */
export interface SuiteRunContext {
  repoRoot: string;
  kubeconfig: string;
  imageTag: string;
  /** Empty: images were loaded into the cluster, not pulled from a registry. */
  imageRegistry: string;
  coverage: boolean;
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
  durationMs: number;
  timeoutMinutes: number;
  /** The last lines of output (redacted), shown when the suite left no results. */
  tail: string[];
  shard: ShardSelection | null;
}

/** Inherited values of these would change what runs; only the configured ones count. */
const CONTROLLED = ['GINKGO_FOCUS', 'GINKGO_LABEL', 'GINKGO_DRY_RUN', 'GINKGO_JSON_REPORT', 'IMAGE_REGISTRY'] as const;

/** The suite's environment (merged over the action's own); `undefined` removes a variable. */
export function suiteEnvironment(
  settings: Pick<SuiteRunSettings, 'env'>,
  context: Pick<SuiteRunContext, 'kubeconfig' | 'imageTag' | 'imageRegistry' | 'coverage'>,
  junitReport: string,
): Record<string, string | undefined> {
  return {
    ...Object.fromEntries(CONTROLLED.map((name) => [name, undefined])),
    ...settings.env,
    KUBECONFIG: context.kubeconfig,
    IMAGE_TAG: context.imageTag,
    IMAGE_REGISTRY: context.imageRegistry === '' ? undefined : context.imageRegistry,
    E2E_COVERAGE: String(context.coverage),
    GINKGO_JUNIT_REPORT: junitReport,
  };
}

export async function runSuite(settings: SuiteRunSettings, context: SuiteRunContext): Promise<SuiteRun> {
  const { log } = context;
  const cwd = path.resolve(context.repoRoot, settings.workingDirectory);
  const junitReport = path.resolve(context.repoRoot, settings.junitReport);
  const env = suiteEnvironment(settings, context, junitReport);
  const killGraceMs = settings.stopGraceSeconds * 1000;
  const [program, ...args] = settings.command as [string, ...string[]];
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
    durationMs: 0,
    timeoutMinutes: settings.timeoutMinutes,
    tail: [],
    shard: null,
  };

  let shard: ShardSelection | null = null;
  if (settings.shard !== null) {
    const listing = await listSpecs({
      command: settings.listCommand ?? settings.command,
      cwd,
      env,
      log,
      signal: context.signal,
      timeoutMs: context.listTimeoutMs,
      killGraceMs,
    });
    if (listing.specs === undefined) return { ...before, cancelled: true };
    shard = selectShard(listing.specs, settings.shard);
    log.info(`Shard ${shard.index}/${shard.total} runs ${shard.specs.length} of the ${shard.listed} listed specs.`);
    if (shard.specs.length === 0) return { ...before, shard };
    env.GINKGO_FOCUS = shardFocus(shard.specs);
  }

  // A report left by an earlier run would be read as this run's.
  await removeReports(junitReport);
  await mkdir(path.dirname(junitReport), { recursive: true });
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
