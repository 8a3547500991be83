// One run of the engine behind either face: configuration, plan, then the dry-run report or the
// pipeline, then the summary and outputs. Nothing starts before the whole configuration is valid.
import { BUILT_IN_MANIFESTS, ConfigError, loadConfig, problemLocation, type Config } from './config/index.js';
import type { Host } from './host/host.js';
import { claimWorkDir, WorkDirError } from './host/work-dir.js';
import { makePlan } from './plan/plan.js';
import type { Cancellation } from './run/cancel.js';
import type { RunReport } from './report/run-report.js';
import { passToChildren } from './util/child-env.js';

function loadOrReport(host: Host): Config | undefined {
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
    return undefined;
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

/**
 * Returns the report of the run, or undefined when the configuration was invalid or the work
 * folder not the action's (nothing ran).
 */
export async function execute(host: Host, cancellation?: Pick<Cancellation, 'signal' | 'collection'>): Promise<RunReport | undefined> {
  const signal = cancellation?.signal;
  if (!(await claimOrReport(host))) {
    process.exitCode = 1;
    return undefined;
  }
  const config = loadOrReport(host);
  if (!config) {
    process.exitCode = 1;
    host.log.error('Nothing was started: fix the configuration problems above.');
    return undefined;
  }
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
  await host.publish(report);
  if (report.result === 'failure' || report.result === 'cancelled') {
    process.exitCode = 1;
    host.log.error(report.error ?? `the run ended: ${report.result}`);
  }
  return report;
}
