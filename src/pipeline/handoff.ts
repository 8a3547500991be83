// The hand-off of the resolved images to a suite that sets up its own stack (src/handoff/), as
// one task after every image: its span is the time from the last image to the suite's images.
import type { Config } from '../config/index.js';
import { PodmanEngine } from '../engine/podman.js';
import { RegistryProbe } from '../engine/registry.js';
import type { ContainerEngine } from '../engine/types.js';
import { handOver, planHandoff, type Handoff } from '../handoff/handoff.js';
import type { HandedImage } from '../handoff/tag.js';
import { imageTaskId } from '../images/image-tasks.js';
import type { PushDecision } from '../images/push-policy.js';
import type { Plan } from '../plan/plan.js';
import type { SourceDecision } from '../images/source.js';
import type { Task } from '../scheduler/task.js';
import type { PipelineState } from './state.js';

export const HANDOFF_TASK_ID = 'handoff';

/** The images as the suite knows them: by its service name, at their resolved reference. */
export function handedImages(plan: Plan, decisions: readonly SourceDecision[]): HandedImage[] {
  return plan.images.map((image) => ({
    name: image.name,
    repository: image.repository,
    reference: decisions.find((decision) => decision.image === image.name)!.reference,
  }));
}

export function handoffOf(plan: Plan, decisions: readonly SourceDecision[]): Handoff {
  return planHandoff(plan.suite.handoff, handedImages(plan, decisions), plan.registry);
}

export interface HandoffTaskOptions {
  config: Config;
  plan: Plan;
  decisions: readonly SourceDecision[];
  engine: ContainerEngine;
  push: PushDecision;
  state: PipelineState;
}

export function handoffTask(options: HandoffTaskOptions): Task {
  const { plan, engine, state } = options;
  const handoff = handoffOf(plan, options.decisions);
  return {
    id: HANDOFF_TASK_ID,
    title: handoff.mode === 'none' ? 'Hand the images to the suite (none: it builds them)' : `Hand the images to the suite (${handoff.mode} ${handoff.tag})`,
    phase: 'images',
    needs: plan.images.map((image) => imageTaskId(image.name)),
    run: async (ctx) => {
      const { username, password } = options.config.registry;
      const probe = new RegistryProbe({ credentials: password ? { username, password } : undefined, log: ctx.log });
      const result = await handOver({
        handoff,
        images: handedImages(plan, options.decisions),
        engine,
        podman: engine.kind === 'podman' ? engine : new PodmanEngine({ log: ctx.log }),
        registryHas: (reference) => probe.has(reference),
        pushAllowed: options.push.allowed,
        log: ctx.log,
        signal: ctx.signal,
      });
      state.handoff = handoff;
      ctx.span.note(result.how);
      return { ...handoff, how: result.how };
    },
  };
}
