/**
 * Scales Deployments to zero and waits until their pods are gone. A Go binary built with `-cover` writes its
 * coverage only when it exits, so the coverage files are complete only once the pod has terminated.
 */
import { watchCollections } from './changes.js';
import type { KubeClients } from './client.js';
import { FIELD_MANAGER } from './apply.js';
import { describeKubeError } from './errors.js';
import { selectorString } from './pods.js';
import type { ProgressLog } from './types.js';
import { until } from './until.js';

export interface ScaleTarget {
  namespace: string;
  name: string;
}

export interface ScaleOptions {
  timeoutMs: number;
  pollIntervalMs?: number;
  log: ProgressLog;
}

export interface ScaleOutcome {
  target: ScaleTarget;
  /** True once no pod of the Deployment is left, terminating ones included. */
  podsGone: boolean;
  /** Why not, when not. */
  problem?: string;
}

async function scaleOne(kube: KubeClients, target: ScaleTarget, options: ScaleOptions): Promise<ScaleOutcome> {
  const { namespace, name } = target;
  const label = `Deployment ${namespace}/${name}`;
  let selector: string;
  try {
    const deployment = await kube.apps.readNamespacedDeployment({ name, namespace });
    selector = selectorString(deployment.spec!.selector);
    await kube.apps.patchNamespacedDeploymentScale({ name, namespace, fieldManager: FIELD_MANAGER,
      body: [{ op: 'replace', path: '/spec/replicas', value: 0 }] });
  } catch (error) {
    kube.signal?.throwIfAborted();
    return { target, podsGone: false, problem: `cannot scale ${label} to 0: ${describeKubeError(error, kube.callTimeoutMs)}` };
  }
  const pollIntervalMs = options.pollIntervalMs ?? 2000;
  let left: string[] = [];
  const gone = await until(async () => {
    try {
      left = (await kube.core.listNamespacedPod({ namespace, labelSelector: selector })).items.map((p) => p.metadata?.name ?? '');
    } catch (error) {
      kube.signal?.throwIfAborted();
      options.log.debug(`cannot list the pods of ${label}: ${describeKubeError(error, kube.callTimeoutMs)}`);
      return undefined;
    }
    return left.length === 0 ? true : undefined;
  }, {
    timeoutMs: options.timeoutMs, pollIntervalMs, signal: kube.signal,
    wakeUps: watchCollections(kube, [`/api/v1/namespaces/${namespace}/pods`], options.log, pollIntervalMs),
  });
  if (gone) {
    options.log.info(`${label} scaled to 0; its pods are gone`);
    return { target, podsGone: true };
  }
  return { target, podsGone: false,
    problem: `pods of ${label} still present after ${options.timeoutMs / 1000} s: ${left.join(', ')}` };
}

/** Scales all targets at once; reports per target rather than stopping at the first one that fails. */
export async function scaleToZero(kube: KubeClients, targets: readonly ScaleTarget[], options: ScaleOptions): Promise<ScaleOutcome[]> {
  const outcomes = await Promise.all(targets.map((t) => scaleOne(kube, t, options)));
  for (const o of outcomes) if (o.problem) options.log.warning(o.problem);
  return outcomes;
}
