/**
 * Server-side apply of one object, under the one field manager the action uses. A Job whose pod
 * template changed (a new image on a reused cluster) is deleted and created again: the API never
 * lets a Job's template change, and a Job is one run, so the new one is what the manifest means.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import type { KubeClients } from './client.js';
import { describeKubeError, isImmutableFieldChange, isNotFound } from './errors.js';
import { type KubeObject, type ObjectRef, type ProgressLog, describeRef, refOf } from './types.js';
import { until } from './until.js';

export const FIELD_MANAGER = 'aianalysis-e2e';

/** How long the old Job may take to be gone before the new one is created. */
const JOB_GONE_TIMEOUT_MS = 60_000;
const JOB_GONE_POLL_MS = 250;

export class ApplyError extends Error {
  constructor(readonly ref: ObjectRef, reason: string) {
    super(`cannot apply ${describeRef(ref)}: ${reason}`);
    this.name = 'ApplyError';
  }
}

/** Creates or updates the object; forces ownership, since this action is the only writer of its manifests. `log` hears of a replaced Job. */
export async function applyObject(kube: KubeClients, obj: KubeObject, log?: ProgressLog): Promise<KubernetesObject> {
  try {
    return await kube.objects.serverSideApply(obj, FIELD_MANAGER);
  } catch (error) {
    kube.signal?.throwIfAborted();
    if (obj.apiVersion === 'batch/v1' && obj.kind === 'Job' && isImmutableFieldChange(error, 'spec.template')) {
      return recreateJob(kube, obj, log);
    }
    throw new ApplyError(refOf(obj), describeKubeError(error, kube.callTimeoutMs));
  }
}

async function recreateJob(kube: KubeClients, job: KubeObject, log: ProgressLog | undefined): Promise<KubernetesObject> {
  const ref = refOf(job);
  log?.info(`${describeRef(ref)}: its pod template changed, which a Job's cannot; deleting the Job and creating it again`);
  try {
    // Background: the old Job goes at once, its pods after it; the new Job's pods are told apart by its uid.
    await kube.objects.delete(job, undefined, undefined, undefined, undefined, 'Background');
    const gone = await until(() => jobGone(kube, job), { timeoutMs: JOB_GONE_TIMEOUT_MS, pollIntervalMs: JOB_GONE_POLL_MS, signal: kube.signal });
    if (!gone) throw new ApplyError(ref, `the old Job was still there ${JOB_GONE_TIMEOUT_MS / 1000} s after its deletion`);
    return await kube.objects.serverSideApply(job, FIELD_MANAGER);
  } catch (error) {
    kube.signal?.throwIfAborted();
    if (error instanceof ApplyError) throw error;
    throw new ApplyError(ref, `replacing the Job: ${describeKubeError(error, kube.callTimeoutMs)}`);
  }
}

async function jobGone(kube: KubeClients, job: KubeObject): Promise<true | undefined> {
  try {
    await kube.objects.read({ apiVersion: job.apiVersion, kind: job.kind, metadata: { name: job.metadata.name, namespace: job.metadata.namespace } });
    return undefined;
  } catch (error) {
    if (isNotFound(error)) return true;
    throw error;
  }
}
