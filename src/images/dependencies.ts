/**
 * The images the stack needs but does not build (PostgreSQL, Redis): pulled in parallel, each by
 * its fully qualified name so that Docker, Podman and the kind nodes all mean the same image. An
 * image the engine already has is used as it is. Transient failures are retried with backoff
 * (EngineRecovery); permanent ones fail at once.
 */
import { digestIn, qualifiedForPull } from '../engine/references.js';
import type { ContainerEngine } from '../engine/types.js';
import type { DependencyPlan } from '../plan/plan.js';
import type { SpanRecorder, Task } from '../run/task.js';
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
        const present = await engine.exists(reference, call);
        if (!present) await engine.pull(reference, call);
        const info = await engine.inspect(reference, call);
        ctx.span.set('result', present ? 'reused' : 'pulled');
        const result = {
          name: dependency.name,
          reference,
          digest: digestIn(info.repoDigests, reference),
          id: info.id,
          source: present ? ('reused' as const) : ('pulled' as const),
          seconds: (Date.now() - started) / 1000,
          sizeBytes: info.sizeBytes,
        };
        return { result };
      });
    },
  };
}
