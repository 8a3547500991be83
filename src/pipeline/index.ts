// One real run as a task graph: images and the cluster (overlapped unless build-first), loading,
// deploy, suite; coverage and the logs bundle as finalizers; then evidence upload, timing
// baseline and the report. Everything that can be checked is checked before the graph starts,
// the runner's tools first (preflight.ts).
// An images-only run stops after the images (and their pushes).
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import { selectEngine } from '../engine/detect.js';
import { createRegistryAuth, removeRegistryAuth, type RegistryAuth } from '../engine/registry-auth.js';
import type { ContainerEngine } from '../engine/types.js';
import type { Host } from '../host/host.js';
import { EngineRecovery } from '../images/recovery.js';
import { imageLimits } from '../images/limits.js';
import { runImagePhase, type ImagePhaseOptions, type ImagePhaseReport } from '../images/phase.js';
import { imageTaskId } from '../images/image-tasks.js';
import { LOAD_TASK_ID } from '../images/load.js';
import { pushDecision, type PushDecision } from '../images/push-policy.js';
import { imagesOutput, imagesSection } from '../images/summary.js';
import { uploadEvidence } from '../collect/artifacts.js';
import type { Plan } from '../plan/plan.js';
import { sourcesSection } from '../report/plan-render.js';
import type { Section } from '../document/document.js';
import type { RunReport } from '../report/run-report.js';
import { reportAgainstBaseline } from '../baseline/comparison.js';
import { SUMMARY_PAGE, writeSummaryPage } from '../report/summary-page.js';
import { buildSummary } from '../report/summary.js';
import type { GraphResult } from '../scheduler/graph.js';
import type { Task } from '../scheduler/task.js';
import { toTimings, writeTimings, type Timings } from '../scheduler/timings.js';
import { stoppedUrgently } from '../util/urgent-stop.js';
import { CLUSTER_TASK_ID, clusterTask } from './cluster.js';
import { DEPLOY_TASK_ID, deployTask, prepareDeploy } from './deploy.js';
import { evidenceTasks } from './evidence.js';
import { HANDOFF_TASK_ID, handoffTask } from './handoff.js';
import { imagesJobRestore, loadImagesArtifact, withImagesArtifact } from './images-artifact.js';
import { checkRunner, requireReady, runnerNeeds } from './preflight.js';
import { PushDeadline } from './push-deadline.js';
import { publishCiCoverage } from './coverage-artifacts.js';
import { clearPendingEvidence, savePendingEvidence, type PendingEvidence } from './pending-evidence.js';
import { resolveSources } from './sources.js';
import { REGISTRY_AUTH_STATE_KEY } from './state-keys.js';
import { PipelineState } from './state.js';
import { SUITE_TASK_ID, suiteContractTask, suiteTask } from './suite.js';

export interface PipelineOptions {
  config: Config;
  plan: Plan;
  host: Host;
  signal?: AbortSignal;
  /** Ends the evidence collection (a second cancel signal): what was collected is uploaded. */
  endCollection?: AbortSignal;
}

/**
 * The engine the run uses, logged in to the registry when credentials were given. The login goes
 * to the run's private auth folder (see registry-auth), which the post step removes if the run
 * does not get to.
 */
async function prepareEngine(config: Config, host: Host, signal: AbortSignal): Promise<{ engine: ContainerEngine; auth?: RegistryAuth }> {
  const { prefix, username, password } = config.registry;
  const login = prefix && password ? { registry: prefix.split('/')[0], username, password } : undefined;
  const auth = login ? await createRegistryAuth(host.workDir) : undefined;
  if (auth) host.saveState(REGISTRY_AUTH_STATE_KEY, auth.dir);
  const { engine, reason } = await selectEngine(config.engine, {
    log: host.log,
    signal,
    env: auth?.env,
    dockerRestartCommand: config.build.engineRestartCommand ?? undefined,
    stallMs: config.build.stallSeconds * 1000,
  });
  host.log.info(`Container engine: ${engine.name} (${reason})`);
  if (login) await engine.login(login, { signal });
  return { engine, auth };
}

function firstError(graph: GraphResult, signal: AbortSignal): string | undefined {
  if (!graph.firstError) {
    if (!graph.cancelled) return undefined;
    const timedOut = (signal.reason as Error | undefined)?.name === 'TimeoutError';
    return timedOut ? 'the run took longer than timeout-minutes and was stopped; the evidence was still collected' : 'the run was cancelled';
  }
  const span = graph.spans.find((candidate) => candidate.id === graph.firstError!.id);
  return `${span?.title ?? graph.firstError.id}: ${graph.firstError.message}`;
}

export async function runPipeline(options: PipelineOptions): Promise<RunReport> {
  const { config, host } = options;
  const signal = AbortSignal.any([
    ...(options.signal ? [options.signal] : []),
    AbortSignal.timeout(config.run.timeoutMinutes * 60_000),
  ]);

  const { engine, auth } = await prepareEngine(config, host, signal);
  try {
    const checks = await checkRunner(runnerNeeds(config, options.plan, host.repoRoot, engine.provider), { repoRoot: host.repoRoot, signal });
    for (const warning of requireReady(checks)) host.log.warning(warning, { title: 'Runner setup' });
    return await runWithEngine(options, engine, signal);
  } finally {
    if (auth) await removeRegistryAuth(auth.dir);
  }
}

async function runWithEngine(options: PipelineOptions, engine: ContainerEngine, signal: AbortSignal): Promise<RunReport> {
  const { config, plan, host } = options;
  const { log } = host;
  const artifact = await loadImagesArtifact(config, host, engine, signal);
  const { hashes, decisions } = await resolveSources(config, plan, {
    repoRoot: host.repoRoot,
    localImages: (references) => engine.localImages(references, { signal }),
    log,
    artifact: artifact.images,
    ...imagesJobRestore(config, host, engine),
  });
  for (const decision of decisions) log.info(`image ${decision.image}: ${decision.source} ${decision.reference} (${decision.reason})`);
  const state = new PipelineState();
  const recovery = new EngineRecovery(engine, { signal });
  const push = await pushDecision(config.registry.push, host.github.run);
  const pushDeadline = plan.imagesOnly ? undefined : new PushDeadline();
  const images: ImagePhaseOptions = {
    engine,
    plan,
    decisions,
    repoRoot: host.repoRoot,
    cache: config.build.cache,
    localCacheDir: join(host.workDir, 'build-cache'),
    github: host.github,
    buildTimeoutMinutes: config.build.timeoutMinutes,
    push,
    pushDeadline: pushDeadline?.signal,
    recovery,
  };
  const stack = plan.imagesOnly ? undefined : await stackTasks({ ...options, signal, state, images, push, pushDeadline: pushDeadline! });
  const imagesReport = (resolved: ImagePhaseReport) => ({
    sections: [...artifact.sections, sourcesSection(decisions, hashes), imagesSection(resolved)],
    output: imagesOutput(resolved),
  });
  let reportedAtOnce: Promise<void> | undefined;
  const { graph, report: resolved } = await runImagePhase({
    ...images,
    load: stack?.load,
    log,
    limits: imageLimits(config.build),
    signal,
    withTasks: (imageTasks) =>
      stack === undefined ? withImagesArtifact(config, host, engine, plan.images, decisions, imageTasks) : [...imageTasks, ...stack.tasks],
    endFinalizers: options.endCollection,
    // The runner may kill a cancelled step any moment: the report goes out before the evidence is collected.
    onCancel: (snapshot, report) => {
      reportedAtOnce = reportAtOnce(snapshot, { ...options, state, signal, images: imagesReport(report) });
    },
  });
  await reportedAtOnce;
  pushDeadline?.dispose();
  const sideFailures = sideWorkFailures(graph);
  for (const failure of sideFailures) log.warning(failure, { title: 'Apart from the result' });

  const imagesPart = imagesReport(resolved);
  state.addSections('images', ...imagesPart.sections);
  state.outputs.images = imagesPart.output;

  const timings: Timings = toTimings(graph);
  if (await writeReportFile(host, state, () => writeTimings(join(host.workDir, TIMINGS_FILE), timings))) state.evidence.push(TIMINGS_FILE);
  // Before the upload, so that the summary page in the evidence has the baseline beside the run;
  // not after the runner's cancel, which leaves no time to wait on the cache service.
  const baseline = stoppedUrgently(signal)
    ? undefined
    : await reportAgainstBaseline(timings, {
        identity: { stack: config.cluster.name, shard: config.suite.shard },
        slowdownRatio: config.report.baselineSlowdownRatio,
        log,
        github: host.github,
      });
  if (baseline) state.addSections('baseline', baseline.section);
  const report = (): RunReport => ({
    result: timings.result,
    plan,
    error: firstError(graph, signal),
    timings,
    baseline: baseline?.phases,
    kubeconfig: state.kubeconfig,
    sideFailures,
    sections: state.orderedSections(),
    outputs: state.outputs,
  });
  if (await writeReportFile(host, state, () => writeSummaryPage(host.workDir, buildSummary(report())))) state.evidence.push(SUMMARY_PAGE);
  await publishEvidence(config, host, state);
  await publishCiCoverage(config, host, state);
  return report();
}

const TIMINGS_FILE = 'timings.json';

/** The side work (pushes in a run that tests) that failed, one line each: reported apart from the result. */
function sideWorkFailures(graph: GraphResult): string[] {
  return graph.spans
    .filter((span) => span.optional && span.outcome === 'failure')
    .map((span) => `${span.title} failed: ${(span.error ?? 'no reason given').split('\n')[0]}`);
}

/**
 * Writes one of the run's report files. One that cannot be written (a full disk) is named in the
 * log and the summary; the summary, the outputs and the upload of the rest go on without it (like
 * all evidence, it does not turn the job red).
 */
async function writeReportFile(host: Host, state: PipelineState, write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    const message = (error as Error).message;
    host.log.warning(message, { title: 'Report file not written' });
    state.addSections('evidence', { paragraphs: [`⚠️ ${message}`] });
    return false;
  }
}

const COLLECTING_SECTION: Section = {
  heading: 'Evidence',
  paragraphs: [
    'The run was cancelled: this report was written first; the evidence is being collected and uploaded ' +
      'by this step, or by the post step when this one is stopped before the upload.',
  ],
};

/**
 * The report of a cancelled run as it stands when the cancel arrives: timings.json, the summary
 * and the outputs, and the evidence so far handed to the post step. A failure here is logged:
 * the collection and the final report still follow.
 */
async function reportAtOnce(
  snapshot: GraphResult,
  context: PipelineOptions & { state: PipelineState; signal: AbortSignal; images: { sections: Section[]; output: string } },
): Promise<void> {
  const { config, plan, host, state, images } = context;
  try {
    const timings = toTimings(snapshot);
    await writeTimings(join(host.workDir, TIMINGS_FILE), timings);
    savePendingEvidence(host, pendingEvidence(config, [...state.evidence, TIMINGS_FILE], false));
    await host.publish({
      result: timings.result,
      plan,
      error: firstError(snapshot, context.signal),
      timings,
      kubeconfig: state.kubeconfig,
      sections: state.orderedSections({ images: images.sections, evidence: [COLLECTING_SECTION] }),
      outputs: { ...state.outputs, images: images.output },
    });
  } catch (error) {
    host.log.warning(`The report of the cancelled run could not be written at once: ${(error as Error).message}`);
  }
}

/**
 * Everything after the images. The suite's contract is read while the images resolve. For a
 * suite that sets up its own stack: the hand-off once every image is there, the cluster made
 * ahead (or a stale one cleared), the suite, what it leaves. For a deployed stack: the cluster
 * (while the images build, unless build-first), the one load, deploy, suite and the evidence
 * finalizers; its manifests are loaded before any task starts.
 */
async function stackTasks(
  options: PipelineOptions & { state: PipelineState; images: ImagePhaseOptions; push: PushDecision; pushDeadline: PushDeadline },
): Promise<{ tasks: Task[]; load?: ImagePhaseOptions['load'] }> {
  const { config, plan, host, state, images, signal, pushDeadline } = options;
  // The pushes' minute starts when the suite ends, however it ends.
  const boundPushes = (suite: Task): Task => ({ ...suite, run: (ctx) => suite.run(ctx).finally(() => pushDeadline.suiteEnded()) });
  const imageIds = plan.images.map((image) => imageTaskId(image.name));
  const cluster = {
    config,
    plan,
    host,
    state,
    provider: config.cluster.provider === 'auto' ? images.engine.provider : config.cluster.provider,
    needs: config.build.order === 'build-first' ? imageIds : [],
  };
  const suite = { config, plan, decisions: images.decisions, repoRoot: host.repoRoot, workDir: host.workDir, state };
  const common = [suiteContractTask(suite), ...evidenceTasks({ config, plan, host, state, after: SUITE_TASK_ID })];
  if (plan.setup === 'suite') {
    return {
      tasks: [
        handoffTask({ ...suite, engine: images.engine, push: options.push }),
        clusterTask(cluster),
        boundPushes(suiteTask({ ...suite, needs: [HANDOFF_TASK_ID, CLUSTER_TASK_ID] })),
        ...common,
      ],
    };
  }
  const deployPlan = await prepareDeploy(config, plan, images.decisions, host.repoRoot);
  // The run's own outputs go to the work directory, never into the repository: a report left in
  // the build context would change the images' content hashes on the next run.
  const coverageDir = plan.coverage.enabled ? join(host.workDir, config.cluster.coverageHostDir) : undefined;
  // The images the run's references name now: its builds and pulls may leave these dangling.
  const references = [...images.decisions.map((decision) => decision.reference), ...plan.dependencies.map((dependency) => dependency.image)];
  const replaced = await images.engine.localImages(references, { signal });
  return {
    load: {
      kind: { loadImageArchive: (archive) => state.requireKind().loadImageArchive(archive) },
      workDir: join(host.workDir, 'images'),
      needs: [CLUSTER_TASK_ID],
      replacedImageIds: [...replaced.values()].map((image) => image.id),
    },
    tasks: [
      clusterTask({ ...cluster, coverageDir }),
      deployTask({ deployPlan, state, workDir: host.workDir, needs: [LOAD_TASK_ID] }),
      boundPushes(suiteTask({ ...suite, needs: [DEPLOY_TASK_ID] })),
      ...common,
    ],
  };
}

function pendingEvidence(config: Config, paths: readonly string[], uploadStarted: boolean): PendingEvidence {
  const { artifactName, retentionDays } = config.report;
  return { paths: [...paths], artifactName, retentionDays, shard: config.suite.shard, uploadStarted };
}

/** Uploads the evidence; until the upload has been tried, the post step holds the request. */
async function publishEvidence(config: Config, host: Host, state: PipelineState): Promise<void> {
  const pending = pendingEvidence(config, state.evidence, true);
  savePendingEvidence(host, pending);
  const outcome = await uploadEvidence({ rootDir: host.workDir, ...pending }, host.log, host.github);
  clearPendingEvidence(host);
  if (outcome.artifact) {
    state.outputs['artifact-id'] = String(outcome.artifact.id);
    state.outputs['artifact-url'] = outcome.artifact.url;
  }
  state.addSections('evidence', {
    heading: 'Evidence',
    paragraphs: [
      outcome.artifact
        ? `Artifact [${outcome.artifact.name}](${outcome.artifact.url}): ${state.evidence.length} entries.`
        : `Not uploaded; the files are in \`${outcome.dir}\`.`,
      ...outcome.warnings.map((warning) => `⚠️ ${warning}`),
    ],
  });
}
