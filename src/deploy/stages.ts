/**
 * Runs a deploy plan: the CRDs first (waited Established), then each stage in order. Inside a stage every
 * object is applied at once (Namespaces just before the rest) and then waited for at once, under the
 * stage's timeout; the next stage starts only when the whole stage is ready. A failure stops the deploy
 * with a diagnosis of every object that failed.
 */
import { applyObject } from '../kube/apply.js';
import type { KubeClients } from '../kube/client.js';
import { type DiagnoseOptions, type Diagnosis, diagnose } from '../kube/diagnose.js';
import { type KubeObject, type ProgressLog, describeRef, refOf } from '../kube/types.js';
import { type NotReady, waitForReady } from '../kube/wait.js';
import { CRD_STEP, type DeployPlan, type PlannedObject } from './plan.js';

export interface DeployOptions {
  /** Limit for the CRDs to become Established. */
  crdTimeoutSeconds: number;
  pollIntervalMs?: number;
  diagnosis?: DiagnoseOptions;
  log: ProgressLog;
}

export interface StageTiming {
  name: string;
  objects: number;
  /** ISO time the stage started. */
  startedAt: string;
  applyMs: number;
  /** From the end of the apply to the last object ready. */
  readyMs: number;
  totalMs: number;
}

export interface DeployReport {
  /** In order; the CRD step, when there are CRDs, is the first entry and is named `crds`. */
  stages: StageTiming[];
}

export class DeployError extends Error {
  constructor(
    message: string,
    readonly stage: string,
    /** The stages that completed before the failure. */
    readonly timings: readonly StageTiming[],
    readonly diagnoses: readonly Diagnosis[],
  ) {
    super(message);
    this.name = 'DeployError';
  }
}

const DEFAULT_DIAGNOSIS: DiagnoseOptions = { events: 15, logLines: 50 };

interface Step {
  name: string;
  timeoutSeconds: number;
  objects: PlannedObject[];
}

async function applyAll(kube: KubeClients, objects: KubeObject[], log: ProgressLog): Promise<string[]> {
  const results = await Promise.allSettled(objects.map((o) => applyObject(kube, o, log)));
  kube.signal?.throwIfAborted();
  return results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
}

function summary(notReady: readonly NotReady[]): string {
  return notReady.map((n) => `${describeRef(n.ref)}: ${n.reason}`).join('; ');
}

async function runStep(kube: KubeClients, step: Step, done: StageTiming[], options: DeployOptions): Promise<StageTiming> {
  const { log } = options;
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const objects = step.objects.map((p) => p.object);
  log.info(`stage ${step.name}: applying ${objects.length} objects`);
  // A namespaced object cannot be created before its Namespace exists.
  const namespaces = objects.filter((o) => o.apiVersion === 'v1' && o.kind === 'Namespace');
  const failures = await applyAll(kube, namespaces, log);
  if (failures.length === 0) failures.push(...await applyAll(kube, objects.filter((o) => !namespaces.includes(o)), log));
  if (failures.length) {
    throw new DeployError(`stage "${step.name}": ${failures.length} object(s) could not be applied:\n`
      + failures.map((f) => `  - ${f}`).join('\n'), step.name, done, []);
  }
  const applied = performance.now();
  const result = await waitForReady(kube, objects.map(refOf), {
    timeoutMs: Math.max(step.timeoutSeconds * 1000 - (applied - started), 0),
    pollIntervalMs: options.pollIntervalMs, log,
  });
  if (!result.ok) {
    const diagnoses = await Promise.all(result.notReady.map((n) => diagnose(kube, n, options.diagnosis ?? DEFAULT_DIAGNOSIS)));
    const what = result.cause === 'timeout'
      ? `did not become ready within ${step.timeoutSeconds} s` : 'failed';
    throw new DeployError(`stage "${step.name}" ${what}: ${summary(result.notReady)}`, step.name, done, diagnoses);
  }
  const ended = performance.now();
  const applyMs = Math.round(applied - started);
  const readyMs = Math.round(ended - applied);
  const timing = { name: step.name, objects: objects.length, startedAt, applyMs, readyMs, totalMs: applyMs + readyMs };
  log.info(`stage ${step.name}: ready in ${(timing.totalMs / 1000).toFixed(1)} s`);
  return timing;
}

export async function deploy(kube: KubeClients, plan: DeployPlan, options: DeployOptions): Promise<DeployReport> {
  const steps: Step[] = [
    ...(plan.crds.length ? [{ name: CRD_STEP, timeoutSeconds: options.crdTimeoutSeconds, objects: plan.crds }] : []),
    ...plan.stages,
  ];
  const timings: StageTiming[] = [];
  for (const step of steps) timings.push(await runStep(kube, step, [...timings], options));
  return { stages: timings };
}
