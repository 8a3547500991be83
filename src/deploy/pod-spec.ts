/** Where the pod template lives in each kind of workload. */
import type { KubeObject } from '../kube/types.js';

export interface Container {
  name: string;
  image?: string;
  imagePullPolicy?: string;
  env?: { name: string; value?: string; [key: string]: unknown }[];
  volumeMounts?: { name: string; mountPath: string; [key: string]: unknown }[];
  securityContext?: { runAsUser?: number; runAsNonRoot?: boolean; [key: string]: unknown };
  [key: string]: unknown;
}

export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  volumes?: { name: string; [key: string]: unknown }[];
  securityContext?: { runAsNonRoot?: boolean; [key: string]: unknown };
  [key: string]: unknown;
}

const TEMPLATE_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The pod spec inside the object (the object's own, not a copy), if its kind runs pods. */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const path = TEMPLATE_PATHS[obj.kind];
  if (!path) return undefined;
  let node: unknown = obj;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node && typeof node === 'object' ? (node as PodSpec) : undefined;
}

export function containersOf(spec: PodSpec): Container[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
}
