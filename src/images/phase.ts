/**
 * The image phase as tasks of the run's graph: the images (reused, pulled or built, each once),
 * the pushes of built images, the dependency pulls, and the one load into the cluster; then the
 * report the summary and the `images` output are made of.
 */
import type { CacheMode, ContainerEngine } from '../engine/types.js';
import type { GitHubServices } from '../github/services.js';
import type { Plan } from '../plan/plan.js';
import type { SourceDecision } from './source.js';
import { runGraph, type GraphResult } from '../scheduler/graph.js';
import type { Task } from '../scheduler/task.js';
import type { Log } from '../util/log.js';
import { dependencyTaskId, dependencyTasks } from './dependencies.js';
import { imageTaskId, imageTasks, pushTaskId, type ImageOutcome, type PushOutcome } from './image-tasks.js';
import type { ImageLimits } from './limits.js';
import { LOAD_TASK_ID, loadTask, type LoadTaskOptions } from './load.js';
import type { PushDecision } from './push-policy.js';
import type { CrashEvent, EngineRecovery } from './recovery.js';
import type { ImageResult, LoadResult } from './types.js';

export interface ImagePhaseOptions {
  engine: ContainerEngine;
  plan: Pick<Plan, 'images' | 'dependencies' | 'registry'>;
  /** One per image (src/images/source.ts decideSources). */
  decisions: readonly SourceDecision[];
  repoRoot: string;
  cache: CacheMode;
  /** Parent directory of the `local` cache. */
  localCacheDir?: string;
  /** Keeps the `local` cache between workflow runs (the GitHub cache). */
  github?: GitHubServices;
  /** build.timeoutMinutes: per build attempt. */
  buildTimeoutMinutes: number;
  push: PushDecision;
  /**
   * In a run that tests the images, pushing them is side work (Task.optional): a push still going
   * when this aborts is stopped, and a failed push is reported apart from the run's result.
   */
  pushDeadline?: AbortSignal;
  recovery: EngineRecovery;
  /** Loads every image into the cluster once they are all there. */
  load?: Omit<LoadTaskOptions, 'engine' | 'imageTasks'>;
}

export interface ImagePhaseReport {
  /** In the plan's order; only the images whose task succeeded. */
  images: ImageResult[];
  dependencies: ImageResult[];
  load?: LoadResult;
  /** Engine crashes the run recovered from. */
  crashes: CrashEvent[];
  /** Things the user should know (pushing refused for a fork…). */
  notices: string[];
}

function imagePhaseTasks(options: ImagePhaseOptions): Task[] {
  const { engine, plan, recovery } = options;
  const images = imageTasks({
    engine,
    recovery,
    repoRoot: options.repoRoot,
    images: plan.images,
    decisions: options.decisions,
    cache: { mode: options.cache, registry: plan.registry, localDir: options.localCacheDir, github: options.github },
    push: options.push,
    buildTimeoutMs: options.buildTimeoutMinutes * 60_000,
    pushDeadline: options.pushDeadline,
  });
  const dependencies = dependencyTasks({ engine, recovery, dependencies: plan.dependencies });
  if (options.load === undefined) return [...images, ...dependencies];
  const toLoad = [...plan.images.map((image) => imageTaskId(image.name)), ...dependencies.map((task) => task.id)];
  return [...images, ...dependencies, loadTask({ ...options.load, engine, imageTasks: toLoad })];
}

function imagePhaseReport(
  results: ReadonlyMap<string, unknown>,
  options: Pick<ImagePhaseOptions, 'plan' | 'push' | 'recovery'>,
): ImagePhaseReport {
  const outcome = (id: string) => results.get(id) as ImageOutcome | undefined;
  const images = options.plan.images.flatMap((image) => {
    const built = outcome(imageTaskId(image.name));
    if (built === undefined) return [];
    const pushed = results.get(pushTaskId(image.name)) as PushOutcome | undefined;
    return [{ ...built.result, digest: pushed?.digest ?? built.result.digest }];
  });
  const dependencies = options.plan.dependencies.flatMap((dependency) => {
    const pulled = outcome(dependencyTaskId(dependency.name));
    return pulled === undefined ? [] : [pulled.result];
  });
  const load = results.get(LOAD_TASK_ID) as LoadResult | undefined;
  return {
    images,
    dependencies,
    ...(load === undefined ? {} : { load }),
    crashes: [...options.recovery.events],
    notices: options.push.notice === undefined ? [] : [options.push.notice],
  };
}

export interface RunImagePhaseOptions extends ImagePhaseOptions {
  log: Log;
  limits: ImageLimits;
  signal?: AbortSignal;
  /**
   * The rest of the run, in the same graph as the image tasks it is given (a run's cluster,
   * deploy and suite need them); without it, the image phase runs on its own.
   */
  withTasks?: (imageTasks: Task[]) => Task[] | Promise<Task[]>;
  /** See GraphOptions.endFinalizers. */
  endFinalizers?: AbortSignal;
  /** On a cancel, the graph so far and the image phase's report of it (see GraphOptions.onCancel). */
  onCancel?: (snapshot: GraphResult, report: ImagePhaseReport) => void;
}

/**
 * The image phase in the run's graph: the one way it runs, for a whole run, an images-only run,
 * the benchmarks and the tests.
 */
export async function runImagePhase(options: RunImagePhaseOptions): Promise<{ graph: GraphResult; report: ImagePhaseReport }> {
  for (const notice of options.push.notice === undefined ? [] : [options.push.notice]) options.log.notice(notice);
  const imageTasks = imagePhaseTasks(options);
  const tasks = options.withTasks === undefined ? imageTasks : await options.withTasks(imageTasks);
  const { onCancel } = options;
  const graph = await runGraph(tasks, {
    concurrency: options.limits.concurrency,
    memoryBudgetMiB: options.limits.memoryBudgetMiB,
    log: options.log,
    signal: options.signal,
    endFinalizers: options.endFinalizers,
    ...(onCancel === undefined ? {} : { onCancel: (snapshot: GraphResult) => onCancel(snapshot, imagePhaseReport(snapshot.results, options)) }),
  });
  return { graph, report: imagePhaseReport(graph.results, options) };
}
