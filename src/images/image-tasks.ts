/**
 * One task per image of the plan, doing what its source decision says (reuse, pull or build),
 * and one push task per built image when pushing is allowed. Every image is built at most once
 * per run; later phases take the reference from the task's result.
 */
import path from 'node:path';
import { parseReference } from '../config/index.js';
import { restoreLocalCache, saveLocalCache } from '../engine/cache-store.js';
import type { CacheMode, CacheSpec, ContainerEngine } from '../engine/types.js';
import type { GitHubServices } from '../github/services.js';
import { digestIn } from '../engine/references.js';
import type { ImagePlan } from '../plan/plan.js';
import type { InputsIdentity } from '../image-inputs/inputs.js';
import type { SourceDecision } from './source.js';
import type { SpanRecorder, Task, TaskContext } from '../scheduler/task.js';
import type { PushDecision } from './push-policy.js';
import type { EngineRecovery } from './recovery.js';
import type { ImageResult } from './types.js';

/** The label every built image carries: the content hash its tag was derived from. */
export const CONTENT_HASH_LABEL = 'io.github.kubernaut.aianalysis-e2e.content-hash';

/** Labels of the inputs the content hash was computed from: the mode used and the full digest. */
export const INPUTS_MODE_LABEL = 'io.github.kubernaut.aianalysis-e2e.inputs-mode';
export const INPUTS_DIGEST_LABEL = 'io.github.kubernaut.aianalysis-e2e.inputs-digest';

function inputsLabels(inputs: InputsIdentity): Record<string, string> {
  return { [INPUTS_MODE_LABEL]: inputs.mode, [INPUTS_DIGEST_LABEL]: `sha256:${inputs.digest}` };
}

/** Memory of a task that only pulls or inspects an image. */
export const TRANSFER_MEMORY_MIB = 256;

export const imageTaskId = (name: string) => `image-${name}`;
export const pushTaskId = (name: string) => `push-${name}`;

export interface CacheSettings {
  mode: CacheMode;
  /** The registry prefix (`ghcr.io/kubernaut`); needed by the `registry` cache. */
  registry: string;
  /** Parent of the per-image directories of the `local` cache. */
  localDir?: string;
  /** Keeps the `local` cache between workflow runs; without it the cache stays on this machine only. */
  github?: GitHubServices;
}

export interface ImageTaskOptions {
  engine: ContainerEngine;
  recovery: EngineRecovery;
  /** Dockerfile and context paths of the plan are relative to it. */
  repoRoot: string;
  images: readonly ImagePlan[];
  /** One per image (src/images/source.ts decideSources). */
  decisions: readonly SourceDecision[];
  cache: CacheSettings;
  push: PushDecision;
  buildTimeoutMs: number;
  /** See ImagePhaseOptions.pushDeadline. */
  pushDeadline?: AbortSignal;
}

/** What an image task hands on. */
export interface ImageOutcome {
  result: ImageResult;
  /** A second tag to push with the image (classic docker's inline registry cache). */
  cacheReference?: string;
}

export interface PushOutcome {
  digest: string | null;
}

export function imageTasks(options: ImageTaskOptions): Task[] {
  return options.images.flatMap((image) => {
    const decision = options.decisions.find((candidate) => candidate.image === image.name);
    if (decision === undefined) throw new Error(`image '${image.name}' has no source decision`);
    const tasks = [imageTask(image, decision, options)];
    if (decision.source === 'build' && options.push.allowed) tasks.push(pushTask(image, options));
    return tasks;
  });
}

function imageTask(image: ImagePlan, decision: SourceDecision, options: ImageTaskOptions): Task {
  const { recovery } = options;
  const id = imageTaskId(image.name);
  const { reference } = decision;
  const building = decision.source === 'build';
  let startedAt: number | undefined;
  let span: SpanRecorder | undefined;
  const verb = { reuse: 'Reuse', pull: 'Pull', build: 'Build' }[decision.source];

  return {
    id,
    title: `${verb} image ${image.name}`,
    phase: 'images',
    weight: building ? { memoryMiB: image.memoryMiB, heavy: image.heavy } : { memoryMiB: TRANSFER_MEMORY_MIB },
    ...(building ? { timeoutMs: options.buildTimeoutMs } : {}),
    retry: recovery.policy(id, () => span),
    run: async (ctx) => {
      startedAt ??= Date.now();
      span = ctx.span;
      ctx.span.set('source', decision.source);
      ctx.span.set('reference', reference);
      if (ctx.attempt === 1) ctx.log.info(`${image.name}: ${decision.source} ${reference} (${decision.reason})`);
      const outcome = await recovery.track(id, building ? image.name : undefined, () =>
        obtain(image, decision, options, ctx),
      );
      outcome.result.seconds = (Date.now() - startedAt) / 1000;
      ctx.span.set('result', outcome.result.source);
      return outcome;
    },
  };
}

async function obtain(image: ImagePlan, decision: SourceDecision, options: ImageTaskOptions, ctx: TaskContext): Promise<ImageOutcome> {
  const { source, reference } = decision;
  const { engine } = options;
  const call = { signal: ctx.signal, log: ctx.log };
  if (source === 'build') return build(image, decision, options, ctx);
  if (source === 'pull') await engine.pull(reference, call);
  const info = await engine.inspect(reference, call);
  return {
    result: {
      name: image.name,
      reference,
      digest: digestIn(info.repoDigests, reference),
      id: info.id,
      source: source === 'pull' ? 'pulled' : 'reused',
      seconds: 0,
      sizeBytes: info.sizeBytes,
    },
  };
}

async function build(image: ImagePlan, { reference, inputs }: SourceDecision, options: ImageTaskOptions, ctx: TaskContext): Promise<ImageOutcome> {
  const { engine } = options;
  const call = { signal: ctx.signal, log: ctx.log };
  const contentHash = parseReference(reference).tag ?? '';
  const cache = cacheSpec(image, options);
  const localCache = cache.mode === 'local' && engine.kind === 'docker-buildx' ? cache.localDir : undefined;
  const kept = localCache ? await options.cache.github?.cache() : undefined;
  if (localCache) await restoreLocalCache(kept, localCache, image.name, contentHash, ctx.log);
  const built = await engine.build(
    {
      reference,
      dockerfile: path.resolve(options.repoRoot, image.dockerfile),
      context: path.resolve(options.repoRoot, image.context),
      buildArgs: image.buildArgs,
      target: image.target,
      platform: image.platform,
      labels: { [CONTENT_HASH_LABEL]: contentHash, ...(inputs ? inputsLabels(inputs) : {}) },
      cache,
    },
    call,
  );
  if (localCache) await saveLocalCache(kept, localCache, image.name, contentHash, ctx.log);
  for (const warning of built.warnings) ctx.span.note(warning);
  ctx.span.set('steps', built.steps);
  ctx.span.set('cachedSteps', built.cachedSteps);
  if (built.fromCache) ctx.log.info(`${image.name}: every step came from the cache (${built.steps} steps); nothing was executed`);
  return {
    result: {
      name: image.name,
      reference,
      digest: null,
      id: built.id,
      source: built.fromCache ? 'built-from-cache' : 'built',
      seconds: 0,
      sizeBytes: built.sizeBytes,
    },
    ...(built.cacheReference ? { cacheReference: built.cacheReference } : {}),
  };
}

/** The registry cache may only be written when pushing is allowed; the others always. */
function cacheSpec(image: ImagePlan, options: ImageTaskOptions): CacheSpec {
  const { mode, registry, localDir } = options.cache;
  const repository = registry === '' ? undefined : `${registry}/${image.repository}`;
  return {
    mode,
    scope: image.name,
    ...(repository === undefined ? {} : { repository }),
    ...(localDir === undefined ? {} : { localDir: path.join(localDir, image.name) }),
    write: mode !== 'registry' || options.push.allowed,
  };
}

function pushTask(image: ImagePlan, options: ImageTaskOptions): Task {
  const { engine, recovery, pushDeadline: deadline } = options;
  const id = pushTaskId(image.name);
  let span: SpanRecorder | undefined;
  /** What the registry said last: a push stopped by the deadline names it. */
  let lastFailure: string | undefined;
  const policy = recovery.policy(id, () => span);
  return {
    id,
    title: `Push image ${image.name}`,
    phase: 'images',
    needs: [imageTaskId(image.name)],
    weight: { memoryMiB: TRANSFER_MEMORY_MIB },
    optional: deadline !== undefined,
    retry: deadline ? { ...policy, isRetryable: (error) => !deadline.aborted && policy.isRetryable(error) } : policy,
    run: async (ctx): Promise<PushOutcome> => {
      span = ctx.span;
      const { result, cacheReference } = ctx.result<ImageOutcome>(imageTaskId(image.name));
      const call = { signal: deadline ? AbortSignal.any([ctx.signal, deadline]) : ctx.signal, log: ctx.log };
      try {
        return await recovery.track(id, undefined, async () => {
          const pushed = await engine.push(result.reference, call);
          if (cacheReference) await engine.push(cacheReference, call);
          ctx.span.set('digest', pushed.digest ?? '');
          return { digest: pushed.digest ?? null };
        });
      } catch (error) {
        if (!deadline?.aborted || ctx.signal.aborted) {
          lastFailure = (error as Error).message.split('\n')[0];
          throw error;
        }
        // Stopped by the deadline, the push says so rather than "cancelled", and why it was not done.
        throw new Error(`${(deadline.reason as Error).message}${lastFailure ? `; before that: ${lastFailure}` : ''}`);
      }
    },
  };
}
