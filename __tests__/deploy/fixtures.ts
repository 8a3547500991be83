/** Small inline manifests and manifest sets for the deploy tests. */
import type { ManifestFile, ManifestSet } from '../../src/deploy/manifests.js';
import type { KubeObject } from '../../src/kube/types.js';

export const NS = 'kubernaut-system';

export function namespace(): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } };
}

export function deployment(name: string, image = `aianalysis-e2e.local/${name}`, extra: Record<string, unknown> = {}): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: NS, labels },
    spec: { replicas: 1, selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name, image, ...extra }] } } },
  };
}

export function job(name: string, image = `aianalysis-e2e.local/${name}`): KubeObject {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: NS },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name, image }] } } } };
}

export function configMap(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: NS }, data: { key: name } };
}

export function crd(): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'aianalyses.kubernaut.ai' },
    spec: { group: 'kubernaut.ai', scope: 'Namespaced', names: { plural: 'aianalyses', singular: 'aianalysis', kind: 'AIAnalysis' },
      versions: [{ name: 'v1alpha1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object',
        'x-kubernetes-preserve-unknown-fields': true } } }] },
  };
}

export function aiAnalysis(name: string): KubeObject {
  return { apiVersion: 'kubernaut.ai/v1alpha1', kind: 'AIAnalysis', metadata: { name, namespace: NS }, spec: { signal: 'test' } };
}

export function manifestSet(files: Record<string, KubeObject[]>, crds: KubeObject[] = []): ManifestSet {
  const file = (name: string, documents: KubeObject[]): ManifestFile => ({ name, path: `/manifests/${name}`, documents });
  return {
    crds: crds.length ? [file('crds.yaml', crds)] : [],
    files: new Map(Object.entries(files).map(([name, docs]) => [name, file(name, docs)])),
  };
}

export const IMAGES = {
  datastorage: { reference: 'localhost/kubernaut/datastorage:abc123', pullPolicy: 'Never' },
  aianalysis: { reference: 'localhost/kubernaut/aianalysis:abc123', pullPolicy: 'Never' },
  'holmesgpt-api': { reference: 'localhost/kubernaut/holmesgpt-api:def456', pullPolicy: 'Never' },
  postgresql: { reference: 'postgres:16-alpine', pullPolicy: 'IfNotPresent' },
  redis: { reference: 'redis:7-alpine', pullPolicy: 'IfNotPresent' },
  migrate: { reference: 'localhost/kubernaut/migrate:abc123', pullPolicy: 'Never' },
} as const;
