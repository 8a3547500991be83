/** The pods behind a workload, and the container states that will not fix themselves. */
import type { KubernetesObject, V1LabelSelector, V1Pod } from '@kubernetes/client-node';
import type { KubeClients } from './client.js';
import { groupOf } from './types.js';

/** Waiting reasons that mean the container will not start without a change to the manifest or image. */
const FATAL_WAITING_REASONS: ReadonlySet<string> = new Set([
  'CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'ErrImageNeverPull', 'InvalidImageName',
  'CreateContainerConfigError',
]);

export interface PodProblem {
  pod: string;
  container: string;
  reason: string;
  message?: string;
  restartCount: number;
  exitCode?: number;
}

export function describePodProblem(p: PodProblem): string {
  const details = [p.restartCount ? `restarts ${p.restartCount}` : '', p.exitCode !== undefined ? `exit code ${p.exitCode}` : '']
    .filter(Boolean).join(', ');
  return `pod ${p.pod} container ${p.container}: ${p.reason}${details ? ` (${details})` : ''}${p.message ? ` — ${p.message}` : ''}`;
}

/** The first container of the pod that is stuck for good, if any. Terminating pods are ignored. */
export function podProblem(pod: V1Pod): PodProblem | undefined {
  if (pod.metadata?.deletionTimestamp) return undefined;
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  for (const s of statuses) {
    const base = { pod: pod.metadata?.name ?? '', container: s.name, restartCount: s.restartCount ?? 0 };
    const waiting = s.state?.waiting;
    const oom = [s.state?.terminated, s.lastState?.terminated].find((t) => t?.reason === 'OOMKilled');
    if (oom) return { ...base, reason: 'OOMKilled', exitCode: oom.exitCode, message: waiting?.reason };
    if (waiting?.reason && FATAL_WAITING_REASONS.has(waiting.reason)) {
      const exitCode = s.lastState?.terminated?.exitCode;
      return { ...base, reason: waiting.reason, message: waiting.message, ...(exitCode !== undefined ? { exitCode } : {}) };
    }
  }
  return undefined;
}

/** `app=x,tier in (a,b)`: a label selector in the query-parameter syntax. */
export function selectorString(selector: V1LabelSelector): string {
  const labels = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  const expressions = (selector.matchExpressions ?? []).map((e) => {
    switch (e.operator) {
      case 'In': return `${e.key} in (${(e.values ?? []).join(',')})`;
      case 'NotIn': return `${e.key} notin (${(e.values ?? []).join(',')})`;
      case 'Exists': return e.key;
      default: return `!${e.key}`;
    }
  });
  return [...labels, ...expressions].join(',');
}

const POD_OWNERS = new Set(['apps/Deployment', 'apps/StatefulSet', 'apps/DaemonSet', 'apps/ReplicaSet', 'batch/Job']);

/** Whether the object runs pods, i.e. whether its pods can tell why it is not ready. */
export function runsPods(apiVersion: string, kind: string): boolean {
  return POD_OWNERS.has(`${groupOf(apiVersion)}/${kind}`) || (apiVersion === 'v1' && kind === 'Pod');
}

export async function podsBehind(kube: KubeClients, obj: KubernetesObject): Promise<V1Pod[]> {
  const namespace = obj.metadata?.namespace;
  const name = obj.metadata?.name;
  if (!namespace || !name || !runsPods(obj.apiVersion ?? '', obj.kind ?? '')) return [];
  if (obj.kind === 'Pod') {
    return (await kube.core.listNamespacedPod({ namespace, fieldSelector: `metadata.name=${name}` })).items;
  }
  const selector = (obj as { spec?: { selector?: V1LabelSelector } }).spec?.selector;
  if (!selector) return [];
  return (await kube.core.listNamespacedPod({ namespace, labelSelector: selectorString(selector) })).items;
}
