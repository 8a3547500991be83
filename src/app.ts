// One run of the engine behind either face: configuration, plan, then the dry-run report or the
// pipeline, then the summary and outputs. Nothing starts before the whole configuration is valid.
import { BUILT_IN_MANIFESTS, ConfigError, describeConfig, loadConfig, problemLocation, type Config } from './config/index.js';
import type { Host } from './host/host.js';
import { claimWorkDir, WorkDirError } from './host/work-dir.js';
import { makePlan } from './plan/plan.js';
import type { Cancellation } from './scheduler/cancel.js';
import type { RunReport } from './report/run-report.js';
import { passToChildren } from './util/child-env.js';

/** The configuration, or its problems as `[where, what]` rows (each also logged as an annotation). */
function loadOrReport(host: Host): Config | string[][] {
  try {
    return loadConfig({ inputs: host.inputs, repoRoot: host.repoRoot, builtInManifests: BUILT_IN_MANIFESTS });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) {
      host.log.error(`${problemLocation(problem)}: ${problem.message}`, {
        title: 'Invalid configuration',
        ...(problem.source === 'file' && problem.file ? { file: problem.file, startLine: problem.line } : {}),
      });
    }
    return error.problems.map((problem) => [problemLocation(problem), problem.message]);
  }
}

/**
 * The report of a run stopped by its configuration: published like any other, so the `result`
 * output says `failure` and the summary says what to fix.
 */
async function reportInvalidConfig(host: Host, problems: string[][]): Promise<RunReport> {
  process.exitCode = 1;
  const error = 'Nothing was started: fix the configuration problems above.';
  host.log.error(error);
  const report: RunReport = {
    result: 'failure',
    error: 'Nothing was started: the configuration is invalid.',
    sections: [{ heading: 'Invalid configuration', table: { header: ['where', 'problem'], rows: problems } }],
    outputs: {},
  };
  await publishOrReport(host, report);
  return report;
}

/** Publishes the report; a summary or outputs file that cannot be written is named, and fails the step. */
async function publishOrReport(host: Host, report: RunReport): Promise<void> {
  try {
    await host.publish(report);
  } catch (error) {
    process.exitCode = 1;
    host.log.error(`The report could not be written: ${(error as Error).message}`, { title: 'Report not written' });
  }
}

/** Claims the run's work folder; false (with the reason logged) when it is not the action's to use. */
async function claimOrReport(host: Host): Promise<boolean> {
  try {
    await claimWorkDir(host.workDir);
    return true;
  } catch (error) {
    if (!(error instanceof WorkDirError)) throw error;
    host.log.error(error.message, { title: 'Work folder refused' });
    return false;
  }
}

/** A job that only merges the coverage of the shards: no plan, no engine, no checkout needed. */
async function mergeCoverage(host: Host, config: Config): Promise<RunReport> {
  let report: RunReport;
  try {
    report = await (await import('./pipeline/coverage-artifacts.js')).mergeCoverageJob(config, host);
  } catch (error) {
    report = { result: 'failure', error: `Merging the coverage of the shards failed: ${(error as Error).message}`, sections: [], outputs: {} };
  }
  await publishOrReport(host, report);
  if (report.result === 'failure') {
    process.exitCode = 1;
    host.log.error(report.error ?? 'the merge failed');
  }
  return report;
}

/**
 * Returns the report of the run (a failure naming the problems for an invalid configuration), or
 * undefined when the work folder is not the action's: then nothing is written, not even the
 * outputs file of the local command, since that folder belongs to someone else.
 */
export async function runWithHost(host: Host, cancellation?: Pick<Cancellation, 'signal' | 'collection'>): Promise<RunReport | undefined> {
  const signal = cancellation?.signal;
  if (!(await claimOrReport(host))) {
    process.exitCode = 1;
    return undefined;
  }
  const config = loadOrReport(host);
  if (Array.isArray(config)) return reportInvalidConfig(host, config);
  host.log.debug(`configuration in effect:\n${describeConfig(config)}`);
  if (config.run.mergeCoverage) return mergeCoverage(host, config);
  passToChildren(config.suite.passEnv);
  const plan = makePlan(config);
  // The run's modules load only when needed: the Kubernetes client alone is most of the bundle.
  let report: RunReport;
  try {
    report = config.run.dryRun
      ? await (await import('./pipeline/dry-run.js')).dryRun(config, plan, host)
      : await (await import('./pipeline/index.js')).runPipeline({ config, plan, host, signal, endCollection: cancellation?.collection });
  } catch (error) {
    // A check before the work (a missing Dockerfile, an image not in the registry, a bad
    // manifest) stops the run with its own message; the summary still says what happened.
    host.log.debug((error as Error).stack ?? String(error));
    report = { result: signal?.aborted ? 'cancelled' : 'failure', plan, error: (error as Error).message, sections: [], outputs: {} };
  }
  await publishOrReport(host, report);
  if (report.result === 'failure' || report.result === 'cancelled') {
    process.exitCode = 1;
    host.log.error(report.error ?? `the run ended: ${report.result}`);
  }
  return report;
}
