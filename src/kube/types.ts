/** The shapes the kube adapters share: manifests as plain objects, references to them, the log they write to. */
import type { Log } from '../util/log.js';

/** The part of the engine's log the adapters use. */
export type ProgressLog = Pick<Log, 'info' | 'warning' | 'debug'>;

/** A Kubernetes object as written in a manifest: plain JSON, nothing stripped or renamed. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  /** Absent for cluster-scoped objects, and for namespaced ones that use the kubeconfig's namespace. */
  namespace?: string;
  name: string;
}

export function refOf(obj: KubeObject): ObjectRef {
  const { apiVersion, kind, metadata } = obj;
  return { apiVersion, kind, name: metadata.name, ...(metadata.namespace ? { namespace: metadata.namespace } : {}) };
}

/** `Deployment kubernaut-system/datastorage`, or `CustomResourceDefinition aianalyses.kubernaut.ai`. */
export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** The group of an apiVersion: `apps` for `apps/v1`, '' for the core `v1`. */
export function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}
