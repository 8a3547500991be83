/**
 * Waits for a set of objects to be ready under one deadline. Watches wake the check up; polling backs them up.
 * A pod stuck for good (crash loop, image pull failure, OOM kill…) fails the wait at once.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { watchCollections } from './changes.js';
import type { KubeClients } from './client.js';
import { describeKubeError, isNotFound } from './errors.js';
import { type PodProblem, describePodProblem, podProblem, podsBehind, runsPods } from './pods.js';
import { type Readiness, readiness } from './readiness.js';
import { type ObjectRef, type ProgressLog, describeRef } from './types.js';
import { until } from './until.js';

export interface WaitOptions {
  timeoutMs: number;
  /** How often to re-check when no watch event arrives (default 2 s). */
  pollIntervalMs?: number;
  log: ProgressLog;
}

export interface NotReady {
  ref: ObjectRef;
  /** Why it is not ready: the failure, or at a timeout the last thing it was waiting for. */
  reason: string;
  pod?: PodProblem;
}

export type WaitResult =
  | { ok: true }
  | { ok: false; cause: 'failed' | 'timeout'; notReady: NotReady[] };

interface Target {
  ref: ObjectRef;
  collection: string;
  runsPods: boolean;
}

type Verdict = Readiness & { pod?: PodProblem };

async function resolveTarget(kube: KubeClients, ref: ObjectRef): Promise<Target> {
  const namespace = (await kube.objects.isNamespaced(ref.apiVersion, ref.kind))
    ? ref.namespace ?? kube.objects.fallbackNamespace : undefined;
  const resolved = { ...ref, namespace };
  if (!namespace) delete resolved.namespace;
  return {
    ref: resolved,
    collection: await kube.objects.collectionPath(ref.apiVersion, ref.kind, namespace),
    runsPods: runsPods(ref.apiVersion, ref.kind),
  };
}

async function evaluate(kube: KubeClients, target: Target): Promise<Verdict> {
  const { ref } = target;
  let obj: KubernetesObject;
  try {
    obj = await kube.objects.read({ apiVersion: ref.apiVersion, kind: ref.kind,
      metadata: { name: ref.name, namespace: ref.namespace } });
  } catch (error) {
    kube.signal?.throwIfAborted();
    // Not there yet, or one failed read: both are worth another look before the deadline.
    return { state: 'waiting', reason: isNotFound(error) ? 'does not exist yet' : `cannot be read: ${describeKubeError(error)}` };
  }
  const verdict = readiness(obj);
  if (verdict.state !== 'waiting' || !target.runsPods) return verdict;
  let pods;
  try {
    pods = await podsBehind(kube, obj);
  } catch {
    kube.signal?.throwIfAborted();
    return verdict; // the pods are looked at again on the next check
  }
  const stuck = pods.map(podProblem).find((p) => p !== undefined);
  return stuck ? { state: 'failed', reason: describePodProblem(stuck), pod: stuck } : verdict;
}

export async function waitForReady(kube: KubeClients, refs: readonly ObjectRef[], options: WaitOptions): Promise<WaitResult> {
  const { log } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 2000;
  const targets = await Promise.all(refs.map((ref) => resolveTarget(kube, ref)));
  const pending = new Set(targets);
  const lastReason = new Map<Target, string>();
  const podCollections = targets.filter((t) => t.runsPods && t.ref.namespace)
    .map((t) => `/api/v1/namespaces/${t.ref.namespace}/pods`);

  const result = await until<WaitResult>(async () => {
    const verdicts = await Promise.all([...pending].map(async (t) => [t, await evaluate(kube, t)] as const));
    const failures: NotReady[] = [];
    for (const [target, verdict] of verdicts) {
      if (verdict.state === 'ready') {
        pending.delete(target);
        log.info(`${describeRef(target.ref)} is ready`);
      } else if (verdict.state === 'failed') {
        failures.push({ ref: target.ref, reason: verdict.reason, ...(verdict.pod ? { pod: verdict.pod } : {}) });
      } else if (lastReason.get(target) !== verdict.reason) {
        lastReason.set(target, verdict.reason);
        log.debug(`${describeRef(target.ref)}: ${verdict.reason}`);
      }
    }
    if (failures.length) return { ok: false, cause: 'failed', notReady: failures };
    return pending.size === 0 ? { ok: true } : undefined;
  }, {
    timeoutMs: options.timeoutMs,
    pollIntervalMs,
    signal: kube.signal,
    wakeUps: watchCollections(kube, [...targets.map((t) => t.collection), ...podCollections], log, pollIntervalMs),
  });

  return result ?? {
    ok: false, cause: 'timeout',
    notReady: [...pending].map((t) => ({ ref: t.ref, reason: lastReason.get(t) ?? 'not ready' })),
  };
}
