/**
 * The images the stack needs but does not build (PostgreSQL, Redis): pulled in parallel, each by
 * its fully qualified name so that Docker, Podman and the kind nodes all mean the same image. An
 * image the engine already has is used as it is. Transient failures are retried with backoff
 * (EngineRecovery); permanent ones fail at once.
 */
import { digestIn, qualifiedForPull } from '../engine/references.js';
import type { ContainerEngine } from '../engine/types.js';
import type { DependencyPlan } from '../plan/plan.js';
import type { SpanRecorder, Task } from '../scheduler/task.js';
import { TRANSFER_MEMORY_MIB, type ImageOutcome } from './image-tasks.js';
import type { EngineRecovery } from './recovery.js';

export const dependencyTaskId = (name: string) => `dependency-${name}`;

export interface DependencyTaskOptions {
  engine: ContainerEngine;
  recovery: EngineRecovery;
  dependencies: readonly DependencyPlan[];
}

export function dependencyTasks(options: DependencyTaskOptions): Task[] {
  return options.dependencies.map((dependency) => dependencyTask(dependency, options));
}

function dependencyTask(dependency: DependencyPlan, { engine, recovery }: DependencyTaskOptions): Task {
  const id = dependencyTaskId(dependency.name);
  const reference = qualifiedForPull(dependency.image);
  let startedAt: number | undefined;
  let span: SpanRecorder | undefined;
  return {
    id,
    title: `Pull dependency ${dependency.name}`,
    phase: 'images',
    weight: { memoryMiB: TRANSFER_MEMORY_MIB },
    retry: recovery.policy(id, () => span),
    run: async (ctx): Promise<ImageOutcome> => {
      const started = (startedAt ??= Date.now());
      span = ctx.span;
      ctx.span.set('reference', reference);
      const call = { signal: ctx.signal, log: ctx.log };
      return recovery.track(id, undefined, async () => {
        const held = (await engine.localImages([reference], call)).get(reference);
        if (held === undefined) await engine.pull(reference, call);
        const info = held ?? (await engine.inspect(reference, call));
        const source = held === undefined ? ('pulled' as const) : ('reused' as const);
        ctx.span.set('result', source);
        const result = {
          name: dependency.name,
          reference,
          digest: digestIn(info.repoDigests, reference),
          id: info.id,
          source,
          seconds: (Date.now() - started) / 1000,
          sizeBytes: info.sizeBytes,
        };
        return { result };
      });
    },
  };
}
