/**
 * When an object counts as ready: the rules of `kubectl rollout status` for workloads, completion for Jobs,
 * Established for CRDs; anything else is ready once it exists.
 */
import type {
  KubernetesObject, V1CustomResourceDefinition, V1DaemonSet, V1Deployment, V1Job, V1StatefulSet, V1StatefulSetStatus,
} from '@kubernetes/client-node';
import { groupOf } from './types.js';

export type Readiness =
  | { state: 'ready' }
  | { state: 'waiting'; reason: string }
  | { state: 'failed'; reason: string };

const READY: Readiness = { state: 'ready' };
const waiting = (reason: string): Readiness => ({ state: 'waiting', reason });
const failed = (reason: string): Readiness => ({ state: 'failed', reason });

function specObserved(obj: { metadata?: { generation?: number }; status?: { observedGeneration?: number } }): boolean {
  return (obj.metadata?.generation ?? 0) <= (obj.status?.observedGeneration ?? 0);
}

export function deploymentReadiness(d: V1Deployment): Readiness {
  if (!specObserved(d)) return waiting('waiting for the deployment spec update to be observed');
  const status = d.status ?? {};
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return failed(`exceeded its progress deadline${progressing.message ? `: ${progressing.message}` : ''}`);
  }
  const desired = d.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const replicas = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  if (updated < desired) return waiting(`${updated} of ${desired} new replicas have been updated`);
  if (replicas > updated) return waiting(`${replicas - updated} old replicas are pending termination`);
  if (available < updated) return waiting(`${available} of ${updated} updated replicas are available`);
  return READY;
}

export function statefulSetReadiness(s: V1StatefulSet): Readiness {
  const status: Partial<V1StatefulSetStatus> = s.status ?? {};
  if (!status.observedGeneration || !specObserved(s)) return waiting('waiting for the statefulset spec update to be observed');
  const desired = s.spec?.replicas ?? 1;
  const ready = status.readyReplicas ?? 0;
  if (ready < desired) return waiting(`${ready} of ${desired} pods are ready`);
  const strategy = s.spec?.updateStrategy;
  // Only RollingUpdate has revisions to converge; with OnDelete, ready pods are all kubectl can check.
  if (strategy?.type !== undefined && strategy.type !== 'RollingUpdate') return READY;
  const partition = strategy?.rollingUpdate?.partition ?? 0;
  if (partition > 0) {
    const updated = status.updatedReplicas ?? 0;
    return updated < desired - partition
      ? waiting(`partitioned roll out: ${updated} of ${desired - partition} new pods have been updated`)
      : READY;
  }
  if (status.updateRevision !== status.currentRevision) {
    return waiting(`rolling update in progress: ${status.updatedReplicas ?? 0} pods at revision ${status.updateRevision}`);
  }
  return READY;
}

export function daemonSetReadiness(d: V1DaemonSet): Readiness {
  if (!specObserved(d)) return waiting('waiting for the daemon set spec update to be observed');
  const status = d.status;
  const desired = status?.desiredNumberScheduled ?? 0;
  const updated = status?.updatedNumberScheduled ?? 0;
  const available = status?.numberAvailable ?? 0;
  if (updated < desired) return waiting(`${updated} of ${desired} updated pods have been scheduled`);
  if (available < desired) return waiting(`${available} of ${desired} updated pods are available`);
  return READY;
}

export function jobReadiness(j: V1Job): Readiness {
  const conditions = j.status?.conditions ?? [];
  const failure = conditions.find((c) => c.type === 'Failed' && c.status === 'True');
  if (failure) return failed(`failed: ${failure.reason ?? ''}${failure.message ? ` (${failure.message})` : ''}`.trim());
  if (conditions.some((c) => c.type === 'Complete' && c.status === 'True')) return READY;
  return waiting(`${j.status?.succeeded ?? 0} of ${j.spec?.completions ?? 1} completions`);
}

export function crdReadiness(c: V1CustomResourceDefinition): Readiness {
  const conditions = c.status?.conditions ?? [];
  const names = conditions.find((x) => x.type === 'NamesAccepted');
  if (names?.status === 'False') return failed(`names not accepted: ${names.message ?? names.reason ?? ''}`);
  if (conditions.some((x) => x.type === 'Established' && x.status === 'True')) return READY;
  return waiting('not Established yet');
}

type Rule = (obj: KubernetesObject) => Readiness;

const RULES: Record<string, Rule> = {
  'apps/Deployment': (o) => deploymentReadiness(o as V1Deployment),
  'apps/StatefulSet': (o) => statefulSetReadiness(o as V1StatefulSet),
  'apps/DaemonSet': (o) => daemonSetReadiness(o as V1DaemonSet),
  'batch/Job': (o) => jobReadiness(o as V1Job),
  'apiextensions.k8s.io/CustomResourceDefinition': (o) => crdReadiness(o as V1CustomResourceDefinition),
};

export function readiness(obj: KubernetesObject): Readiness {
  const rule = RULES[`${groupOf(obj.apiVersion ?? '')}/${obj.kind}`];
  return rule ? rule(obj) : READY;
}
